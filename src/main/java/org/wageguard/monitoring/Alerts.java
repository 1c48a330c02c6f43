package org.wageguard.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.employer.EmployerSummary;
import org.wageguard.employer.Employers;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.Listing;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.shared.SharedMessages;

import tools.jackson.core.type.TypeReference;
import org.wageguard.shared.Rows;

/**
 * Alerts and their lifecycle: opened or updated by an evaluation (never duplicated), acknowledged, resolved with the
 * fact that resolved it, dismissed with a reason (a red alert only with a second officer's approval), escalated to the
 * leadership office when left unresolved past its deadline, turned into a case through casework's intake. Every read
 * and every step applies the officer's data scope: out of scope reads as absent.
 */
@Service
@Transactional
public class Alerts {

    /** The alert table's scope columns under the alias {@code a}: the subject's region and responsible department. */
    public static final ScopeColumns SCOPE = ScopeColumns.of("a.region_code", "a.department_id", null, null, null);

    private static final TypeReference<List<List<String>>> TABLE = new TypeReference<>() {
    };

    public record Alert(long id, RuleCode rule, SubjectKind subjectKind, long subjectId, String subjectName,
            String period, Severity severity, AlertStatus status, String reason, String evidenceJson, String regionCode,
            Long departmentId, String departmentName, Long projectId, Long employerId, boolean festival,
            OffsetDateTime firstRaisedAt, OffsetDateTime lastRaisedAt, int raisedCount, LocalDate dueOn,
            LocalDate escalatedOn, String acknowledgedBy, String resolvedBy, String resolution, String dismissalReason,
            String dismissalRequestedBy, String dismissalApprovedBy, Long caseId, int version) {

        public List<List<String>> evidence() {
            return RuleSettings.JSON.readValue(evidenceJson, TABLE);
        }

        public boolean overdue(LocalDate today) {
            return status.unresolved() && dueOn.isBefore(today);
        }

        public boolean awaitingApproval() {
            return status.unresolved() && dismissalRequestedBy != null;
        }
    }

