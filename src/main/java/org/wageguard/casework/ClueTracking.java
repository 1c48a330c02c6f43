package org.wageguard.casework;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.ScopedRecords;
import org.wageguard.shared.Rows;
import org.wageguard.shared.Versioned;

/**
 * Tracking a matter after it is handled, as the seed has it ("对各欠薪线索进行再核查和持续跟踪"): follow-up visits
 * (回访: the day, the officer, the manner, whether the worker is satisfied) until tracking ends, and re-verification
 * (再核查) of a handled matter that the national clue platform sends back or the complainant disputes — also after
 * tracking ended. A re-check that finds wages still owed resumes tracking (跟踪结束 → 已结案, back in the department's
 * clue ledger).
 */
@Service
public class ClueTracking {

    /** Handled matters that are followed up: a result recorded, payment verified, or closed and still tracked. */
    static final Set<CaseStatus> FOLLOWED = Set.of(CaseStatus.RESOLVED, CaseStatus.PAYMENT_VERIFIED, CaseStatus.CLOSED);
    /** Handled matters that may be re-checked: those followed and those whose tracking ended. */
    static final Set<CaseStatus> RECHECKABLE = Set.of(CaseStatus.RESOLVED, CaseStatus.PAYMENT_VERIFIED, CaseStatus.CLOSED,
            CaseStatus.TRACKING_ENDED);

    public enum Manner { PHONE, VISIT, WALK_IN, MESSAGE }

    /** Who disputes the handling: the national clue platform (退回), the complainant, or the office's own review. */
    public enum RequestedBy { PLATFORM, COMPLAINANT, OFFICE }

    /** What the re-check found: the handling stands, or wages are still owed (tracking resumes). */
    public enum Result { CONFIRMED, ARREARS_REMAIN }

    public record FollowUp(long id, LocalDate visitedOn, String visitedBy, String manner, boolean satisfied, String note) {
    }

    public record Recheck(long id, String requestedBy, String reason, LocalDate checkedOn, String checkedBy,
            String result, String note, String statusBefore) {
    }

    private final JdbcClient jdbc;
    private final ScopedRecords records;
    private final OperationLog operationLog;
    private final Clock clock;

