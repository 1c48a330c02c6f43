package org.wageguard.employer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.employer.Grids;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Masking;
import org.wageguard.shared.Rows;

/**
 * The grids with their workers and employers as the administration and the leadership office see them, and the
 * grids' own records (created and edited by the administration). A grid worker is an officer account holding the
 * grid worker role with the grid's code; accounts themselves are made in identity's user administration.
 */
@Service
@Transactional(readOnly = true)
public class GridRegister {

    /** A grid worker as the grid pages list them: the phone only masked. */
    public record Worker(long id, String username, String displayName, String mobileMasked, boolean enabled) {
    }

    /** One grid with its workers and the refresh state of its employers. */
    public record GridRow(Grids.Grid grid, List<Worker> workers, int employers, int overdue) {

        public long activeWorkers() {
            return workers.stream().filter(Worker::enabled).count();
        }

        /** Fewer enabled workers than the practice asks for. */
        public boolean understaffed() {
            return activeWorkers() < Grids.MIN_WORKERS;
        }
    }

    public record GridDraft(String code, String name, String regionCode, String notes, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final Grids grids;
    private final EmployerRefresh refresh;
    private final SensitiveData sensitive;
    private final OperationLog operationLog;
    private final Clock clock;

    GridRegister(JdbcClient jdbc, Grids grids, EmployerRefresh refresh, SensitiveData sensitive,
            OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.refresh = refresh;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** The grids within the scope with their workers and how many of their employers are overdue for refresh. */
    public List<GridRow> rows(DataScope scope) {
        List<Grids.Grid> list = grids.within(scope);
        if (list.isEmpty()) {
            return List.of();
        }
        List<String> codes = list.stream().map(Grids.Grid::code).toList();
        Map<String, List<Worker>> workers = workers(codes);
        record Counts(String gridCode, LocalDate refreshedOn, LocalDate registeredOn) {
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, List<Counts>> employers = jdbc.sql("""
                SELECT grid_code, refreshed_on, registered_on FROM employer
                 WHERE grid_code IN (:codes) AND operating_status <> 'CLOSED'
                """).param("codes", codes).query(Rows.of(Counts.class)).list().stream()
                .collect(Collectors.groupingBy(Counts::gridCode));
        return list.stream().map(g -> {
            List<Counts> mine = employers.getOrDefault(g.code(), List.of());
            int overdue = (int) mine.stream()
                    .filter(c -> refresh.dueOn(c.refreshedOn(), c.registeredOn()).isBefore(today)).count();
            return new GridRow(g, workers.getOrDefault(g.code(), List.of()), mine.size(), overdue);
        }).toList();
    }

    /** The workers of the given grids: officers with the grid worker role, by grid. */
    public Map<String, List<Worker>> workers(List<String> gridCodes) {
        record Row(String gridCode, long id, String username, String displayName, String mobileCipher,
                boolean enabled) {
        }
        return jdbc.sql("""
                SELECT o.grid_code, o.id, o.username, o.display_name, o.mobile_cipher, o.enabled
                  FROM officer_directory o
                 WHERE o.grid_code IN (:codes)
                   AND EXISTS (SELECT 1 FROM officer_role x WHERE x.officer_id = o.id AND x.role_code = 'GRID_WORKER')
                 ORDER BY o.grid_code, o.enabled DESC, o.id
                """).param("codes", gridCodes).query(Rows.of(Row.class)).list().stream()
                .collect(Collectors.groupingBy(Row::gridCode, java.util.LinkedHashMap::new, Collectors.mapping(
                        r -> new Worker(r.id(), r.username(), r.displayName(), r.mobileCipher() == null ? null
                                : Masking.mobile(sensitive.decryptForProcessing(r.mobileCipher())), r.enabled()),
                        Collectors.toList())));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the code (or the name in its region) is taken */
    @Transactional
    public void create(GridDraft d) {
        jdbc.sql("""
                INSERT INTO grid (code, name, region_code, notes, enabled, created_by, updated_by)
                VALUES (:code, :name, :region, :notes, :enabled, :actor, :actor)
                """).param("code", d.code()).param("name", d.name()).param("region", d.regionCode())
                .param("notes", d.notes()).param("enabled", d.enabled()).param("actor", actor()).update();
        operationLog.record("GRID_CREATE", "grid", d.code(), "新增网格 " + d.code() + " " + d.name());
    }

    /** The code is the grid's identity (employers and accounts carry it): it is not edited. */
    @Transactional
    public void update(String code, int version, GridDraft d) {
        Versioned.update(jdbc, "grid", "name = :name, region_code = :region, notes = :notes, enabled = :enabled")
                .param("name", d.name()).param("region", d.regionCode()).param("notes", d.notes())
                .param("enabled", d.enabled()).key("code").by(actor()).existingRow(code, version);
        operationLog.record("GRID_UPDATE", "grid", code, "修改网格 " + code + " " + d.name());
    }

    private static String actor() {
        return CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
    }
}
