package org.wageguard.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.SharedMessages;
import org.wageguard.shared.retention.RetentionCutoffs;
import org.wageguard.shared.retention.RetentionKind;

/**
 * Each region's keeping (months) per kind of record, set by the system administrator within the legal bounds: never
 * below the kind's legal minimum ({@link RetentionKind#legalMinimumMonths()}), refused with a Chinese message naming
 * the article. A region without its own setting follows the nearest region above it that has one, else the default.
 * Also the term within which a worker's deletion request is answered (working days, a regional decision: the PIPL
 * fixes no number of days; 15 by default).
 */
@Service
public class RetentionPolicies {

    public static final String BUNDLE = "messages/retention";
    /** Working days within which a deletion request is answered unless the region sets its own (a regional decision). */
    public static final int DEFAULT_ANSWER_DAYS = 15;
    public static final int MAX_KEEP_MONTHS = 1200;

    /** A kind's keeping as it applies in a region; {@code setIn} the region whose setting it is (null: the default). */
    public record Policy(RetentionKind kind, int legalMinimumMonths, int keepMonths, String setIn,
            OffsetDateTime updatedAt, String updatedBy) {

        public boolean ownSetting(String regionCode) {
            return regionCode.equals(setIn);
        }
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final Clock clock;

    RetentionPolicies(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** The region and the regions above it, nearest first. */
    static List<String> chain(String regionCode) {
        List<String> chain = new ArrayList<>();
        Optional<RegionCode> r = Optional.of(RegionCode.of(regionCode));
        while (r.isPresent()) {
            chain.add(r.get().value());
            r = r.get().parent();
        }
        return chain;
    }

    /** Every kind's keeping in the region. */
    public List<Policy> policies(String regionCode) {
        record Row(String regionCode, String kind, int keepMonths, OffsetDateTime updatedAt, String updatedBy) {
        }
        List<String> chain = chain(regionCode);
        List<Row> rows = jdbc.sql("SELECT region_code, kind, keep_months, updated_at, updated_by FROM retention_policy"
                + " WHERE region_code IN (:chain)").param("chain", chain)
                .query(org.wageguard.shared.Rows.of(Row.class)).list();
        List<Policy> policies = new ArrayList<>();
        for (RetentionKind kind : RetentionKind.values()) {
            Optional<Row> own = chain.stream().flatMap(code -> rows.stream()
                    .filter(r -> r.regionCode().equals(code) && r.kind().equals(kind.name()))).findFirst();
            policies.add(own.map(r -> new Policy(kind, kind.legalMinimumMonths(), r.keepMonths(), r.regionCode(),
                            r.updatedAt(), r.updatedBy()))
                    .orElse(new Policy(kind, kind.legalMinimumMonths(), kind.defaultMaximumMonths(), null, null, null)));
        }
        return policies;
    }

    /**
     * Sets the region's keeping of a kind.
     *
     * @throws RetentionException below the legal minimum (the message names the article), or out of range
     */
    @Transactional
    public void set(String regionCode, RetentionKind kind, int keepMonths, String by) {
        if (keepMonths < kind.legalMinimumMonths()) {
            String message = SharedMessages.chinese(BUNDLE, "retention.belowMinimum",
                    SharedMessages.chinese(BUNDLE, "retention.kind." + kind.name()), keepMonths,
                    kind.legalMinimumMonths(), SharedMessages.chinese(BUNDLE, "retention.kind." + kind.name() + ".law"));
            operationLog.recordOutcome("RETENTION_POLICY", "region", regionCode,
                    kind.name() + " " + keepMonths + " 个月：低于法定最短期限，未保存", OperationLog.Result.DENIED);
            throw new RetentionException(message);
        }
        if (keepMonths > MAX_KEEP_MONTHS) {
            throw new RetentionException(SharedMessages.chinese(BUNDLE, "retention.aboveMaximum", MAX_KEEP_MONTHS));
        }
        jdbc.sql("""
                INSERT INTO retention_policy (region_code, kind, keep_months, updated_at, updated_by)
                VALUES (:r, :k, :m, :now, :by)
                ON CONFLICT (region_code, kind) DO UPDATE SET keep_months = :m, updated_at = :now, updated_by = :by
                """).param("r", regionCode).param("k", kind.name()).param("m", keepMonths)
                .param("now", Timestamp.from(clock.instant())).param("by", by).update();
        operationLog.record("RETENTION_POLICY", "region", regionCode, kind.name() + " 保存 " + keepMonths + " 个月");
    }

    /** Working days within which the region answers a deletion request. */
    public int answerDays(String regionCode) {
        record Row(String regionCode, int answerDays) {
        }
        List<String> chain = chain(regionCode);
        List<Row> rows = jdbc.sql("SELECT region_code, answer_days FROM retention_region_setting WHERE region_code IN (:chain)")
                .param("chain", chain).query(org.wageguard.shared.Rows.of(Row.class)).list();
        return chain.stream().flatMap(code -> rows.stream().filter(r -> r.regionCode().equals(code))).findFirst()
                .map(Row::answerDays).orElse(DEFAULT_ANSWER_DAYS);
    }

    @Transactional
    public void setAnswerDays(String regionCode, int days, String by) {
        if (days < 1 || days > 30) {
            throw new RetentionException(SharedMessages.chinese(BUNDLE, "retention.answerDaysRange"));
        }
        jdbc.sql("""
                INSERT INTO retention_region_setting (region_code, answer_days, updated_at, updated_by)
                VALUES (:r, :d, :now, :by)
                ON CONFLICT (region_code) DO UPDATE SET answer_days = :d, updated_at = :now, updated_by = :by
                """).param("r", regionCode).param("d", days).param("now", Timestamp.from(clock.instant()))
                .param("by", by).update();
        operationLog.record("RETENTION_ANSWER_TERM", "region", regionCode, "删除请求答复期限 " + days + " 个工作日");
    }

    /**
     * The cut-offs of a kind on a day: each region with its own setting, its subtree; the rest (and records without
     * a region) the setting of the widest region that has one, else the default.
     */
    public RetentionCutoffs cutoffs(RetentionKind kind, LocalDate today) {
        record Row(String regionCode, int keepMonths) {
        }
        List<Row> rows = jdbc.sql("SELECT region_code, keep_months FROM retention_policy WHERE kind = :k"
                + " ORDER BY length(region_code), keep_months DESC")
                .param("k", kind.name()).query(org.wageguard.shared.Rows.of(Row.class)).list();
        List<RetentionCutoffs.RegionCutoff> regions = rows.stream()
                .map(r -> new RetentionCutoffs.RegionCutoff(RegionCode.of(r.regionCode()).subtreePrefix(),
                        cutoff(today, r.keepMonths(), kind)))
                .toList();
        int fallback = rows.stream().min(java.util.Comparator.comparingInt(
                        (Row r) -> RegionCode.of(r.regionCode()).subtreePrefix().length()))
                .map(Row::keepMonths).orElse(kind.defaultMaximumMonths());
        return new RetentionCutoffs(kind, regions, cutoff(today, fallback, kind));
    }

    /** The day before which records are past a keeping of {@code months}; never later than the legal minimum allows. */
    static LocalDate cutoff(LocalDate today, int months, RetentionKind kind) {
        return today.minusMonths(Math.max(months, kind.legalMinimumMonths()));
    }
}
