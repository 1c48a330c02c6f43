package org.wageguard.casework;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;
import org.wageguard.shared.Versioned;

/**
 * The approvals of a case with the approver recorded: filing (立案审批) by the head of the labor inspection body
 * (《关于实施〈劳动保障监察条例〉若干规定》, 劳社部令第25号), the extension of the 60 working days by 30 (延期审批) by the head
 * of the labor security administrative department (《劳动保障监察条例》第十七条), and the closing of a filed case (结案审批)
 * by the head of the inspection body. An officer asks; an account holding the approver's permission approves, or refuses
 * with the reason; the step (filing, the longer clock, closing) happens only on approval. Nobody approves their own request.
 */
@Service
public class CaseApprovals {

    /** What is approved, and the permission of the one who approves it. */
    public enum Kind {
        FILE("casework:approval:file"), EXTEND("casework:approval:extend"), CLOSE("casework:approval:close");

        private final String permission;

        Kind(String permission) {
            this.permission = permission;
        }

        public String permission() {
            return permission;
        }
    }

    /** One request and its decision, as the case page and the approval forms show it. */
    public record Approval(long id, long caseId, String kind, String status, String requestedBy, LocalDate requestedOn,
            String reason, String inspectors, String decidedBy, LocalDate decidedOn, String decisionNote, int version,
            String requestedByName, String decidedByName) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final CaseHandling handling;
    private final OperationLog operationLog;

    CaseApprovals(JdbcClient jdbc, CaseHandling handling, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.handling = handling;
        this.operationLog = operationLog;
    }

    /** Asks for filing with the inspectors (two or more officers holding inspector accounts, 第十六条). */
    @Transactional
    public long requestFiling(long caseId, int version, OfficerPrincipal officer, String inspectors) {
        handling.inScope(caseId, officer);
        String named = handling.inspectorAccounts(inspectors);
        requireNonePending(caseId, Kind.FILE);
        handling.apply(caseId, version, officer, c -> c.requestFiling(CaseHandling.actor(officer), named));
        return insert(caseId, Kind.FILE, officer, null, named);
    }

    /** Asks for the extension, with the reason (the case is complex); the clock moves only on approval. */
    @Transactional
    public long requestExtension(long caseId, int version, OfficerPrincipal officer, String reason) {
        handling.inScope(caseId, officer);
        requireNonePending(caseId, Kind.EXTEND);
        handling.apply(caseId, version, officer, c -> c.requestExtension(CaseHandling.actor(officer), reason));
        return insert(caseId, Kind.EXTEND, officer, reason.trim(), null);
    }

    /** Asks for the closing of a filed case whose money was verified (or whose outcome pays nothing out). */
    @Transactional
    public long requestClosing(long caseId, int version, OfficerPrincipal officer, String note) {
        handling.inScope(caseId, officer);
        requireNonePending(caseId, Kind.CLOSE);
        handling.apply(caseId, version, officer, c -> c.requestClosing(CaseHandling.actor(officer)));
        return insert(caseId, Kind.CLOSE, officer, note == null || note.isBlank() ? null : note.trim(), null);
    }

