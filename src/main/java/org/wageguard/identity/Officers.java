package org.wageguard.identity;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Masking;

/** Reads officers within the reader's data scope: a record outside it does not exist for them. */
@Service
@Transactional(readOnly = true)
public class Officers {

    /** The officer table's scope columns: officers are scoped like any other record. */
    static final ScopeColumns COLUMNS = ScopeColumns.of("o.region_code", "o.department_id", "o.organisation_code",
            "o.grid_code", "o.id");

    public record OfficerView(long id, String username, String displayName, String regionCode, String regionName,
            Long departmentId, String departmentName, String organisationCode, String organisationName,
            String gridCode, String title, String mobileMasked, String idNumberMasked, boolean enabled,
            boolean locked, List<String> roles, List<String> roleNames, Timestamp lastLoginAt, int version,
            String mobileCipher, String idNumberCipher) {
    }

    public record Filter(String keyword, Long departmentId, String role, Boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;

    Officers(JdbcClient jdbc, SensitiveData sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    private static final String SELECT = """
            SELECT o.id, o.username, o.display_name, o.region_code, r.name AS region_name, o.department_id,
                   d.name AS department_name, o.organisation_code, o.organisation_name, o.grid_code, o.title,
                   o.mobile_cipher, o.id_number_cipher, o.enabled,
                   (o.locked_until IS NOT NULL AND o.locked_until > now()) AS locked, o.last_login_at, o.version,
                   COALESCE((SELECT string_agg(x.role_code, ',' ORDER BY ro.sort_order) FROM officer_role x
                              JOIN role ro ON ro.code = x.role_code WHERE x.officer_id = o.id), '') AS roles,
                   COALESCE((SELECT string_agg(ro.name, ',' ORDER BY ro.sort_order) FROM officer_role x
                              JOIN role ro ON ro.code = x.role_code WHERE x.officer_id = o.id), '') AS role_names
              FROM officer o JOIN region r ON r.code = o.region_code
              LEFT JOIN department d ON d.id = o.department_id
            """;

    public Listing<OfficerView> list(DataScope scope, Filter filter, int page, int size,
            java.util.function.IntFunction<String> linker) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        StringBuilder where = new StringBuilder(" WHERE ").append(predicate.sql());
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            where.append(" AND (o.username ILIKE :kw OR o.display_name ILIKE :kw)");
            params.put("kw", "%" + filter.keyword().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.departmentId() != null) {
            where.append(" AND o.department_id = :dept");
            params.put("dept", filter.departmentId());
        }
        if (filter.role() != null && !filter.role().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM officer_role x WHERE x.officer_id = o.id AND x.role_code = :role)");
            params.put("role", filter.role());
        }
        if (filter.enabled() != null) {
            where.append(" AND o.enabled = :enabled");
            params.put("enabled", filter.enabled());
        }
        long total = jdbc.sql("SELECT count(*) FROM officer o" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", Listing.offset(page, size));
        List<OfficerView> rows = jdbc.sql(SELECT + where + " ORDER BY o.region_code, d.sort_order NULLS LAST, o.id"
                + " LIMIT :limit OFFSET :offset").params(params).query(this::map).list();
        return new Listing<>(rows, total, Math.max(page, 1), size, linker);
    }

    /** One officer, if the scope covers them. */
    public Optional<OfficerView> find(DataScope scope, long id) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("id", id);
        return jdbc.sql(SELECT + " WHERE o.id = :id AND " + predicate.sql()).params(params).query(this::map).optional();
    }

    private OfficerView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long dept = rs.getLong("department_id");
        Long departmentId = rs.wasNull() ? null : dept;
        String mobileCipher = rs.getString("mobile_cipher");
        String idCipher = rs.getString("id_number_cipher");
        String roles = rs.getString("roles");
        String roleNames = rs.getString("role_names");
        return new OfficerView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("region_code"), rs.getString("region_name"), departmentId,
                rs.getString("department_name"), rs.getString("organisation_code"), rs.getString("organisation_name"),
                rs.getString("grid_code"), rs.getString("title"),
                mobileCipher == null ? null : Masking.mobile(sensitive.decryptForProcessing(mobileCipher)),
                idCipher == null ? null : Masking.idNumber(sensitive.decryptForProcessing(idCipher)),
                rs.getBoolean("enabled"), rs.getBoolean("locked"),
                roles.isEmpty() ? List.of() : List.of(roles.split(",")),
                roleNames.isEmpty() ? List.of() : List.of(roleNames.split(",")),
                rs.getTimestamp("last_login_at"), rs.getInt("version"), mobileCipher, idCipher);
    }
}
