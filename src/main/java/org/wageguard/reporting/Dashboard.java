package org.wageguard.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.SummaryCache;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;

/**
 * The dashboard's figures for a period and a region: cases and money by month, by sector, by channel and by
 * department. Every segment carries the link to the case list filtered to exactly its rows (the list's
 * {@code counted} filter applies the same definition), so a segment's count equals its drill-down's.
 */
@Service
public class Dashboard {

    /** One segment of a chart: its label, its counts and money, and the list of its rows. */
    public record Segment(String key, String label, long cases, long workers, BigDecimal claimed, BigDecimal recovered,
            BigDecimal paidOut, String link) {
    }

    public record Figures(LocalDate from, LocalDate to, Segment total, List<Segment> byMonth, List<Segment> bySector,
            List<Segment> byChannel, List<Segment> byDepartment, List<Count> alerts, List<Rate> compliance,
            List<Count> clues, Count inspected) {
    }

    /**
     * A matter no longer handled nor tracked (as casework's list filter {@code open=false} selects): tracking ended,
     * refused or withdrawn. A closed matter is still followed up (回访、再核查) until tracking ends.
     */
    static final String FINISHED = "c.status IN ('TRACKING_ENDED','REFUSED','WITHDRAWN')";

    /** Closed and still under follow-up (结案后仍在跟踪): the dashboard's 还在跟踪 and the list's {@code status=CLOSED}. */
    static final String TRACKED = "c.status = 'CLOSED'";

    /**
     * The national clue platform's matters registered in a period: received, being handled, closed and still tracked,
     * finished (tracking ended, refused or withdrawn).
     */
    record Clues(long received, long handling, long tracked, long finished) {
    }

    static Clues clues(JdbcClient jdbc, Map<String, Object> p) {
        return jdbc.sql("""
                SELECT count(*) AS received, count(*) FILTER (WHERE NOT %1$s AND NOT %2$s) AS handling,
                       count(*) FILTER (WHERE %2$s) AS tracked, count(*) FILTER (WHERE %1$s) AS finished
                  FROM registered_case c WHERE c.channel = 'PLATFORM' AND c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t
                """.formatted(FINISHED, TRACKED)).params(p).query(Rows.of(Clues.class)).single();
    }

    /** A count with the list of its rows: the alerts of one severity first raised in the period. */
    public record Count(String key, String label, long count, String link) {
    }

