package org.wageguard.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.Grids;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.shared.Rows;

/**
 * Coverage figures per grid (网格覆盖统计), read from the records: the grid workers in post, the employers registered in
 * the grid (not deregistered), how many of them were refreshed on time (their next refresh not yet overdue today)
 * and the share, and the clues reported in a period (cases on the grid channel registered in the period, about an
 * employer of the grid or reported by one of its grid workers).
 */
@Service
@Transactional(readOnly = true)
public class GridCoverage {

    public record Row(String code, String name, String regionName, int workers, int employers, int onTime,
            int clues) {

        /** Refreshed on time, in percent with one decimal; {@code null} where the grid has no employer. */
        public BigDecimal onTimeRate() {
            return employers == 0 ? null
                    : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(employers), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * A town labor-security station's figures over the clues it received in the period (casework's view
     * {@code station_daily_figure}, the same rows the station's own ledger adds up).
     */
    public record StationRow(String regionCode, String regionName, long received, long mediated, long settled,
            BigDecimal recovered, long workersPaid, long handedUp, long acknowledged) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int months;

    GridCoverage(JdbcClient jdbc, Clock clock, @Value(Grids.REFRESH_MONTHS) int months) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** One row a grid within the scope, by region and code. */
    public List<Row> rows(DataScope scope, LocalDate from, LocalDate to) {
        ScopePredicate predicate = scope.predicate(Grids.SCOPE);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("months", months);
        params.put("today", LocalDate.now(clock));
        params.put("from", from);
        params.put("to", to);
        return jdbc.sql("""
                SELECT g.code, g.name, r.name AS region_name,
                       (SELECT count(*) FROM officer_directory o WHERE o.grid_code = g.code AND o.enabled
                           AND EXISTS (SELECT 1 FROM officer_role x WHERE x.officer_id = o.id AND x.role_code = 'GRID_WORKER')
                       ) AS workers,
                       (SELECT count(*) FROM published_employer e WHERE e.grid_code = g.code AND e.operating_status <> 'CLOSED') AS employers,
                       (SELECT count(*) FROM published_employer e WHERE e.grid_code = g.code AND e.operating_status <> 'CLOSED'
                           AND CAST(COALESCE(e.refreshed_on, e.registered_on) + make_interval(months => CAST(:months AS INT)) AS DATE)
                               >= CAST(:today AS DATE)) AS on_time,
                       (SELECT count(*) FROM registered_case c WHERE c.channel = 'GRID'
                           AND c.registered_on BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
                           AND (c.employer_id IN (SELECT e.id FROM published_employer e WHERE e.grid_code = g.code)
                                OR c.created_by IN (SELECT o.username FROM officer_directory o WHERE o.grid_code = g.code))) AS clues
                  FROM published_grid g JOIN region r ON r.code = g.region_code
                 WHERE\s""" + predicate.sql() + " ORDER BY g.region_code, g.code").params(params).query(Rows.of(Row.class)).list();
    }

    /** One line a station within the scope (the station's region is its town), by region code. */
    public List<StationRow> stations(DataScope scope, LocalDate from, LocalDate to) {
        ScopePredicate predicate = scope.predicate(org.wageguard.identity.ScopeColumns.of("f.region_code", null, null,
                null, null));
        return jdbc.sql("""
                SELECT f.region_code, r.name AS region_name, sum(f.received) AS received, sum(f.mediated) AS mediated,
                       sum(f.settled) AS settled, sum(f.recovered) AS recovered, sum(f.workers_paid) AS workers_paid,
                       sum(f.handed_up) AS handed_up, sum(f.acknowledged) AS acknowledged
                  FROM station_daily_figure f JOIN region r ON r.code = f.region_code
                 WHERE f.received_on BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE) AND\s""" + predicate.sql() + " " + """
                 GROUP BY f.region_code, r.name ORDER BY f.region_code""").params(predicate.parameters())
                .param("from", from).param("to", to).query(Rows.of(StationRow.class)).list();
    }
}