    ClueTracking(JdbcClient jdbc, ScopedRecords records, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    public List<FollowUp> followUps(long caseId) {
        return jdbc.sql("""
                SELECT id, visited_on, visited_by, manner, satisfied, note FROM case_follow_up
                 WHERE case_id = :c ORDER BY visited_on, id
                """).param("c", caseId).query(Rows.of(FollowUp.class)).list();
    }

    public List<Recheck> rechecks(long caseId) {
        return jdbc.sql("""
                SELECT id, requested_by, reason, checked_on, checked_by, result, note, status_before FROM case_recheck
                 WHERE case_id = :c ORDER BY checked_on, id
                """).param("c", caseId).query(Rows.of(Recheck.class)).list();
    }

    /**
     * Records a follow-up visit made by the officer on {@code visitedOn}: by an inspector who closes cases or an
     * officer of the department the matter was assigned to, on a handled matter still tracked.
     */
    @Transactional
    public long recordFollowUp(long caseId, OfficerPrincipal officer, LocalDate visitedOn, Manner manner,
            Boolean satisfied, String note) {
        if (!officer.hasPermission("casework:case:close") && !officer.hasPermission("casework:case:answer")) {
            throw new AccessDeniedException("casework:case:close");
        }
        records.require(officer.scope(), CaseQueries.CASES, caseId);
        Facts c = facts(caseId);
        if (!FOLLOWED.contains(c.status())) {
            throw CaseRuleException.of("case.followUp.state", CaseLabels.status(c.status()));
        }
        LocalDate today = LocalDate.now(clock);
        if (visitedOn == null || manner == null || satisfied == null) {
            throw CaseRuleException.of("case.followUp.required");
        }
        if (visitedOn.isAfter(today) || visitedOn.isBefore(c.registeredOn())) {
            throw CaseRuleException.of("case.followUp.date", c.registeredOn(), today);
        }
        String text = text(note, "case.followUp.note");
        long id = jdbc.sql("""
                INSERT INTO case_follow_up (case_id, visited_on, visited_by, manner, satisfied, note, recorded_by)
                VALUES (:c, :on, :by, :m, :s, :n, :by) RETURNING id
                """).param("c", caseId).param("on", Date.valueOf(visitedOn)).param("by", officer.username())
                .param("m", manner.name()).param("s", satisfied).param("n", text).query(Long.class).single();
        String summary = CaseRuleException.text("case.followUp.manner." + manner) + "，"
                + CaseRuleException.text(satisfied ? "case.followUp.satisfied" : "case.followUp.unsatisfied") + "：" + text;
        event(caseId, officer.username(), "FOLLOW_UP", null, null, visitedOn + " " + summary);
        operationLog.record("CASE_FOLLOW_UP", "case_file", caseId, "回访 " + c.number() + "：" + summary);
        return id;
    }

    /**
     * Records a re-check (再核查) of a handled matter by the officer: who asked for it and why, what was found. Wages
     * still owed on a matter whose tracking ended bring it back under follow-up (version-checked: the form's
     * {@code version} of the case).
     */
    @Transactional
    public long recordRecheck(long caseId, int version, OfficerPrincipal officer, RequestedBy requestedBy, String reason,
            LocalDate checkedOn, Result result, String note) {
        if (!officer.hasPermission("casework:case:close")) {
            throw new AccessDeniedException("casework:case:close");
        }
        records.require(officer.scope(), CaseQueries.CASES, caseId);
        Facts c = facts(caseId);
        if (!RECHECKABLE.contains(c.status())) {
            throw CaseRuleException.of("case.recheck.state", CaseLabels.status(c.status()));
        }
        LocalDate today = LocalDate.now(clock);
        if (requestedBy == null || result == null || checkedOn == null) {
            throw CaseRuleException.of("case.recheck.required");
        }
        if (checkedOn.isAfter(today) || checkedOn.isBefore(c.registeredOn())) {
            throw CaseRuleException.of("case.recheck.date", c.registeredOn(), today);
        }
        String why = text(reason, "case.recheck.reason");
        String found = text(note, "case.recheck.note");
        CaseStatus after = c.status();
        if (result == Result.ARREARS_REMAIN && c.status() == CaseStatus.TRACKING_ENDED) {
            after = CaseStatus.CLOSED;
            Versioned.update(jdbc, "case_file", "status = :s").param("s", after.name()).by(officer.username())
                    .row(caseId, version);
        }
        long id = jdbc.sql("""
                INSERT INTO case_recheck (case_id, requested_by, reason, checked_on, checked_by, result, note, status_before)
                VALUES (:c, :rb, :reason, :on, :by, :result, :note, :before) RETURNING id
                """).param("c", caseId).param("rb", requestedBy.name()).param("reason", why)
                .param("on", Date.valueOf(checkedOn)).param("by", officer.username()).param("result", result.name())
                .param("note", found).param("before", c.status().name()).query(Long.class).single();
        String summary = CaseRuleException.text("case.recheck.requestedBy." + requestedBy) + "（" + why + "）→ "
                + CaseRuleException.text("case.recheck.result." + result) + "：" + found;
        event(caseId, officer.username(), "RECHECK", after == c.status() ? null : c.status(),
                after == c.status() ? null : after, checkedOn + " " + summary);
        operationLog.record("CLUE_RECHECK", "case_file", caseId, "再核查 " + c.number() + "：" + summary);
        return id;
    }

    private record Facts(String number, CaseStatus status, LocalDate registeredOn) {
    }

    private Facts facts(long caseId) {
        return jdbc.sql("SELECT number, status, registered_on FROM case_file WHERE id = :c").param("c", caseId)
                .query((rs, n) -> new Facts(rs.getString(1), CaseStatus.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate())).single();
    }

    private static String text(String value, String key) {
        if (value == null || value.isBlank()) {
            throw CaseRuleException.of(key);
        }
        if (value.strip().length() > 1000) {
            throw CaseRuleException.of("case.tracking.tooLong");
        }
        return value.strip();
    }

    private void event(long caseId, String username, String action, CaseStatus from, CaseStatus to, String note) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, on_day, by_username, action, status_from, status_to, note)
                VALUES (:c, :day, :by, :action, :from, :to, :note)
                """).param("c", caseId).param("day", Date.valueOf(LocalDate.now(clock))).param("by", username)
                .param("action", action).param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name()).param("note", note.length() > 2000 ? note.substring(0, 2000) : note)
                .update();
    }
}
