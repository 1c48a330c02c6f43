package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.CaseStatus;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.SpringFestivals;

/**
 * The festival exposure forecast (春节前欠薪风险测算, issue 21): for every project in an officer's scope, as of a day, the
 * wages its workers earned and were not paid, what stands against them (the special account, the wage deposit and
 * the guarantees) and what will be at risk on the Spring Festival and on the region's target day (rule 16's
 * {@code targetDays} before it, 腊月二十 by default). One SQL over the published views of workforce (attendance),
 * payroll (pay sheets, disbursements), project (transfers, deposits, guarantees, the labor-cost schedule) and casework.
 *
 * <p>统计口径 (the definition, also on the page and in docs/festival-forecast.md), per worker and project, as of day D:
 * <ul>
 * <li>the months looked at are the {@link #LOOKBACK_MONTHS} months up to D's month; attendance is counted up to D,
 * payments are SUCCESS disbursements with a value date up to D, attributed to the worker by ID number (or, without
 * one, by the roster's card);</li>
 * <li>the daily rate (日工资标准) is the worker's own: his net pay over his days on the project's pay sheets of those
 * months; without a pay-sheet line of his own, the project's schedule: the latest scheduled month's labor cost
 * (人工费用拨付计划) over the project's attendance days of that month; without either, the project's average rate;</li>
 * <li>a month is paid in full when what reached the worker for it is at least its pay sheet's net (without a line: its
 * attendance days × the rate) less a fen; the last full payment is the latest such month;</li>
 * <li>unpaid days are the attendance days of the months after it (all months when none was paid in full);
 * the exposure (欠付工资估算) is unpaid days × rate less what was paid for those months, never below zero; months
 * owing are the finished months among them with attendance;</li>
 * <li>the pace is the worker's attendance days in the 28 days up to D / 28; what will be earned by a later day is
 * pace × rate × the days to it;</li>
 * <li>the amount at risk on a day is exposure + what will be earned by then − the special account's balance (labor
 * cost transferred up to D less wages paid out up to D; unknown, counted as nothing, without transfers on record),
 * never below zero; the cover (兜底保障) is the wage deposit's balance on D plus the verified, unclaimed guarantees in
 * force on D, and the shortfall (兜底后缺口) what they would not meet of the amount at risk at the festival.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class FestivalForecasts {

    /** The months before the as-of month that the forecast reads (wages older than a year are the cases' business). */
    public static final int LOOKBACK_MONTHS = 12;
    /** The days the pace of attendance is read over. */
    public static final int PACE_DAYS = 28;

    static final ScopeColumns COLUMNS = ScopeColumns.of("p.region_code", "p.department_id", "p.contractor_code", null, null);

    /** Where a worker's daily rate came from. */
    public enum RateSource { OWN, SCHEDULE, PROJECT, NONE }

    /** One worker on one project: his rate, unpaid days and exposure; {@code months} the unpaid months' days. */
    public record WorkerExposure(long projectId, long workerId, String name, String idMasked, BigDecimal dailyRate,
            RateSource rateSource, YearMonth lastFullMonth, int unpaidDays, BigDecimal paidTowards, BigDecimal exposure,
            int monthsOwing, int recentDays, String months) {
    }

    /** One project: its workers' exposure summed, its cover, cases and alerts, the amounts at risk. */
    public record ProjectExposure(long projectId, String code, String name, String regionCode, String townCode,
            long departmentId, String departmentName, String contractorName, int workersOwed, int unpaidDays,
            int monthsOwing, BigDecimal exposure, BigDecimal dailyPace, BigDecimal accountBalance, BigDecimal deposit,
            BigDecimal guarantee, int openCases, BigDecimal openClaims, int openAlerts, int redAlerts,
            BigDecimal earnedByFestival, BigDecimal earnedByTarget, BigDecimal atRiskFestival, BigDecimal atRiskTarget,
            BigDecimal threshold) {

        /** The wage deposit and the guarantees: what can be drawn on once an order to pay went unheeded. */
        public BigDecimal cover() {
            return deposit.add(guarantee);
        }

        /** What the deposit and the guarantees would not meet of the amount at risk at the festival (兜底后缺口). */
        public BigDecimal shortfall() {
            return atRiskFestival.subtract(cover()).max(BigDecimal.ZERO);
        }

        /** Past the region's threshold of rule 16. */
        public boolean overThreshold() {
            return threshold != null && exposure.compareTo(threshold) > 0;
        }
    }

    /** A town (or the region one level below the officer's) or an industry department, summed. */
    public record Group(String key, String name, int projects, int projectsOver, int workersOwed, BigDecimal exposure,
            BigDecimal cover, BigDecimal atRiskFestival, BigDecimal atRiskTarget, int openCases) {
    }

    /** One week of the winter campaign: what was to be paid (still owed at its end + paid in it), paid, still owed. */
    public record Week(LocalDate from, LocalDate to, BigDecimal expected, BigDecimal paid, BigDecimal atRisk) {
    }

    /** The forecast of a scope on a day. */
    public record Forecast(LocalDate asOf, LocalDate festival, LocalDate target, LocalDate campaignStart,
            List<ProjectExposure> projects, List<Group> towns, List<Group> departments, Totals totals) {
    }

    public record Totals(int projects, int projectsOver, int workersOwed, int unpaidDays, BigDecimal exposure,
            BigDecimal cover, BigDecimal atRiskFestival, BigDecimal atRiskTarget, int openCases, int openAlerts,
            BigDecimal shortfall) {
    }

    private final JdbcClient jdbc;
    private final SpringFestivals festivals;
    private final RuleSettings settings;
    private final Clock clock;
    private final CodeTables codes;

    FestivalForecasts(JdbcClient jdbc, SpringFestivals festivals, RuleSettings settings, Clock clock, CodeTables codes) {
        this.codes = codes;
        this.jdbc = jdbc;
        this.festivals = festivals;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The Spring Festival on or after the day (from the table {@code spring_festival}). */
    public Optional<LocalDate> festivalAfter(LocalDate day) {
        for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
            Optional<LocalDate> f = festivals.festival(year);
            if (f.isPresent() && !f.get().isBefore(day)) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Rule 16's parameters for a region on a day. */
    public RuleParameters parameters(String regionCode, LocalDate day) {
        return settings.snapshot().of(RuleCode.R16, regionCode, day);
    }

    /**
     * The forecast of the scope (and, if given, the region below it) as of a day. The festival is the first on or
     * after the day; the target and the campaign's start are counted from it by the officer's region's rule 16.
     */
    public Forecast forecast(DataScope scope, String parentRegion, String regionPrefix, LocalDate asOf) {
        LocalDate festival = festivalAfter(asOf).orElse(asOf);
        RuleSettings.Snapshot snapshot = settings.snapshot();
        RuleParameters own = snapshot.of(RuleCode.R16, parentRegion, asOf);
        LocalDate target = festival.minusDays(own.integer("targetDays"));
        LocalDate campaign = festival.minusDays(own.integer("campaignDays"));
        List<ProjectExposure> rows = projects(scope, parentRegion, regionPrefix, null, asOf, festival, target, snapshot);
        List<ProjectExposure> ranked = new ArrayList<>(rows);
        ranked.sort(Comparator.comparing(ProjectExposure::atRiskFestival).reversed()
                .thenComparing(Comparator.comparing(ProjectExposure::exposure).reversed())
                .thenComparing(ProjectExposure::code));
        List<Group> towns = group(ranked, ProjectExposure::townCode, p -> regionName(p.townCode()));
        List<Group> departments = group(ranked, p -> String.valueOf(p.departmentId()), ProjectExposure::departmentName);
        return new Forecast(asOf, festival, target, campaign, ranked, towns, departments, totals(ranked));
    }

    /** A region's name from the code table (its code when it has none). */
    public String regionName(String code) {
        return code == null ? "" : codes.region(code).map(CodeTables.Region::name).orElse(code);
    }

    /** One project of the scope, as of a day; empty when out of scope. */
    public Optional<ProjectExposure> project(DataScope scope, String parentRegion, long projectId, LocalDate asOf) {
        LocalDate festival = festivalAfter(asOf).orElse(asOf);
        RuleSettings.Snapshot snapshot = settings.snapshot();
        LocalDate target = festival.minusDays(snapshot.of(RuleCode.R16, parentRegion, asOf).integer("targetDays"));
        return projects(scope, parentRegion, null, projectId, asOf, festival, target, snapshot).stream().findFirst();
    }

    /**
     * Every project's exposure as of a day, whatever the scope (rule 16's evaluation; one project or, null, all), with
     * the threshold of its own region.
     */
    public List<ProjectExposure> exposures(LocalDate asOf, Long projectId) {
        LocalDate festival = festivalAfter(asOf).orElse(asOf);
        return projects(null, null, null, projectId, asOf, festival, festival, settings.snapshot());
    }

    /** Whether a project is in the scope at all (with or without exposure). */
    public boolean covers(DataScope scope, long projectId) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("id", projectId);
        return jdbc.sql("SELECT count(*) FROM published_project p WHERE p.id = :id AND " + predicate.sql()).params(params)
                .query(Integer.class).single() > 0;
    }

    /** The worker rows behind a project's figures: every worker with unpaid days or attendance lately. */
    public List<WorkerExposure> workers(DataScope scope, long projectId, LocalDate asOf) {
        Map<String, Object> params = params(scope, null, projectId, asOf);
        return jdbc.sql(scoped(scope, WORKERS + """
                SELECT w.project_id, w.worker_id, k.name, k.id_number_masked, w.rate, w.rate_source, w.last_full,
                       w.unpaid_days, w.paid_after, GREATEST(0, round(w.unpaid_days * COALESCE(w.rate, 0) - w.paid_after, 2)) AS exposure,
                       w.months_owing, w.recent, w.months
                  FROM w JOIN published_worker k ON k.id = w.worker_id
                 WHERE w.unpaid_days > 0 OR w.recent > 0
                 ORDER BY exposure DESC, k.name, w.worker_id
                """)).params(params).query((rs, n) -> {
                    Date last = rs.getDate("last_full");
                    return new WorkerExposure(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            money(rs.getBigDecimal("rate")), RateSource.valueOf(rs.getString("rate_source")),
                            last == null ? null : YearMonth.from(last.toLocalDate()), rs.getInt("unpaid_days"),
                            money(rs.getBigDecimal("paid_after")), money(rs.getBigDecimal("exposure")),
                            rs.getInt("months_owing"), rs.getInt("recent"), rs.getString("months"));
                }).list();
    }

    /**
     * Week by week from the campaign's start to the day (at most to the festival): what was to be paid in the week
     * (still owed at its end + paid in it), paid in it (SUCCESS disbursements valued in the week) and still owed.
     */
    public List<Week> weeks(DataScope scope, String regionPrefix, LocalDate campaignStart, LocalDate asOf, LocalDate festival) {
        List<Week> weeks = new ArrayList<>();
        LocalDate end = asOf.isBefore(festival) ? asOf : festival;
        for (LocalDate from = campaignStart; !from.isAfter(end); from = from.plusWeeks(1)) {
            LocalDate to = from.plusDays(6).isAfter(end) ? end : from.plusDays(6);
            Map<String, Object> params = params(scope, regionPrefix, null, to);
            params.put("weekFrom", Date.valueOf(from));
            BigDecimal owed = jdbc.sql(scoped(scope, WORKERS + """
                    SELECT COALESCE(sum(GREATEST(0, round(w.unpaid_days * COALESCE(w.rate, 0) - w.paid_after, 2))), 0) FROM w
                    """)).params(params).query(BigDecimal.class).single();
            BigDecimal paid = jdbc.sql(scoped(scope, "WITH p AS (" + SCOPED_PROJECTS + ")" + """
                    SELECT COALESCE(sum(d.amount), 0) FROM published_disbursement d JOIN p ON p.id = d.project_id
                     WHERE d.current AND d.status = 'SUCCESS' AND d.value_date BETWEEN :weekFrom AND :asOf
                    """)).params(params).query(BigDecimal.class).single();
            weeks.add(new Week(from, to, money(owed.add(paid)), money(paid), money(owed)));
        }
        return weeks;
    }

    private List<ProjectExposure> projects(DataScope scope, String parentRegion, String regionPrefix, Long projectId,
            LocalDate asOf, LocalDate festival, LocalDate target, RuleSettings.Snapshot snapshot) {
        Map<String, Object> params = params(scope, regionPrefix, projectId, asOf);
        params.put("openCases", CaseStatus.openNames());
        long toFestival = Math.max(0, ChronoUnit.DAYS.between(asOf, festival));
        long toTarget = Math.max(0, ChronoUnit.DAYS.between(asOf, target));
        return jdbc.sql(scoped(scope, WORKERS + """
                , pw AS (
                    SELECT w.project_id, count(*) FILTER (WHERE w.unpaid_days > 0
                               AND w.unpaid_days * COALESCE(w.rate, 0) - w.paid_after > 0.005) AS workers_owed,
                           sum(w.unpaid_days) AS unpaid_days, max(w.months_owing) AS months_owing,
                           sum(GREATEST(0, round(w.unpaid_days * COALESCE(w.rate, 0) - w.paid_after, 2))) AS exposure,
                           sum(COALESCE(w.rate, 0) * w.recent) / %d AS pace
                      FROM w GROUP BY w.project_id)
                SELECT p.id, p.code, p.name, p.region_code, p.department_id, dep.name AS department_name,
                       g.name AS contractor_name, pw.workers_owed, pw.unpaid_days, pw.months_owing, pw.exposure, pw.pace,
                       CASE WHEN EXISTS (SELECT 1 FROM published_labor_cost_transfer t WHERE t.project_id = p.id
                                          AND t.transferred_on <= :asOf)
                            THEN (SELECT COALESCE(sum(t.amount), 0) FROM published_labor_cost_transfer t
                                   WHERE t.project_id = p.id AND t.transferred_on <= :asOf)
                               - (SELECT COALESCE(sum(d.amount), 0) FROM published_disbursement d WHERE d.project_id = p.id
                                   AND d.current AND d.status = 'SUCCESS' AND d.value_date <= :asOf) END AS account,
                       (SELECT COALESCE(sum(CASE WHEN m.kind IN ('DEPOSIT', 'TOP_UP') THEN m.amount ELSE -m.amount END), 0)
                          FROM published_wage_deposit_movement m WHERE m.project_id = p.id AND m.occurred_on <= :asOf) AS deposit,
                       (SELECT COALESCE(sum(x.amount), 0) FROM published_deposit_guarantee x WHERE x.project_id = p.id
                           AND x.verified_on IS NOT NULL AND x.verified_on <= :asOf AND (x.claimed_on IS NULL OR x.claimed_on > :asOf)
                           AND x.valid_from <= :asOf AND x.valid_until >= :asOf) AS guarantee,
                       (SELECT count(*) FROM counted_case c WHERE c.project_id = p.id AND c.status IN (:openCases)
                           AND c.registered_on <= :asOf) AS open_cases,
                       (SELECT COALESCE(sum(GREATEST(c.amount_claimed - c.amount_paid_out, 0)), 0) FROM counted_case c
                         WHERE c.project_id = p.id AND c.status IN (:openCases) AND c.registered_on <= :asOf) AS open_claims,
                       (SELECT count(*) FROM alert a WHERE a.project_id = p.id AND a.status IN ('OPEN', 'ACKNOWLEDGED')) AS open_alerts,
                       (SELECT count(*) FROM alert a WHERE a.project_id = p.id AND a.status IN ('OPEN', 'ACKNOWLEDGED')
                           AND a.severity = 'RED') AS red_alerts
                  FROM pw JOIN published_project p ON p.id = pw.project_id
                  JOIN department dep ON dep.id = p.department_id
                  JOIN published_employer g ON g.id = p.general_contractor_id
                 WHERE pw.exposure > 0 OR pw.pace > 0
                """.formatted(PACE_DAYS))).params(params).query((rs, n) -> {
                    String region = rs.getString("region_code");
                    BigDecimal exposure = money(rs.getBigDecimal("exposure"));
                    BigDecimal pace = rs.getBigDecimal("pace");
                    BigDecimal account = rs.getBigDecimal("account");
                    BigDecimal deposit = money(rs.getBigDecimal("deposit"));
                    BigDecimal guarantee = money(rs.getBigDecimal("guarantee"));
                    BigDecimal inAccount = account == null ? BigDecimal.ZERO : account.max(BigDecimal.ZERO);
                    BigDecimal byFestival = money(exposure.add(pace.multiply(BigDecimal.valueOf(toFestival))));
                    BigDecimal byTarget = money(exposure.add(pace.multiply(BigDecimal.valueOf(toTarget))));
                    RuleParameters r16 = snapshot.of(RuleCode.R16, region, asOf);
                    return new ProjectExposure(rs.getLong("id"), rs.getString("code"), rs.getString("name"), region,
                            RiskGrades.regionUnder(parentRegion, region), rs.getLong("department_id"),
                            rs.getString("department_name"), rs.getString("contractor_name"), rs.getInt("workers_owed"),
                            rs.getInt("unpaid_days"), rs.getInt("months_owing"), exposure, money(pace),
                            account == null ? null : money(account), deposit, guarantee, rs.getInt("open_cases"),
                            money(rs.getBigDecimal("open_claims")), rs.getInt("open_alerts"), rs.getInt("red_alerts"),
                            byFestival, byTarget, byFestival.subtract(inAccount).max(BigDecimal.ZERO),
                            byTarget.subtract(inAccount).max(BigDecimal.ZERO),
                            r16.enabled() ? r16.decimal("exposureYuan") : null);
                }).list();
    }

    private Map<String, Object> params(DataScope scope, String regionPrefix, Long projectId, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>(scope == null ? Map.of() : scope.predicate(COLUMNS).parameters());
        params.put("asOf", Date.valueOf(asOf));
        params.put("from", Date.valueOf(YearMonth.from(asOf).minusMonths(LOOKBACK_MONTHS).atDay(1)));
        params.put("paceFrom", Date.valueOf(asOf.minusDays(PACE_DAYS - 1L)));
        params.put("project", projectId);
        params.put("prefix", regionPrefix == null ? "%" : regionPrefix + "%");
        return params;
    }

    /** The query with the scope's predicate in place of {@code SCOPE}. */
    private static String scoped(DataScope scope, String sql) {
        return sql.replace(" AND SCOPE", scope == null ? "" : " AND (" + scope.predicate(COLUMNS).sql() + ")");
    }

    /** The projects of the scope: {@code SCOPE} is replaced by the scope's predicate before the query runs. */
    private static final String SCOPED_PROJECTS = """
            SELECT p.id FROM published_project p
             WHERE (CAST(:project AS BIGINT) IS NULL OR p.id = :project) AND p.region_code LIKE :prefix AND SCOPE""";

    /** Per worker and project: rate, last full month, unpaid days, what was paid for them, months owing, pace. */
    private static final String WORKERS_TEMPLATE = """
            WITH p AS (%s),
            att AS (  -- one current row per worker, project and day (attendance_current_ux): count(*) counts days
                SELECT a.project_id, a.worker_id, CAST(date_trunc('month', a.work_date) AS DATE) AS month,
                       count(*) AS days, count(*) FILTER (WHERE a.work_date >= :paceFrom) AS recent
                  FROM published_attendance a JOIN p ON p.id = a.project_id
                 WHERE a.current AND a.work_date >= :from AND a.work_date <= :asOf
                 GROUP BY 1, 2, 3),
            pay AS (
                SELECT l.project_id, l.worker_id, l.month, sum(l.days_worked) AS days, sum(l.net) AS net
                  FROM published_payroll_line l JOIN p ON p.id = l.project_id
                 WHERE l.current AND l.month >= :from AND l.month <= :asOf
                 GROUP BY 1, 2, 3),
            paid AS (
                SELECT x.project_id, x.worker_id, x.month, sum(x.amount) AS amount FROM (
                    SELECT d.project_id, k.id AS worker_id, d.month, d.amount
                      FROM published_disbursement d JOIN p ON p.id = d.project_id
                      JOIN published_worker k ON k.id_number_hash = d.payee_id_hash
                     WHERE d.current AND d.status = 'SUCCESS' AND d.value_date <= :asOf AND d.month >= :from
                    UNION ALL
                    SELECT d.project_id, e.worker_id, d.month, d.amount
                      FROM published_disbursement d JOIN p ON p.id = d.project_id
                      JOIN LATERAL (SELECT e.worker_id FROM published_employment e WHERE e.project_id = d.project_id
                              AND e.bank_card_hash = d.card_hash AND e.current ORDER BY e.entry_date DESC LIMIT 1) e ON TRUE
                     WHERE d.payee_id_hash IS NULL AND d.current AND d.status = 'SUCCESS' AND d.value_date <= :asOf
                       AND d.month >= :from) x
                 GROUP BY 1, 2, 3),
            ap AS (
                SELECT COALESCE(a.project_id, y.project_id) AS project_id, COALESCE(a.worker_id, y.worker_id) AS worker_id,
                       COALESCE(a.month, y.month) AS month, COALESCE(a.days, 0) AS days, COALESCE(a.recent, 0) AS recent,
                       y.days AS pay_days, y.net
                  FROM att a FULL JOIN pay y ON y.project_id = a.project_id AND y.worker_id = a.worker_id AND y.month = a.month),
            wm AS (
                SELECT ap.project_id, ap.worker_id, ap.month, ap.days, ap.recent, ap.pay_days, ap.net,
                       COALESCE(z.amount, 0) AS paid
                  FROM ap LEFT JOIN paid z ON z.project_id = ap.project_id AND z.worker_id = ap.worker_id AND z.month = ap.month),
            own AS (SELECT project_id, worker_id, sum(net) / sum(pay_days) AS rate FROM wm WHERE pay_days > 0
                     GROUP BY 1, 2),
            pdays AS (SELECT project_id, month, sum(days) AS days FROM wm GROUP BY 1, 2),
            sched AS (SELECT DISTINCT ON (s.project_id) s.project_id, s.amount / pd.days AS rate
                        FROM published_labor_cost_schedule s JOIN pdays pd ON pd.project_id = s.project_id
                         AND pd.month = s.month AND pd.days > 0
                       WHERE s.month <= :asOf
                       ORDER BY s.project_id, s.month DESC),
            pavg AS (SELECT project_id, sum(net) / sum(pay_days) AS rate FROM wm WHERE pay_days > 0 GROUP BY 1),
            r AS (
                SELECT wm.*, COALESCE(o.rate, s.rate, v.rate) AS rate,
                       CASE WHEN o.rate IS NOT NULL THEN 'OWN' WHEN s.rate IS NOT NULL THEN 'SCHEDULE'
                            WHEN v.rate IS NOT NULL THEN 'PROJECT' ELSE 'NONE' END AS rate_source
                  FROM wm LEFT JOIN own o ON o.project_id = wm.project_id AND o.worker_id = wm.worker_id
                  LEFT JOIN sched s ON s.project_id = wm.project_id LEFT JOIN pavg v ON v.project_id = wm.project_id),
            f AS (
                SELECT r.*, COALESCE((r.days > 0 OR r.net IS NOT NULL)
                           AND r.paid >= COALESCE(r.net, r.days * r.rate) - 0.01, FALSE) AS full_paid
                  FROM r),
            lf AS (SELECT project_id, worker_id, max(month) FILTER (WHERE full_paid) AS last_full FROM f GROUP BY 1, 2),
            w AS (
                SELECT f.project_id, f.worker_id, lf.last_full, max(f.rate) AS rate, max(f.rate_source) AS rate_source,
                       COALESCE(sum(f.days) FILTER (WHERE lf.last_full IS NULL OR f.month > lf.last_full), 0) AS unpaid_days,
                       COALESCE(sum(f.paid) FILTER (WHERE lf.last_full IS NULL OR f.month > lf.last_full), 0) AS paid_after,
                       count(*) FILTER (WHERE (lf.last_full IS NULL OR f.month > lf.last_full) AND f.days > 0
                           AND f.month < CAST(date_trunc('month', CAST(:asOf AS DATE)) AS DATE)) AS months_owing,
                       sum(f.recent) AS recent,
                       string_agg(to_char(f.month, 'YYYY-MM') || ':' || f.days, ',' ORDER BY f.month)
                           FILTER (WHERE (lf.last_full IS NULL OR f.month > lf.last_full) AND f.days > 0) AS months
                  FROM f JOIN lf ON lf.project_id = f.project_id AND lf.worker_id = f.worker_id
                 GROUP BY f.project_id, f.worker_id, lf.last_full)
            """;

    private static final String WORKERS = WORKERS_TEMPLATE.formatted(SCOPED_PROJECTS);

    private static List<Group> group(List<ProjectExposure> rows, Function<ProjectExposure, String> key,
            Function<ProjectExposure, String> name) {
        Map<String, List<ProjectExposure>> by = new LinkedHashMap<>();
        rows.forEach(p -> by.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        List<Group> groups = new ArrayList<>();
        by.forEach((k, list) -> {
            Totals t = totals(list);
            groups.add(new Group(k, name.apply(list.get(0)), t.projects(), t.projectsOver(), t.workersOwed(), t.exposure(),
                    t.cover(), t.atRiskFestival(), t.atRiskTarget(), t.openCases()));
        });
        groups.sort(Comparator.comparing(Group::atRiskFestival).reversed().thenComparing(Group::exposure,
                Comparator.reverseOrder()).thenComparing(Group::key));
        return groups;
    }

    static Totals totals(List<ProjectExposure> rows) {
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal cover = BigDecimal.ZERO;
        BigDecimal festival = BigDecimal.ZERO;
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal shortfall = BigDecimal.ZERO;
        int over = 0;
        int workers = 0;
        int days = 0;
        int cases = 0;
        int alerts = 0;
        for (ProjectExposure p : rows) {
            exposure = exposure.add(p.exposure());
            cover = cover.add(p.cover());
            festival = festival.add(p.atRiskFestival());
            target = target.add(p.atRiskTarget());
            shortfall = shortfall.add(p.shortfall());
            over += p.overThreshold() ? 1 : 0;
            workers += p.workersOwed();
            days += p.unpaidDays();
            cases += p.openCases();
            alerts += p.openAlerts();
        }
        return new Totals(rows.size(), over, workers, days, exposure, cover, festival, target, cases, alerts, shortfall);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    /** A region code's prefix for the filter, or null for none; throws on a code that is not one. */
    public static String prefixOf(String region) {
        return region == null || region.isBlank() ? null : RegionCode.of(region.strip()).subtreePrefix();
    }
}
