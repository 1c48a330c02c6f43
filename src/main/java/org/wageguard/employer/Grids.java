package org.wageguard.employer;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;

/**
 * The grids (网格) of the "两网化" system as other modules read them: a grid lies within one town or street, its
 * workers are officers holding the grid worker role with the grid's code, and employers carry the code of the grid
 * they lie in. Casework reads a grid to give a grid worker's clue its region.
 */
@Service
@Transactional(readOnly = true)
public class Grids {

    /** Grid workers per grid that the practice asks for (at least two assistants a grid). */
    public static final int MIN_WORKERS = 2;

    /** The refresh period in months (each employer is confirmed or updated by its grid worker this often). */
    public static final String REFRESH_MONTHS = "${wageguard.grid.refresh-months:6}";

    /** The grid table's scope columns under the alias {@code g}: a grid is scoped by its region and its code. */
    public static final ScopeColumns SCOPE = ScopeColumns.of("g.region_code", null, null, "g.code", null);

    public record Grid(String code, String name, String regionCode, String regionName, String notes, boolean enabled,
            int version) {
    }

    private static final String SELECT = """
            SELECT g.code, g.name, g.region_code, r.name AS region_name, g.notes, g.enabled, g.version
              FROM grid g JOIN region r ON r.code = g.region_code
            """;

    private final JdbcClient jdbc;

    Grids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Grid> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE g.code = :code").param("code", code.trim()).query(Rows.of(Grid.class)).optional();
    }

    /** The grid if the scope covers it; otherwise it does not exist for the reader. */
    public Optional<Grid> find(DataScope scope, String code) {
        ScopePredicate predicate = scope.predicate(SCOPE);
        return jdbc.sql(SELECT + " WHERE g.code = :code AND " + predicate.sql()).params(predicate.parameters())
                .param("code", code).query(Rows.of(Grid.class)).optional();
    }

    /** Every grid within the scope, by region and code. */
    public List<Grid> within(DataScope scope) {
        ScopePredicate predicate = scope.predicate(SCOPE);
        return jdbc.sql(SELECT + " WHERE " + predicate.sql() + " ORDER BY g.region_code, g.code")
                .params(predicate.parameters()).query(Rows.of(Grid.class)).list();
    }

    /** The enabled grids of a region's subtree (choices on an employer's form). */
    public List<Grid> inRegion(String regionCode) {
        return jdbc.sql(SELECT + " WHERE g.enabled AND g.region_code LIKE :prefix ORDER BY g.region_code, g.code")
                .param("prefix", RegionCode.of(regionCode).subtreePrefix() + "%").query(Rows.of(Grid.class)).list();
    }
}
