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
            List<Segment> byChannel, List<Segment> byDepartment, List<Count> alerts, List<Rate> compliance) {
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

    private static final String COUNTED = " AND c.linked_case_id IS NULL AND c.status NOT IN ('REFUSED','WITHDRAWN')";
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
        String prefix = regionCode.replaceAll("(00)+$", "");
        Map<String, Object> p = Map.of("p", prefix + "%", "f", Date.valueOf(from), "t", Date.valueOf(to));
        String where = " FROM case_file c WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t" + COUNTED;
        String period = "/cases?counted=true&from=" + from + "&to=" + to;

        Row total = jdbc.sql("SELECT 'total' AS key, '' AS label, " + SUMS + where).params(p).query(Row.class).single();
        List<Segment> byMonth = jdbc.sql("SELECT to_char(c.registered_on, 'YYYY-MM') AS key, to_char(c.registered_on, 'YYYY-MM') AS label, "
                + SUMS + where + " GROUP BY 1, 2 ORDER BY 1").params(p).query(Row.class).list().stream().map(r -> {
                    YearMonth m = YearMonth.parse(r.key());
                    LocalDate a = m.atDay(1).isBefore(from) ? from : m.atDay(1);
                    LocalDate b = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
                    return segment(r, "/cases?counted=true&from=" + a + "&to=" + b);
                }).toList();
        List<Segment> bySector = jdbc.sql("""
                SELECT COALESCE(s.parent_code, s.code, '-') AS key, COALESCE(ps.name, s.name, '未填行业') AS label,
                """ + SUMS + where.replace(" FROM case_file c", " FROM case_file c LEFT JOIN industry_sector s ON s.code = c.industry_code"
                        + " LEFT JOIN industry_sector ps ON ps.code = s.parent_code") + " GROUP BY 1, 2 ORDER BY cases DESC, 1")
                .params(p).query(Row.class).list().stream()
                .map(r -> segment(r, r.key().equals("-") ? null : period + "&sector=" + r.key())).toList();
        List<Segment> byChannel = jdbc.sql("SELECT c.channel AS key, c.channel AS label, " + SUMS + where
                + " GROUP BY 1, 2 ORDER BY cases DESC").params(p).query(Row.class).list().stream()
                .map(r -> segment(new Row(r.key(), channelLabels.getOrDefault(r.key(), r.key()), r.cases(), r.workers(),
                        r.claimed(), r.recovered(), r.paidOut()), period + "&channel=" + r.key())).toList();
        List<Segment> byDepartment = jdbc.sql("SELECT COALESCE(d.id::text, '-') AS key, COALESCE(d.name, '未指定') AS label, "
                + SUMS + where.replace(" FROM case_file c", " FROM case_file c LEFT JOIN department d ON d.id = c.department_id")
                + " GROUP BY 1, 2 ORDER BY cases DESC").params(p).query(Row.class).list().stream()
                .map(r -> segment(r, r.key().equals("-") ? null : period + "&departmentId=" + r.key())).toList();
        Map<String, Long> raised = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT a.severity, count(*) FROM alert a WHERE a.region_code LIKE :p
                   AND a.first_raised_at >= CAST(:f AS DATE) AND a.first_raised_at < CAST(:t AS DATE) + 1
                 GROUP BY a.severity
                """).params(p).query((rs, n) -> raised.put(rs.getString(1), rs.getLong(2))).list();
        List<Count> alerts = severityLabels.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue(),
                raised.getOrDefault(e.getKey(), 0L), "/monitoring/alerts?severity=" + e.getKey() + "&all=true&from=" + from
                        + "&to=" + to)).toList();
        Map<String, long[]> items = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT i.kind, count(*) FILTER (WHERE i.status = 'PRESENT'), count(*) FILTER (WHERE i.status <> 'NOT_APPLICABLE')
                  FROM compliance_item i JOIN project pr ON pr.id = i.project_id
                 WHERE pr.region_code LIKE :p AND pr.status IN ('UNDER_CONSTRUCTION', 'SUSPENDED')
                 GROUP BY i.kind
                """).params(p).query((rs, n) -> items.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        List<Rate> compliance = complianceLabels.entrySet().stream().map(e -> {
            long[] v = items.getOrDefault(e.getKey(), new long[2]);
            return new Rate(e.getKey(), e.getValue(), v[0], v[1], "/compliance");
        }).toList();
        return new Figures(from, to, segment(total, period), byMonth, bySector, byChannel, byDepartment, alerts, compliance);
    }

    /** How many seconds a province's figures may lag behind (0: never). */
    public long maxLagSeconds() {
        return summaries.maxLagSeconds();
    }

    private static Segment segment(Row r, String link) {
        return new Segment(r.key(), r.label(), r.cases(), r.workers(), r.claimed(), r.recovered(), r.paidOut(), link);
    }
}