    /**
     * {@code unresolvedOnly} limits to open and acknowledged alerts (the board's default) when no status is chosen;
     * {@code raisedFrom}/{@code raisedTo} to alerts first raised on those days (the dashboard's period).
     */
    public record Filter(Severity severity, RuleCode rule, String regionCode, Long departmentId, AlertStatus status,
            Long projectId, Long employerId, boolean unresolvedOnly, LocalDate raisedFrom, LocalDate raisedTo) {

        public Filter(Severity severity, RuleCode rule, String regionCode, Long departmentId, AlertStatus status,
                Long projectId, Long employerId) {
            this(severity, rule, regionCode, departmentId, status, projectId, employerId, false, null, null);
        }

        public Filter(Severity severity, RuleCode rule, String regionCode, Long departmentId, AlertStatus status,
                Long projectId, Long employerId, boolean unresolvedOnly) {
            this(severity, rule, regionCode, departmentId, status, projectId, employerId, unresolvedOnly, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    /** How many alerts of a rule one department is responsible for (the chart by rule and department). */
    public record Count(RuleCode rule, Long departmentId, String departmentName, Severity severity, long alerts) {
    }

    /** What one evaluation changed. */
    public record Applied(int created, int updated, int resolved) {
    }

    private static final String SELECT = """
            SELECT a.id, a.rule_code AS rule, a.subject_kind, a.subject_id, a.subject_name, a.period, a.severity,
                   a.status, a.reason, a.evidence::text AS evidence_json, a.region_code, a.department_id,
                   d.name AS department_name, a.project_id, a.employer_id, a.festival, a.first_raised_at,
                   a.last_raised_at, a.raised_count, a.due_on, a.escalated_on, a.acknowledged_by, a.resolved_by,
                   a.resolution, a.dismissal_reason, a.dismissal_requested_by, a.dismissal_approved_by, a.case_id,
                   a.version
              FROM alert a LEFT JOIN department d ON d.id = a.department_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OperationLog operationLog;
    private final Notifications notifications;
    private final CaseIntake intake;
    private final Employers employers;
    private final org.springframework.context.ApplicationEventPublisher events;

    Alerts(JdbcClient jdbc, Clock clock, OperationLog operationLog, Notifications notifications, CaseIntake intake,
            Employers employers, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.operationLog = operationLog;
        this.notifications = notifications;
        this.intake = intake;
        this.employers = employers;
    }

    static String text(String key, Object... args) {
        return SharedMessages.chinese("messages/monitoring", key, args);
    }

    // ---- evaluation ----------------------------------------------------------------------------------------------

    /**
     * Records what one rule found over the periods it covered: new alerts open, existing ones update (a resolved one
     * reopens, a dismissed one stays dismissed), and unresolved alerts of those periods that did not fire again are
     * resolved by the evaluation itself.
     */
    Applied apply(RuleCode rule, List<String> periods, Long projectId, List<Raised> raised, Set<String> festive,
            LocalDate today, Function<Raised, LocalDate> due) {
        int created = 0;
        int updated = 0;
        Set<String> fired = new HashSet<>();
        raised.forEach(r -> fired.add(r.key()));
        // One statement for all of them when each key comes once; a key raised twice is written one alert per
        // statement, in order (one statement may not upsert a row twice).
        List<List<Raised>> batches = fired.size() == raised.size() ? List.of(raised)
                : raised.stream().map(List::of).toList();
        for (List<Raised> batch : batches) {
            if (batch.isEmpty()) {
                continue;
            }
            Map<String, Raised> byKey = new java.util.HashMap<>();
            batch.forEach(r -> byKey.put(r.key(), r));
            for (Written written : upsertAll(batch, festive, due)) {
                if (written.inserted()) {
                    created++;
                    redAlertRaised(byKey.get(written.key()), written);
                } else {
                    updated++;
                }
            }
        }
        int resolved = 0;
        if (!periods.isEmpty()) {
            record Candidate(long id, String key) {
            }
            List<Candidate> open = jdbc.sql("""
                    SELECT id, rule_code || '/' || subject_kind || '/' || subject_id || '/' || period AS key FROM alert
                     WHERE rule_code = :rule AND period IN (:periods) AND status IN ('OPEN', 'ACKNOWLEDGED')
                       AND (CAST(:p AS BIGINT) IS NULL OR project_id = :p)
                    """).param("rule", rule.name()).param("periods", periods).param("p", projectId)
                    .query(Rows.of(Candidate.class)).list();
            List<Long> gone = open.stream().filter(c -> !fired.contains(c.key())).map(Candidate::id).toList();
            if (!gone.isEmpty()) {
                resolved = jdbc.sql("""
                        UPDATE alert SET status = 'RESOLVED', resolved_at = now(), resolved_by = 'system',
                               resolution = :resolution, version = version + 1, updated_at = now(), updated_by = 'system'
                         WHERE id IN (:ids)
                        """).param("resolution", text("monitoring.resolution.cleared", today.toString()))
                        .param("ids", gone).update();
            }
        }
        return new Applied(created, updated, resolved);
    }

    /** An alert row written by {@link #apply}: its id, whether it is new, and its key (rule/subject kind/subject/period). */
    record Written(long id, boolean inserted, String key) {
    }

    /** A new red alert is told to whoever listens (the officers who chose a text message for it). */
    private void redAlertRaised(Raised r, Written written) {
        if (r.severity() == Severity.RED) {
            events.publishEvent(new RedAlertRaised(written.id(), r.rule(), r.subjectName(), r.regionCode(),
                    r.departmentId()));
        }
    }

    /**
     * {@link #apply}'s upsert of alerts with distinct keys, as one {@code INSERT … SELECT} over a JSON array of them (in
     * their order, so new alerts get their ids in it): each row written, matched to its alert by key.
     */
    private List<Written> upsertAll(List<Raised> raised, Set<String> festive, Function<Raised, LocalDate> due) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(raised.size());
        for (Raised r : raised) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("rule", r.rule().name());
            row.put("kind", r.subjectKind().name());
            row.put("subject", r.subjectId());
            row.put("name", truncate(r.subjectName(), 200));
            row.put("period", r.period());
            row.put("severity", r.severity().name());
            row.put("reason", truncate(r.reason(), 1000));
            row.put("evidence", r.evidence());
            row.put("region", r.regionCode());
            row.put("dept", r.departmentId());
            row.put("project", r.projectId());
            row.put("employer", r.employerId());
            row.put("festival", festive.contains(r.key()));
            LocalDate dueOn = due.apply(r);
            row.put("due", dueOn == null ? null : dueOn.toString());
            rows.add(row);
        }
        return jdbc.sql("""
                INSERT INTO alert (rule_code, subject_kind, subject_id, subject_name, period, severity, status, reason,
                    evidence, region_code, department_id, project_id, employer_id, festival, due_on)
                SELECT r.rule, r.kind, r.subject, r.name, r.period, r.severity, 'OPEN', r.reason, r.evidence, r.region,
                       r.dept, r.project, r.employer, r.festival, r.due
                  FROM ROWS FROM (jsonb_to_recordset(CAST(:rows AS JSONB)) AS (rule VARCHAR, kind VARCHAR,
                       subject BIGINT, name VARCHAR, period VARCHAR, severity VARCHAR, reason VARCHAR, evidence JSONB,
                       region VARCHAR, dept BIGINT, project BIGINT, employer BIGINT, festival BOOLEAN, due DATE))
                       WITH ORDINALITY AS r(rule, kind, subject, name, period, severity, reason, evidence, region, dept,
                       project, employer, festival, due, n)
                 ORDER BY r.n
                ON CONFLICT (rule_code, subject_kind, subject_id, period) DO UPDATE SET
                    subject_name = EXCLUDED.subject_name, severity = EXCLUDED.severity, reason = EXCLUDED.reason,
                    evidence = EXCLUDED.evidence, festival = EXCLUDED.festival, department_id = EXCLUDED.department_id,
                    last_raised_at = now(), raised_count = alert.raised_count + 1,
                    status = CASE WHEN alert.status = 'RESOLVED' THEN 'OPEN' ELSE alert.status END,
                    due_on = CASE WHEN alert.status = 'RESOLVED' THEN EXCLUDED.due_on ELSE alert.due_on END,
                    escalated_on = CASE WHEN alert.status = 'RESOLVED' THEN NULL ELSE alert.escalated_on END,
                    resolved_at = CASE WHEN alert.status = 'RESOLVED' THEN NULL ELSE alert.resolved_at END,
                    resolved_by = CASE WHEN alert.status = 'RESOLVED' THEN NULL ELSE alert.resolved_by END,
                    resolution = CASE WHEN alert.status = 'RESOLVED' THEN NULL ELSE alert.resolution END,
                    version = CASE WHEN alert.status = 'RESOLVED' THEN alert.version + 1 ELSE alert.version END,
                    updated_at = now()
                RETURNING id, (xmax = 0) AS inserted, rule_code || '/' || subject_kind || '/' || subject_id || '/' || period AS key
                """).param("rows", RuleSettings.JSON.writeValueAsString(rows)).query(Rows.of(Written.class)).list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Escalates (督办) every unresolved alert past its deadline, once, to the leadership office and the department. */
    int escalateOverdue(LocalDate today) {
        record Overdue(long id, String ruleCode, String severity, String subjectName, String regionCode,
                Long departmentId, LocalDate dueOn) {
        }
        List<Overdue> overdue = jdbc.sql("""
                SELECT id, rule_code, severity, subject_name, region_code, department_id, due_on FROM alert
                 WHERE status IN ('OPEN', 'ACKNOWLEDGED') AND due_on < :today AND escalated_on IS NULL ORDER BY id
                """).param("today", today).query(Rows.of(Overdue.class)).list();
        for (Overdue o : overdue) {
            jdbc.sql("UPDATE alert SET escalated_on = :today, updated_at = now() WHERE id = :id").param("today", today)
                    .param("id", o.id()).update();
            String title = text("monitoring.escalation.title", text("monitoring.severity." + o.severity()),
                    o.subjectName());
            String body = text("monitoring.escalation.body", text("monitoring.rule." + o.ruleCode() + ".name"),
                    o.dueOn().toString());
            String link = "/monitoring/alerts/" + o.id();
            notifications.leadershipOffice(o.regionCode())
                    .ifPresent(office -> notifications.send(office, "ALERT_ESCALATED", title, body, link));
            if (o.departmentId() != null) {
                notifications.send(o.departmentId(), "ALERT_ESCALATED", title, body, link);
            }
            operationLog.record("ALERT_ESCALATE", "alert", o.id(), "预警逾期未化解，督办：" + o.subjectName());
        }
        return overdue.size();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public java.util.Optional<Alert> find(DataScope scope, long id) {
        ScopePredicate p = scope.predicate(SCOPE);
        Map<String, Object> params = new HashMap<>(p.parameters());
        params.put("id", id);
        return jdbc.sql(SELECT + " WHERE a.id = :id AND " + p.sql()).params(params).query(Rows.of(Alert.class)).optional();
    }

    @Transactional(readOnly = true)
    public Listing<Alert> list(DataScope scope, Filter f, int page, int size, IntFunction<String> linker) {
        Where w = where(scope, f);
        long total = jdbc.sql("SELECT count(*) FROM alert a" + w.sql()).params(w.params()).query(Long.class).single();
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("limit", size);
        params.put("offset", Listing.offset(page, size));
        List<Alert> rows = jdbc.sql(SELECT + w.sql() + ORDER + " LIMIT :limit OFFSET :offset").params(params)
                .query(Rows.of(Alert.class)).list();
        return new Listing<>(rows, total, Math.max(1, page), size, linker);
    }

    @Transactional(readOnly = true)
    public List<Alert> all(DataScope scope, Filter f) {
        Where w = where(scope, f);
        return jdbc.sql(SELECT + w.sql() + ORDER).params(w.params()).query(Rows.of(Alert.class)).list();
    }

    /** Unresolved alerts in scope, for the risk grades. */
    @Transactional(readOnly = true)
    public List<Alert> unresolved(DataScope scope) {
        return all(scope, new Filter(null, null, null, null, null, null, null, true));
    }

    @Transactional(readOnly = true)
    public List<Count> countsByRuleAndDepartment(DataScope scope, Filter f) {
        Where w = where(scope, f);
        return jdbc.sql("""
                SELECT a.rule_code AS rule, a.department_id, COALESCE(d.name, '') AS department_name, a.severity,
                       count(*) AS alerts
                  FROM alert a LEFT JOIN department d ON d.id = a.department_id
                """ + w.sql() + " GROUP BY a.rule_code, a.department_id, d.name, a.severity ORDER BY a.rule_code")
                .params(w.params()).query(Rows.of(Count.class)).list();
    }

    private static final String ORDER = " " + """
            ORDER BY CASE a.status WHEN 'OPEN' THEN 0 WHEN 'ACKNOWLEDGED' THEN 1 ELSE 2 END,
                      CASE a.severity WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 ELSE 2 END, a.last_raised_at DESC, a.id DESC""";

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(DataScope scope, Filter f) {
        ScopePredicate p = scope.predicate(SCOPE);
        StringBuilder sql = new StringBuilder(" WHERE ").append(p.sql());
        Map<String, Object> params = new HashMap<>(p.parameters());
        if (f.severity() != null) {
            sql.append(" AND a.severity = :severity");
            params.put("severity", f.severity().name());
        }
        if (f.rule() != null) {
            sql.append(" AND a.rule_code = :rule");
            params.put("rule", f.rule().name());
        }
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            sql.append(" AND a.region_code LIKE :regionPrefix");
            params.put("regionPrefix", f.regionCode().trim() + "%");
        }
        if (f.departmentId() != null) {
            sql.append(" AND a.department_id = :dept");
            params.put("dept", f.departmentId());
        }
        if (f.status() != null) {
            sql.append(" AND a.status = :status");
            params.put("status", f.status().name());
        } else if (f.unresolvedOnly()) {
            sql.append(" AND a.status IN ('OPEN', 'ACKNOWLEDGED')");
        }
        if (f.raisedFrom() != null) {
            sql.append(" AND a.first_raised_at >= CAST(:raisedFrom AS DATE)");
            params.put("raisedFrom", f.raisedFrom());
        }
        if (f.raisedTo() != null) {
            sql.append(" AND a.first_raised_at < CAST(:raisedTo AS DATE) + 1");
            params.put("raisedTo", f.raisedTo());
        }
        if (f.projectId() != null) {
            sql.append(" AND a.project_id = :project");
            params.put("project", f.projectId());
        }
        if (f.employerId() != null) {
            sql.append(" AND a.employer_id = :employer");
            params.put("employer", f.employerId());
        }
        return new Where(sql.toString(), params);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    private Alert load(DataScope scope, long id, int version) {
        // Outside the officer's scope the alert does not exist: 404, in one place (identity.OutOfScopeException).
        Alert a = find(scope, id).orElseThrow(() -> new org.wageguard.identity.OutOfScopeException("alert", id));
        if (a.version() != version) {
            Versioned.requireVersion(jdbc, "alert", id, version);
        }
        return a;
    }

    private void update(long id, int version, String set, Map<String, Object> values) {
        if (!Versioned.update(jdbc, "alert", set).params(values).row(id, version)) {
            throw MonitoringRuleException.of("notFound");
        }
    }

    public void acknowledge(DataScope scope, long id, int version, String actor) {
        Alert a = load(scope, id, version);
        if (a.status() != AlertStatus.OPEN) {
            throw MonitoringRuleException.of("notOpen");
        }
        update(id, version, "status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = :by, updated_by = :by",
                Map.of("by", actor));
        operationLog.record("ALERT_ACKNOWLEDGE", "alert", id, "签收预警：" + a.subjectName());
    }

    /** Resolved by an officer, naming the fact that resolved it (wages paid on a day, an account opened …). */
    public void resolve(DataScope scope, long id, int version, String fact, String actor) {
        Alert a = load(scope, id, version);
        if (!a.status().unresolved()) {
            throw MonitoringRuleException.of("closed");
        }
        if (fact == null || fact.isBlank()) {
            throw MonitoringRuleException.of("resolutionRequired");
        }
        update(id, version, "status = 'RESOLVED', resolved_at = now(), resolved_by = :by, resolution = :fact, updated_by = :by",
                Map.of("by", actor, "fact", truncate(fact.trim(), 500)));
        operationLog.record("ALERT_RESOLVE", "alert", id, "化解预警：" + a.subjectName() + "；依据：" + fact.trim());
    }

    /**
     * Dismisses an alert with a reason. A red alert is only dismissed on a second officer's approval: this records the
     * request and the alert stays as it was until {@link #approveDismissal}. Returns whether the alert is dismissed now.
     */
    public boolean dismiss(DataScope scope, long id, int version, String reason, String actor) {
        Alert a = load(scope, id, version);
        if (!a.status().unresolved()) {
            throw MonitoringRuleException.of("closed");
        }
        if (reason == null || reason.isBlank()) {
            throw MonitoringRuleException.of("reasonRequired");
        }
        if (a.severity() == Severity.RED) {
            update(id, version, "dismissal_reason = :reason, dismissal_requested_by = :by, updated_by = :by",
                    Map.of("by", actor, "reason", truncate(reason.trim(), 500)));
            operationLog.record("ALERT_DISMISS_REQUEST", "alert", id, "申请排除红色预警：" + reason.trim());
            return false;
        }
        update(id, version, "status = 'DISMISSED', dismissal_reason = :reason, dismissal_requested_by = :by, updated_by = :by",
                Map.of("by", actor, "reason", truncate(reason.trim(), 500)));
        operationLog.record("ALERT_DISMISS", "alert", id, "排除预警：" + reason.trim());
        return true;
    }

    /** The second officer's approval of a red alert's dismissal; the requester cannot approve their own request. */
    public void approveDismissal(DataScope scope, long id, int version, String actor) {
        Alert a = load(scope, id, version);
        if (!a.awaitingApproval()) {
            throw MonitoringRuleException.of("noRequest");
        }
        if (a.dismissalRequestedBy().equals(actor)) {
            throw MonitoringRuleException.of("sameOfficer");
        }
        update(id, version, "status = 'DISMISSED', dismissal_approved_by = :by, updated_by = :by", Map.of("by", actor));
        operationLog.record("ALERT_DISMISS_APPROVE", "alert", id, "批准排除红色预警（申请人 " + a.dismissalRequestedBy() + "）");
    }

    /** The second officer's refusal: the request is withdrawn and the alert stays. */
    public void rejectDismissal(DataScope scope, long id, int version, String actor) {
        Alert a = load(scope, id, version);
        if (!a.awaitingApproval()) {
            throw MonitoringRuleException.of("noRequest");
        }
        if (a.dismissalRequestedBy().equals(actor)) {
            throw MonitoringRuleException.of("sameOfficer");
        }
        update(id, version, "dismissal_reason = NULL, dismissal_requested_by = NULL, updated_by = :by", Map.of("by", actor));
        operationLog.record("ALERT_DISMISS_REJECT", "alert", id, "不同意排除红色预警");
    }

    /** Opens a case from the alert through casework's intake (channel 预警); the alert is acknowledged with it. */
    public long toCase(DataScope scope, long id, int version, String actor) {
        Alert a = load(scope, id, version);
        if (a.caseId() != null) {
            throw MonitoringRuleException.of("hasCase");
        }
        if (!a.status().unresolved()) {
            throw MonitoringRuleException.of("closed");
        }
        if (a.employerId() == null) {
            throw MonitoringRuleException.of("noEmployer");
        }
        EmployerSummary employer = employers.find(a.employerId()).orElseThrow(() -> MonitoringRuleException.of("noEmployer"));
        LocalDate from = null;
        LocalDate to = null;
        if (a.period().matches("\\d{4}-\\d{2}")) {
            YearMonth m = YearMonth.parse(a.period());
            from = m.atDay(1);
            to = m.atEndOfMonth();
        }
        int workers = Math.max(1, a.evidence().size() - 1);
        String description = text("monitoring.toCase.description", text("monitoring.rule." + a.rule().name() + ".name"),
                a.subjectName(), a.reason());
        long caseId = intake.register(new Intake(Channel.ALERT, CaseKind.REPORT, null, null, true, employer.id(),
                employer.name(), a.projectId(), a.regionCode(), employer.industryCode(), from, to,
                truncate(description, 2000), List.of(), null, LocalDate.now(clock), "ALERT-" + a.id(), workers, null));
        update(id, version, "case_id = :c, status = CASE WHEN status = 'OPEN' THEN 'ACKNOWLEDGED' ELSE status END, "
                + "acknowledged_at = COALESCE(acknowledged_at, now()), acknowledged_by = COALESCE(acknowledged_by, :by), "
                + "updated_by = :by", Map.of("c", caseId, "by", actor));
        operationLog.record("ALERT_TO_CASE", "alert", id, "预警转立案件 " + caseId);
        return caseId;
    }

    /** How many unresolved alerts of each severity the scope holds: the board's counters. */
    @Transactional(readOnly = true)
    public Map<Severity, Long> unresolvedBySeverity(DataScope scope) {
        Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        Where w = where(scope, new Filter(null, null, null, null, null, null, null, true));
        jdbc.sql("SELECT a.severity, count(*) FROM alert a" + w.sql() + " GROUP BY a.severity").params(w.params())
                .query((rs, n) -> counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }
}
