package org.wageguard.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;
import org.wageguard.shared.Versioned;

/**
 * The annual assessment of wage-payment work (保障农民工工资支付工作考核) and the county's self-assessment for the
 * national inspectors (迎国检): the province's indicators with their points, the self-score per indicator, the evidence
 * from the system's own figures ({@link #evidence}), the gap and the measure. Every problem with an input is an
 * {@link IllegalArgumentException} whose message is the key {@code assessment.invalid.<field>}.
 */
@Service
@Transactional(readOnly = true)
public class Assessments {

    public record Assessment(long id, String regionCode, int year, String title, String issuedBy, String issuedNumber) {
    }

    public record Indicator(long id, int sortOrder, String category, String content, String criteria, BigDecimal points,
            String evidenceKey, BigDecimal selfScore, String evidenceNote, String gap, String measure, Long responsibleId,
            String responsibleName, int version) {

        /** Points lost; the full points while not yet scored. */
        public BigDecimal lost() {
            return selfScore == null ? points : points.subtract(selfScore);
        }

        public boolean hasGap() {
            return lost().signum() > 0;
        }
    }

    /**
     * A figure the system computes that backs an indicator: as {@link WorkSummary.Figure}, with {@code rate} the share
     * attained (0–1) where the figure is a rate, else {@code null}.
     */
    public record Evidence(String key, String label, String value, String definition, String link, BigDecimal rate) {
    }

    /** What the inspectors get: the assessment, its indicators, the evidence each cites, and the totals. */
    public record Pack(Assessment assessment, String regionName, LocalDate from, LocalDate to, List<Indicator> indicators,
            Map<String, Evidence> evidence, BigDecimal points, BigDecimal selfScore, long gaps, long unscored) {
    }

    static final List<String> COMPLIANCE = List.of("REAL_NAME", "SPECIAL_ACCOUNT", "BANK_PAYROLL", "WAGE_DEPOSIT",
            "NOTICE_BOARD", "PAYMENT_GUARANTEE");

    private final JdbcClient jdbc;
    private final WorkSummary summary;
    private final OperationLog operationLog;
    private final MessageSource messages;

    Assessments(JdbcClient jdbc, WorkSummary summary, OperationLog operationLog, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.summary = summary;
        this.operationLog = operationLog;
    }

    public List<Assessment> list(String regionPrefix) {
        return jdbc.sql("SELECT id, region_code, year, title, issued_by, issued_number FROM assessment WHERE region_code LIKE :p ORDER BY year DESC")
                .param("p", regionPrefix + "%").query(Rows.of(Assessment.class)).list();
    }

    public Optional<Assessment> find(long id, String regionPrefix) {
        return jdbc.sql("SELECT id, region_code, year, title, issued_by, issued_number FROM assessment WHERE id = :id AND region_code LIKE :p")
                .param("id", id).param("p", regionPrefix + "%").query(Rows.of(Assessment.class)).optional();
    }

    public List<Indicator> indicators(long assessmentId) {
        return jdbc.sql("""
                SELECT i.id, i.sort_order, i.category, i.content, i.criteria, i.points, i.evidence_key, i.self_score,
                       i.evidence_note, i.gap, i.measure, i.responsible_id, d.name AS responsible_name, i.version
                  FROM assessment_indicator i LEFT JOIN department d ON d.id = i.responsible_id
                 WHERE i.assessment_id = :a AND i.withdrawn_at IS NULL ORDER BY i.sort_order, i.id
                """).param("a", assessmentId).query(Rows.of(Indicator.class)).list();
    }

    @Transactional
    public long create(String regionCode, int year, String title, String issuedBy, String issuedNumber, String actor) {
        if (year < 2017 || year > LocalDate.now().getYear() + 1) {
            throw new IllegalArgumentException("year");
        }
        require(title, 200, "title");
        require(issuedBy, 200, "issuedBy");
        if (jdbc.sql("SELECT count(*) FROM assessment WHERE region_code = :r AND year = :y").param("r", regionCode)
                .param("y", year).query(Long.class).single() > 0) {
            throw new IllegalArgumentException("yearTaken");
        }
        long id = jdbc.sql("""
                INSERT INTO assessment (region_code, year, title, issued_by, issued_number, created_by)
                VALUES (:r, :y, :t, :b, :n, :by) RETURNING id
                """).param("r", regionCode).param("y", year).param("t", title.trim()).param("b", issuedBy.trim())
                .param("n", issuedNumber == null || issuedNumber.isBlank() ? null : issuedNumber.trim()).param("by", actor)
                .query(Long.class).single();
        operationLog.record("ASSESSMENT_CREATE", "assessment", id, "登记考核 " + year + " " + title.trim());
        return id;
    }

