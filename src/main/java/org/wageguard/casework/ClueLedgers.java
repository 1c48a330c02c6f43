package org.wageguard.casework;

import org.wageguard.shared.AdvisoryLocks;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * The clue ledger (线索台账): on a schedule (weekly by default) and on demand, each department is handed the list of
 * clues it holds that are not yet handled to the end, overdue ones marked; the department answers in writing
 * (回执) within three working days. Clues are the matters that came from the platforms, the hotline, letters and
 * visits and the grid.
 */
@Service
public class ClueLedgers {

    private static final long LOCK = 0x5747_434C_5545_4C47L;
    /** Working days a department has to reply to its ledger. */
    public static final int REPLY_WORKING_DAYS = 3;
    static final List<String> CLUE_CHANNELS = List.of("PLATFORM", "PORTAL", "HOTLINE", "LETTER_VISIT", "GRID");

    public record Ledger(long id, long departmentId, String departmentName, LocalDate issuedOn, String issuedBy,
            LocalDate replyDue, int held, int overdue, String reply, LocalDate repliedOn, String repliedBy,
            boolean replyOverdue, int version) {
    }

    /**
     * A clue of the ledger; {@code lastFollowUpOn} and {@code lastSatisfied} the latest follow-up visit (回访, null
     * before the first), {@code rechecks} how many times it was re-checked (再核查).
     */
    public record Item(long caseId, String number, String channel, String employerName, String statusAtIssue,
            String statusNow, boolean overdue, LocalDate registeredOn, String externalRef, LocalDate lastFollowUpOn,
            Boolean lastSatisfied, int rechecks) {
    }

    /** Clues a department holds, by state, now. */
    public record Holding(long departmentId, String departmentName, long held, long overdue, long finished) {
    }

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final Notifications notifications;
    private final OperationLog operationLog;
    private final Clock clock;

