package org.wageguard.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;

/**
 * Statistics tables (统计报表): the cases of a period and region crossed by two of department, town, sector, channel,
 * month and the respondent's kind (重点企业 first, then 劳动密集型企业, as the employer register records them), with workers and money, by the same definition as the dashboard and the work summary (a case linked to
 * another is counted once; refused and withdrawn matters are not cases). Every cell that the case list can filter to
 * carries the link to exactly its rows.
 */
@Service
public class Statistics {

    public enum Dimension { DEPARTMENT, REGION, SECTOR, CHANNEL, MONTH, ENTERPRISE }

    /** The measures of one cell, a row total, a column total or the grand total. */
    public record Measures(long cases, long workers, BigDecimal claimed, BigDecimal recovered, BigDecimal paidOut) {
        static final Measures ZERO = new Measures(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Measures plus(Measures o) {
            return new Measures(cases + o.cases, workers + o.workers, claimed.add(o.claimed), recovered.add(o.recovered),
                    paidOut.add(o.paidOut));
        }
    }

    public record Header(String key, String label) {
    }

    public record Cell(Header row, Header column, Measures measures, String link) {
    }

    public record Table(LocalDate from, LocalDate to, Dimension rows, Dimension columns, List<Header> rowHeaders,
            List<Header> columnHeaders, Map<String, Cell> cells, Map<String, Measures> rowTotals,
            Map<String, Measures> columnTotals, Measures total, String totalLink) {

        public Cell cell(String rowKey, String columnKey) {
            return cells.get(rowKey + "|" + columnKey);
        }
    }

    private record Dim(String key, String label, String join) {
    }

    /** The respondent's kind: a key enterprise counts as such even when it is also labor-intensive. */
    private static final String ENTERPRISE_KIND = "CASE WHEN e.id IS NULL THEN '-' WHEN e.key_enterprise THEN 'KEY'"
            + " WHEN e.labor_intensive THEN 'LABOR_INTENSIVE' ELSE 'OTHER' END";

    private static final Map<Dimension, Dim> DIMS = Map.of(
            Dimension.DEPARTMENT, new Dim("COALESCE(d.id::text, '-')", "COALESCE(d.name, '未指定')", ""),
            Dimension.REGION, new Dim("c.region_code", "COALESCE(r.name, c.region_code)", ""),
            Dimension.SECTOR, new Dim("COALESCE(s.parent_code, s.code, '-')", "COALESCE(ps.name, s.name, '未填行业')", ""),
            Dimension.CHANNEL, new Dim("c.channel", "c.channel", ""),
            Dimension.MONTH, new Dim("to_char(c.registered_on, 'YYYY-MM')", "to_char(c.registered_on, 'YYYY-MM')", ""),
            Dimension.ENTERPRISE, new Dim(ENTERPRISE_KIND, "CASE " + ENTERPRISE_KIND + " WHEN 'KEY' THEN '重点企业'"
                    + " WHEN 'LABOR_INTENSIVE' THEN '劳动密集型企业' WHEN 'OTHER' THEN '其他单位' ELSE '未指明单位' END", ""));

    private static final String FROM = """
             FROM counted_case c
             LEFT JOIN department d ON d.id = c.department_id
             LEFT JOIN region r ON r.code = c.region_code
             LEFT JOIN industry_sector s ON s.code = c.sector_code
             LEFT JOIN industry_sector ps ON ps.code = s.parent_code
             LEFT JOIN published_employer e ON e.id = c.employer_id
            WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t
            """;

    private final JdbcClient jdbc;

    Statistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param channelLabels the Chinese names of the channels (the bundle's), used as the channel dimension's labels
     */
    @Transactional(readOnly = true)
    public Table table(String regionCode, LocalDate from, LocalDate to, Dimension rows, Dimension columns,
            Map<String, String> channelLabels) {
        String prefix = RegionCode.of(regionCode).subtreePrefix();
        Dim r = DIMS.get(rows);
        Dim c = DIMS.get(columns);
        record Raw(String rk, String rl, String ck, String cl, long cases, long workers, BigDecimal claimed,
                BigDecimal recovered, BigDecimal paidOut) {
        }
        List<Raw> raw = jdbc.sql("SELECT " + r.key() + " AS rk, " + r.label() + " AS rl, " + c.key() + " AS ck, "
                + c.label() + " AS cl, count(*) AS cases, COALESCE(sum(c.workers), 0) AS workers,"
                + " COALESCE(sum(c.amount_claimed), 0) AS claimed, COALESCE(sum(c.amount_recovered), 0) AS recovered,"
                + " COALESCE(sum(c.amount_paid_out), 0) AS paid_out" + " " + FROM + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 3")
                .param("p", prefix + "%").param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Rows.of(Raw.class)).list();
        Function<String, String> channel = k -> channelLabels.getOrDefault(k, k);
        Map<String, Header> rowHeaders = new LinkedHashMap<>();
        Map<String, Header> columnHeaders = new LinkedHashMap<>();
        Map<String, Cell> cells = new LinkedHashMap<>();
        Map<String, Measures> rowTotals = new LinkedHashMap<>();
        Map<String, Measures> columnTotals = new LinkedHashMap<>();
        Measures total = Measures.ZERO;
        String base = "/cases?counted=true";
        for (Raw x : raw) {
            Header row = rowHeaders.computeIfAbsent(x.rk(), k -> new Header(k, rows == Dimension.CHANNEL ? channel.apply(x.rl()) : x.rl()));
            Header col = columnHeaders.computeIfAbsent(x.ck(),
                    k -> new Header(k, columns == Dimension.CHANNEL ? channel.apply(x.cl()) : x.cl()));
            Measures m = new Measures(x.cases(), x.workers(), x.claimed(), x.recovered(), x.paidOut());
            String link = link(base, from, to, rows, x.rk(), columns, x.ck());
            cells.put(x.rk() + "|" + x.ck(), new Cell(row, col, m, link));
            rowTotals.merge(x.rk(), m, Measures::plus);
            columnTotals.merge(x.ck(), m, Measures::plus);
            total = total.plus(m);
        }
        return new Table(from, to, rows, columns, new ArrayList<>(rowHeaders.values()),
                new ArrayList<>(columnHeaders.values()), cells, rowTotals, columnTotals, total,
                base + "&from=" + from + "&to=" + to);
    }

    /** The case list filtered to a cell, or null where the list has no such filter (towns, the respondent's kind) or the key is "none". */
    private static String link(String base, LocalDate from, LocalDate to, Dimension a, String aKey, Dimension b, String bKey) {
        LocalDate f = from;
        LocalDate t = to;
        StringBuilder q = new StringBuilder(base);
        for (Object[] dim : new Object[][] {{a, aKey}, {b, bKey}}) {
            Dimension d = (Dimension) dim[0];
            String key = (String) dim[1];
            if (d == Dimension.REGION || d == Dimension.ENTERPRISE || "-".equals(key)) {
                return null;
            }
            switch (d) {
                case DEPARTMENT -> q.append("&departmentId=").append(key);
                case SECTOR -> q.append("&sector=").append(key);
                case CHANNEL -> q.append("&channel=").append(key);
                case MONTH -> {
                    YearMonth m = YearMonth.parse(key);
                    f = m.atDay(1).isBefore(f) ? f : m.atDay(1);
                    t = m.atEndOfMonth().isAfter(t) ? t : m.atEndOfMonth();
                }
                default -> {
                }
            }
        }
        return q + "&from=" + f + "&to=" + t;
    }
}