    /** An indicator as the province passes it down; {@code evidenceKey} a key of {@link #evidence} or none. */
    @Transactional
    public long addIndicator(long assessmentId, int sortOrder, String category, String content, String criteria,
            BigDecimal points, String evidenceKey, String actor) {
        String key = checkedIndicator(assessmentId, category, content, criteria, points, evidenceKey);
        long id = jdbc.sql("""
                INSERT INTO assessment_indicator (assessment_id, sort_order, category, content, criteria, points, evidence_key, updated_by)
                VALUES (:a, :s, :c, :x, :k, :p, :e, :by) RETURNING id
                """).param("a", assessmentId).param("s", sortOrder).param("c", category.trim()).param("x", content.trim())
                .param("k", blank(criteria)).param("p", points).param("e", key).param("by", actor)
                .query(Long.class).single();
        operationLog.record("ASSESSMENT_INDICATOR", "assessment", assessmentId, "考核指标：" + content.trim());
        return id;
    }

    /**
     * An indicator corrected as the province revised it: its order, item, content, criteria, points and evidence. Points
     * below the self-score already given are refused (the score would exceed the points); a form opened on an older
     * version is refused ({@code org.wageguard.shared.StaleEditException}).
     */
    @Transactional
    public void editIndicator(long assessmentId, long indicatorId, int version, int sortOrder, String category,
            String content, String criteria, BigDecimal points, String evidenceKey, String actor) {
        String key = checkedIndicator(assessmentId, category, content, criteria, points, evidenceKey);
        BigDecimal selfScore = current(assessmentId, indicatorId).selfScore();
        if (selfScore != null && selfScore.compareTo(points) > 0) {
            throw new IllegalArgumentException("pointsBelowScore");
        }
        Versioned.update(jdbc, "assessment_indicator",
                "sort_order = :s, category = :c, content = :x, criteria = :k, points = :p, evidence_key = :e")
                .param("s", sortOrder).param("c", category.trim()).param("x", content.trim()).param("k", blank(criteria))
                .param("p", points).param("e", key).where("assessment_id = :a AND withdrawn_at IS NULL")
                .param("a", assessmentId).by(actor).existingRow(indicatorId, version);
        operationLog.record("ASSESSMENT_INDICATOR_EDIT", "assessment", assessmentId,
                "修改考核指标 " + indicatorId + "：" + content.trim() + "，分值 " + points.stripTrailingZeros().toPlainString());
    }

    /**
     * An indicator withdrawn (the province dropped it, or it was entered by mistake), with the reason: it leaves the
     * page, the totals and the pack; the row with its score and evidence stays for the record.
     */
    @Transactional
    public void withdrawIndicator(long assessmentId, long indicatorId, int version, String reason, String actor) {
        require(reason, 500, "withdrawReason");
        Indicator i = current(assessmentId, indicatorId);
        Versioned.update(jdbc, "assessment_indicator", "withdrawn_at = now(), withdrawn_by = :by, withdrawn_reason = :r")
                .param("by", actor).param("r", reason.trim()).where("assessment_id = :a AND withdrawn_at IS NULL")
                .param("a", assessmentId).by(actor).existingRow(indicatorId, version);
        operationLog.record("ASSESSMENT_INDICATOR_WITHDRAW", "assessment", assessmentId, "撤销考核指标 " + indicatorId + "："
                + i.content() + "（分值 " + i.points().stripTrailingZeros().toPlainString() + "，自评 "
                + (i.selfScore() == null ? "未自评" : i.selfScore().stripTrailingZeros().toPlainString()) + "），原因：" + reason.trim());
    }

    private Indicator current(long assessmentId, long indicatorId) {
        return indicators(assessmentId).stream().filter(i -> i.id() == indicatorId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("indicator"));
    }

    /** The checks an indicator's fields pass, on adding and on editing; returns the evidence key or null. */
    private String checkedIndicator(long assessmentId, String category, String content, String criteria, BigDecimal points,
            String evidenceKey) {
        require(category, 64, "category");
        require(content, 500, "content");
        if (criteria != null && criteria.length() > 1000) {
            throw new IllegalArgumentException("criteria");
        }
        if (points == null || points.signum() <= 0 || points.compareTo(BigDecimal.valueOf(1000)) >= 0 || points.scale() > 2) {
            throw new IllegalArgumentException("points");
        }
        String key = evidenceKey == null || evidenceKey.isBlank() ? null : evidenceKey;
        Assessment a = jdbc.sql("SELECT id, region_code, year, title, issued_by, issued_number FROM assessment WHERE id = :id")
                .param("id", assessmentId).query(Rows.of(Assessment.class)).single();
        if (key != null && !evidence(a.regionCode(), a.year()).containsKey(key)) {
            throw new IllegalArgumentException("evidenceKey");
        }
        return key;
    }