    ClueLedgers(JdbcClient jdbc, WorkingDays workingDays, Notifications notifications, OperationLog operationLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /**
     * Hands each department in the region its ledger; a department already handed one today is skipped.
     *
     * @return how many ledgers were issued
     */
    @Transactional
    public int issue(String actor, String regionPrefix) {
        if (!AdvisoryLocks.tryLockForTransaction(jdbc, LOCK)) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = workingDays.plus(today, REPLY_WORKING_DAYS);
        int issued = 0;
        for (Holding h : holdings(regionPrefix)) {
            if (h.held() == 0) {
                continue;
            }
            boolean already = jdbc.sql("SELECT count(*) FROM clue_ledger WHERE department_id = :d AND issued_on = :t")
                    .param("d", h.departmentId()).param("t", Date.valueOf(today)).query(Long.class).single() > 0;
            if (already) {
                continue;
            }
            long id = jdbc.sql("""
                    INSERT INTO clue_ledger (department_id, issued_on, issued_by, reply_due, held, overdue)
                    VALUES (:d, :t, :by, :due, :held, :overdue) RETURNING id
                    """).param("d", h.departmentId()).param("t", Date.valueOf(today)).param("by", actor)
                    .param("due", Date.valueOf(due)).param("held", h.held()).param("overdue", h.overdue())
                    .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO clue_ledger_item (ledger_id, case_id, status_at_issue, overdue)
                    SELECT :l, c.id, c.status, (%s) FROM case_file c
                     WHERE c.department_id = :d AND c.channel IN (:channels) AND c.status IN (:tracked)
                    """.formatted(CaseQueries.OVERDUE)).param("l", id).param("d", h.departmentId())
                    .param("channels", CLUE_CHANNELS).param("tracked", CaseStatus.trackedNames()).param("today", Date.valueOf(today))
                    .update();
            notifications.send(h.departmentId(), "CLUE_LEDGER", "线索台账（" + today + "）",
                    "本部门承办在办及结案后仍在跟踪的线索 " + h.held() + " 条，其中逾期 " + h.overdue() + " 条；请于 " + due + " 前书面回执。",
                    "/cases/clues/ledgers/" + id);
            issued++;
        }
        if (issued > 0) {
            operationLog.record("CLUE_LEDGER_ISSUE", "clue_ledger", null, "下发线索台账 " + issued + " 份");
        }
        return issued;
    }

    /** The department's written reply, once, by one of its officers. */
    @Transactional
    public void reply(long ledgerId, int version, OfficerPrincipal officer, String text) {
        Ledger l = find(ledgerId).orElseThrow(() -> CaseRuleException.of("case.rule.clue-ledgers.1"));
        if (!officer.hasPermission("casework:case:answer") || !officer.scope().departmentIds().contains(l.departmentId())) {
            throw CaseRuleException.of("case.rule.clue-ledgers.2");
        }
        if (l.repliedOn() != null) {
            throw CaseRuleException.of("case.rule.clue-ledgers.replied", l.repliedOn());
        }
        if (text == null || text.isBlank()) {
            throw CaseRuleException.of("case.rule.clue-ledgers.3");
        }
        Versioned.update(jdbc, "clue_ledger", "reply = :r, replied_on = :d, replied_by = :by")
                .param("r", text.trim()).param("d", Date.valueOf(LocalDate.now(clock))).param("by", officer.username())
                .row(ledgerId, version);
        operationLog.record("CLUE_LEDGER_REPLY", "clue_ledger", ledgerId, "台账回执");
    }

    private static final String LEDGER = """
            SELECT l.id, l.department_id, d.name AS department_name, l.issued_on, l.issued_by, l.reply_due, l.held,
                   l.overdue, l.reply, l.replied_on, l.replied_by, (l.replied_on IS NULL AND l.reply_due < :today) AS reply_overdue, l.version
              FROM clue_ledger l JOIN department d ON d.id = l.department_id
            """;

    public Optional<Ledger> find(long id) {
        return jdbc.sql(LEDGER + " WHERE l.id = :id").param("id", id).param("today", Date.valueOf(LocalDate.now(clock)))
                .query(Rows.of(Ledger.class)).optional();
    }

    /** Ledgers of the given departments (all in the region when {@code departments} is null), newest first. */
    public List<Ledger> ledgers(String regionPrefix, java.util.Set<Long> departments, int limit) {
        return jdbc.sql(LEDGER + """
                 WHERE d.region_code LIKE :prefix AND (CAST(:all AS BOOLEAN) OR l.department_id IN (:departments))
                 ORDER BY l.issued_on DESC, d.name LIMIT :limit
                """).param("prefix", regionPrefix + "%").param("all", departments == null)
                .param("departments", departments == null || departments.isEmpty() ? List.of(-1L) : List.copyOf(departments))
                .param("limit", limit).param("today", Date.valueOf(LocalDate.now(clock))).query(Rows.of(Ledger.class)).list();
    }

    public List<Item> items(long ledgerId) {
        return jdbc.sql("""
                SELECT c.id AS case_id, c.number, c.channel, c.employer_name, i.status_at_issue, c.status AS status_now,
                       i.overdue, c.registered_on, c.external_ref, u.visited_on AS last_follow_up_on,
                       u.satisfied AS last_satisfied, (SELECT count(*) FROM case_recheck k WHERE k.case_id = c.id) AS rechecks
                  FROM clue_ledger_item i JOIN case_file c ON c.id = i.case_id
                  LEFT JOIN LATERAL (SELECT f.visited_on, f.satisfied FROM case_follow_up f WHERE f.case_id = c.id
                                      ORDER BY f.visited_on DESC, f.id DESC LIMIT 1) u ON true
                 WHERE i.ledger_id = :l ORDER BY i.overdue DESC, c.registered_on
                """).param("l", ledgerId).query(Rows.of(Item.class)).list();
    }

    /**
     * What each department of the region holds now: clues open or closed and still followed up (held), overdue among
     * them, and those whose tracking ended, refused or withdrawn (finished).
     */
    public List<Holding> holdings(String regionPrefix) {
        return jdbc.sql("""
                SELECT d.id AS department_id, d.name AS department_name,
                       count(c.id) FILTER (WHERE c.status IN (:tracked)) AS held,
                       count(c.id) FILTER (WHERE c.status IN (:tracked) AND (%s)) AS overdue,
                       count(c.id) FILTER (WHERE c.status NOT IN (:tracked)) AS finished
                  FROM department d JOIN case_file c ON c.department_id = d.id AND c.channel IN (:channels)
                 WHERE d.region_code LIKE :prefix
                 GROUP BY d.id, d.name ORDER BY held DESC, d.name
                """.formatted(CaseQueries.OVERDUE)).param("tracked", CaseStatus.trackedNames())
                .param("channels", CLUE_CHANNELS).param("prefix", regionPrefix + "%")
                .param("today", Date.valueOf(LocalDate.now(clock))).query(Rows.of(Holding.class)).list();
    }
}