    /** A compliance item's rate over the projects under way today: in place / required (不适用 left out). */
    public record Rate(String key, String label, long present, long required, String link) {
        public BigDecimal percent() {
            return required == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(present * 100).divide(BigDecimal.valueOf(required), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /**
     * Per compliance item over the region's projects under way today ({@code p} binds {@code :p}, the region prefix
     * with %): {in place, required} — 不适用 left out.
     */
    static Map<String, long[]> complianceCounts(JdbcClient jdbc, Map<String, Object> p) {
        Map<String, long[]> items = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT i.kind, count(*) FILTER (WHERE i.status = 'PRESENT'), count(*) FILTER (WHERE i.status <> 'NOT_APPLICABLE')
                  FROM published_compliance_item i JOIN published_project pr ON pr.id = i.project_id
                 WHERE pr.region_code LIKE :p AND pr.status IN ('UNDER_CONSTRUCTION', 'SUSPENDED')
                 GROUP BY i.kind
                """).params(p).query((rs, n) -> items.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return items;
    }

    /** The distinct projects of the region inspected on site in the period ({@code p} binds :p, :f, :t). */
    static long inspectedProjects(JdbcClient jdbc, Map<String, Object> p) {
        return jdbc.sql("""
                SELECT count(DISTINCT t.project_id) FROM published_inspection i JOIN published_campaign_target t ON t.id = i.target_id
                  JOIN published_project pr ON pr.id = t.project_id
                 WHERE pr.region_code LIKE :p AND i.inspected_on BETWEEN :f AND :t
                """).params(p).query(Long.class).single();
    }

    private static final String SUMS = """
            count(*) AS cases, COALESCE(sum(c.workers), 0) AS workers, COALESCE(sum(c.amount_claimed), 0) AS claimed,
            COALESCE(sum(c.amount_recovered), 0) AS recovered, COALESCE(sum(c.amount_paid_out), 0) AS paid_out
            """;

    private final JdbcClient jdbc;
    private final SummaryCache summaries;

    Dashboard(JdbcClient jdbc, SummaryCache summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    private record Row(String key, String label, long cases, long workers, BigDecimal claimed, BigDecimal recovered,
            BigDecimal paidOut) {
    }

    @Transactional(readOnly = true)
    public Figures figures(String regionCode, LocalDate from, LocalDate to, Map<String, String> channelLabels) {
        return figures(regionCode, from, to, channelLabels, Map.of(), Map.of());
    }

    /**
     * @param severityLabels the Chinese names of the alert severities, in display order
     * @param complianceLabels the Chinese names of the compliance items, in display order
     */
    @Transactional(readOnly = true)
    public Figures figures(String regionCode, LocalDate from, LocalDate to, Map<String, String> channelLabels,
            Map<String, String> severityLabels, Map<String, String> complianceLabels) {
        // A province's half year is a hundred thousand cases: computed once per region and period, not per viewer.
        return summaries.get(List.of("dashboard", regionCode, from, to, channelLabels, severityLabels, complianceLabels),
                () -> compute(regionCode, from, to, channelLabels, severityLabels, complianceLabels));
    }

    private Figures compute(String regionCode, LocalDate from, LocalDate to, Map<String, String> channelLabels,
            Map<String, String> severityLabels, Map<String, String> complianceLabels) {
        String prefix = RegionCode.of(regionCode).subtreePrefix();
        Map<String, Object> p = Map.of("p", prefix + "%", "f", Date.valueOf(from), "t", Date.valueOf(to));
        String where = " FROM counted_case c WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t";
        String period = "/cases?counted=true&from=" + from + "&to=" + to;

        // One pass over the period's cases, grouped at the finest grain the charts need (month × sector × channel
        // × department: a few thousand groups for a province), then added up here per chart. Five scans of a
        // province's hundred thousands of cases were five times as slow.
        record Cell(String month, String sectorKey, String sectorLabel, String channel, String departmentKey,
                String departmentLabel, long cases, long workers, BigDecimal claimed, BigDecimal recovered,
                BigDecimal paidOut) {
        }
        List<Cell> cells = jdbc.sql("""
                WITH g AS (SELECT date_trunc('month', c.registered_on) AS month, c.sector_code, c.channel,
                                  c.department_id, """ + SUMS + where + """
                            GROUP BY 1, 2, 3, 4)
                SELECT to_char(g.month, 'YYYY-MM') AS month, COALESCE(s.parent_code, s.code, '-') AS sector_key,
                       COALESCE(ps.name, s.name, '未填行业') AS sector_label, g.channel,
                       COALESCE(d.id::text, '-') AS department_key, COALESCE(d.name, '未指定') AS department_label,
                       g.cases, g.workers, g.claimed, g.recovered, g.paid_out
                  FROM g LEFT JOIN industry_sector s ON s.code = g.sector_code
                  LEFT JOIN industry_sector ps ON ps.code = s.parent_code
                  LEFT JOIN department d ON d.id = g.department_id
                """).params(p).query(Rows.of(Cell.class)).list();
        java.util.function.BiFunction<java.util.function.Function<Cell, String>, java.util.function.Function<Cell, String>, List<Row>> by =
                (key, label) -> {
                    Map<String, Row> sums = new java.util.LinkedHashMap<>();
                    for (Cell c : cells) {
                        sums.merge(key.apply(c), new Row(key.apply(c), label.apply(c), c.cases(), c.workers(), c.claimed(),
                                c.recovered(), c.paidOut()), (a, b) -> new Row(a.key(), a.label(), a.cases() + b.cases(),
                                        a.workers() + b.workers(), a.claimed().add(b.claimed()),
                                        a.recovered().add(b.recovered()), a.paidOut().add(b.paidOut())));
                    }
                    return new java.util.ArrayList<>(sums.values());
                };
        java.util.Comparator<Row> mostFirst = java.util.Comparator.comparingLong(Row::cases).reversed()
                .thenComparing(Row::key);
        Row total = by.apply(c -> "total", c -> "").stream().findFirst()
                .orElse(new Row("total", "", 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        List<Segment> byMonth = by.apply(Cell::month, Cell::month).stream().sorted(java.util.Comparator.comparing(Row::key))
                .map(r -> {
                    YearMonth m = YearMonth.parse(r.key());
                    LocalDate a = m.atDay(1).isBefore(from) ? from : m.atDay(1);
                    LocalDate b = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
                    return segment(r, "/cases?counted=true&from=" + a + "&to=" + b);
                }).toList();
        List<Segment> bySector = by.apply(Cell::sectorKey, Cell::sectorLabel).stream().sorted(mostFirst)
                .map(r -> segment(r, r.key().equals("-") ? null : period + "&sector=" + r.key())).toList();
        List<Segment> byChannel = by.apply(Cell::channel, c -> channelLabels.getOrDefault(c.channel(), c.channel()))
                .stream().sorted(mostFirst).map(r -> segment(r, period + "&channel=" + r.key())).toList();
        List<Segment> byDepartment = by.apply(Cell::departmentKey, Cell::departmentLabel).stream().sorted(mostFirst)
                .map(r -> segment(r, r.key().equals("-") ? null : period + "&departmentId=" + r.key())).toList();
        Map<String, Long> raised = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT a.severity, count(*) FROM published_alert a WHERE a.region_code LIKE :p
                   AND a.first_raised_at >= CAST(:f AS DATE) AND a.first_raised_at < CAST(:t AS DATE) + 1
                 GROUP BY a.severity
                """).params(p).query((rs, n) -> raised.put(rs.getString(1), rs.getLong(2))).list();
        List<Count> alerts = severityLabels.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue(),
                raised.getOrDefault(e.getKey(), 0L), "/monitoring/alerts?severity=" + e.getKey() + "&all=true&from=" + from
                        + "&to=" + to)).toList();
        Map<String, long[]> items = complianceCounts(jdbc, p);
        List<Rate> compliance = complianceLabels.entrySet().stream().map(e -> {
            long[] v = items.getOrDefault(e.getKey(), new long[2]);
            return new Rate(e.getKey(), e.getValue(), v[0], v[1], "/compliance");
        }).toList();
        Clues c = clues(jdbc, p);
        String clueList = "/cases?channel=PLATFORM&from=" + from + "&to=" + to;
        List<Count> clues = List.of(new Count("received", null, c.received(), clueList),
                new Count("finished", null, c.finished(), clueList + "&open=false"),
                new Count("tracked", null, c.tracked(), clueList + "&status=CLOSED"));
        long inspectedProjects = inspectedProjects(jdbc, p);
        Count inspected = new Count("inspected", null, inspectedProjects, "/inspection/inspections?from=" + from + "&to=" + to);
        return new Figures(from, to, segment(total, period), byMonth, bySector, byChannel, byDepartment, alerts, compliance,
                clues, inspected);
    }

    /** How many seconds a province's figures may lag behind (0: never). */
    public long maxLagSeconds() {
        return summaries.maxLagSeconds();
    }

    private static Segment segment(Row r, String link) {
        return new Segment(r.key(), r.label(), r.cases(), r.workers(), r.claimed(), r.recovered(), r.paidOut(), link);
    }
}