    /**
     * The self-score of an indicator with its evidence note, the gap (required where points are lost) and the measure;
     * a form opened on an older version is refused ({@code org.wageguard.shared.StaleEditException}).
     */
    @Transactional
    public void score(long assessmentId, long indicatorId, int version, BigDecimal selfScore, String evidenceNote,
            String gap, String measure, Long responsibleId, String actor) {
        BigDecimal points = jdbc.sql("SELECT points FROM assessment_indicator WHERE id = :i AND assessment_id = :a AND withdrawn_at IS NULL")
                .param("i", indicatorId).param("a", assessmentId).query(BigDecimal.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("indicator"));
        if (selfScore == null || selfScore.signum() < 0 || selfScore.compareTo(points) > 0 || selfScore.scale() > 2) {
            throw new IllegalArgumentException("selfScore");
        }
        if (selfScore.compareTo(points) < 0 && (gap == null || gap.isBlank())) {
            throw new IllegalArgumentException("gap");
        }
        for (String text : new String[] {evidenceNote, gap, measure}) {
            if (text != null && text.length() > 1000) {
                throw new IllegalArgumentException("tooLong");
            }
        }
        Versioned.update(jdbc, "assessment_indicator",
                "self_score = :s, evidence_note = :e, gap = :g, measure = :m, responsible_id = :r")
                .param("s", selfScore).param("e", blank(evidenceNote)).param("g", blank(gap)).param("m", blank(measure))
                .param("r", responsibleId).where("assessment_id = :a").param("a", assessmentId).by(actor)
                .existingRow(indicatorId, version);
        operationLog.record("ASSESSMENT_SCORE", "assessment", assessmentId, "自评得分 " + selfScore + "（指标 " + indicatorId + "）");
    }

    /**
     * The evidence of a region's assessment year, computed now from the records: every figure of the work summary
     * for the year, the compliance rate of each item over the projects under way, and the case closure rate.
     */
    public Map<String, Evidence> evidence(String regionCode, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<String, Evidence> out = new LinkedHashMap<>();
        summary.figures(regionCode, from, to).figures().values().forEach(f -> out.put(f.key(),
                new Evidence(f.key(), f.label(), f.value(), f.definition(), f.link(), null)));
        String prefix = RegionCode.of(regionCode).subtreePrefix();
        Map<String, Object> p = Map.of("p", prefix + "%", "f", Date.valueOf(from), "t", Date.valueOf(to));
        Map<String, long[]> items = Dashboard.complianceCounts(jdbc, p);
        for (String kind : COMPLIANCE) {
            long[] v = items.getOrDefault(kind, new long[2]);
            String label = "在建项目" + messages.getMessage("enum.ComplianceKind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE) + "落实率";
            out.put("compliance." + kind, new Evidence("compliance." + kind, label, v[0] + "/" + v[1] + " 个项目，"
                    + percent(v[0], v[1]) + "%", "在建及停工项目中该事项状态为在位的项目数 / 应落实（不含不适用）的项目数；按当前登记状态",
                    "/compliance", rate(v[0], v[1])));
        }
        long[] closure = jdbc.sql("""
                SELECT count(*) FILTER (WHERE c.status IN ('CLOSED','TRACKING_ENDED')), count(*)
                  FROM counted_case c WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t""")
                .params(p).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        out.put("closure", new Evidence("closure", "欠薪案件结案率", closure[0] + "/" + closure[1] + " 起，" + percent(closure[0], closure[1]) + "%",
                "考核年度内登记的欠薪案件（统计口径同工作总结）中已结案或跟踪结束的件数 / 全部件数",
                "/cases?counted=true&from=" + from + "&to=" + to, rate(closure[0], closure[1])));
        return out;
    }

    /** Everything the inspectors get, computed now. */
    public Pack pack(Assessment a) {
        List<Indicator> indicators = indicators(a.id());
        BigDecimal points = indicators.stream().map(Indicator::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = indicators.stream().map(i -> i.selfScore() == null ? BigDecimal.ZERO : i.selfScore())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String regionName = jdbc.sql("SELECT name FROM region WHERE code = :c").param("c", a.regionCode()).query(String.class)
                .optional().orElse(a.regionCode());
        return new Pack(a, regionName, LocalDate.of(a.year(), 1, 1), LocalDate.of(a.year(), 12, 31), indicators,
                evidence(a.regionCode(), a.year()), points, score, indicators.stream().filter(Indicator::hasGap).count(),
                indicators.stream().filter(i -> i.selfScore() == null).count());
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0" : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void require(String value, int max, String field) {
        if (value == null || value.isBlank() || value.trim().length() > max) {
            throw new IllegalArgumentException(field);
        }
    }
}