    /**
     * The approver's decision on a pending request, against the version the page showed: approve (the step happens:
     * filing, the 30 more working days, closing), or refuse with the reason (nothing moves; the officer may ask again).
     */
    @Transactional
    public void decide(long caseId, long approvalId, int version, OfficerPrincipal approver, boolean approve, String note) {
        handling.inScope(caseId, approver);
        Approval a = find(caseId, approvalId).filter(Approval::pending)
                .orElseThrow(() -> CaseRuleException.of("case.rule.approval.notPending"));
        Kind kind = Kind.valueOf(a.kind());
        if (!approver.hasPermission(kind.permission())) {
            throw CaseRuleException.of("case.rule.approval.permission", CaseRuleException.text("case.approval.kind." + kind),
                    CaseRuleException.text("case.approval.approver." + kind));
        }
        if (approver.username().equals(a.requestedBy())) {
            throw CaseRuleException.of("case.rule.approval.own");
        }
        String reason = note == null || note.isBlank() ? null : note.trim();
        if (!approve && reason == null) {
            throw CaseRuleException.of("case.rule.approval.reason");
        }
        if (!Versioned.update(jdbc, "case_approval", "status = :s, decided_by = :by, decided_on = :on, decision_note = :n")
                .param("s", approve ? "APPROVED" : "REFUSED").param("by", approver.username())
                .param("on", Date.valueOf(handling.today())).param("n", reason).where("status = 'PENDING'")
                .by(approver.username()).row(approvalId, version)) {
            throw CaseRuleException.of("case.rule.approval.notPending");
        }
        int caseVersion = jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
        if (approve) {
            switch (kind) {
                case FILE -> handling.file(caseId, caseVersion, approver, a.inspectors());
                case EXTEND -> handling.extend(caseId, caseVersion, approver);
                case CLOSE -> handling.close(caseId, caseVersion, approver);
            }
        } else {
            handling.event(caseId, approver.username(), "REFUSE_" + kind.name(), null, null, reason);
        }
        String label = CaseRuleException.text("case.approval.kind." + kind);
        operationLog.record("CASE_APPROVAL", "case", caseId, label + "：" + (approve ? "同意" : "不同意，" + reason));
    }

    /** The case's approvals, the latest first. */
    @Transactional(readOnly = true)
    public List<Approval> of(long caseId) {
        return jdbc.sql(SELECT + " WHERE a.case_id = :c ORDER BY a.id DESC").param("c", caseId)
                .query(Rows.of(Approval.class)).list();
    }

    /** The latest decided request of a kind: the approval form shows it. */
    @Transactional(readOnly = true)
    public Optional<Approval> latestDecided(long caseId, Kind kind) {
        return jdbc.sql(SELECT + " WHERE a.case_id = :c AND a.kind = :k AND a.status <> 'PENDING' ORDER BY a.id DESC LIMIT 1")
                .param("c", caseId).param("k", kind.name()).query(Rows.of(Approval.class)).optional();
    }

    private static final String SELECT = """
            SELECT a.id, a.case_id, a.kind, a.status, a.requested_by, a.requested_on, a.reason, a.inspectors, a.decided_by,
                   a.decided_on, a.decision_note, a.version,
                   (SELECT display_name FROM officer_directory o WHERE o.username = a.requested_by) AS requested_by_name,
                   (SELECT display_name FROM officer_directory o WHERE o.username = a.decided_by) AS decided_by_name
              FROM case_approval a""";

    private Optional<Approval> find(long caseId, long approvalId) {
        return jdbc.sql(SELECT + " WHERE a.case_id = :c AND a.id = :a").param("c", caseId).param("a", approvalId)
                .query(Rows.of(Approval.class)).optional();
    }

    private void requireNonePending(long caseId, Kind kind) {
        if (jdbc.sql("SELECT count(*) FROM case_approval WHERE case_id = :c AND kind = :k AND status = 'PENDING'")
                .param("c", caseId).param("k", kind.name()).query(Long.class).single() > 0) {
            throw CaseRuleException.of("case.rule.approval.pending", CaseRuleException.text("case.approval.kind." + kind));
        }
    }

    private long insert(long caseId, Kind kind, OfficerPrincipal officer, String reason, String inspectors) {
        long id = jdbc.sql("""
                INSERT INTO case_approval (case_id, kind, requested_by, requested_on, reason, inspectors, updated_by)
                VALUES (:c, :k, :by, :on, :r, :i, :by) RETURNING id
                """).param("c", caseId).param("k", kind.name()).param("by", officer.username())
                .param("on", Date.valueOf(handling.today())).param("r", reason).param("i", inspectors).query(Long.class).single();
        return id;
    }
}
