package org.wageguard.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wageguard.shared.Versioned;
import org.wageguard.employer.ArrearsRecorded;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * The six compliance items of each project: their recorded facts, the status derived from them by
 * {@link ComplianceRules}, the history of every change, and uploaded evidence.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceItems {

    public record Item(long id, long projectId, ComplianceKind kind, ComplianceStatus status, String reason,
            boolean flagged, ComplianceFacts facts, int version, Timestamp updatedAt, String updatedBy) {
    }

    public record HistoryEntry(ComplianceKind kind, String statusFrom, String statusTo, String summary, Timestamp at,
            String byUsername) {
    }

    public record Evidence(long id, long itemId, String fileName, String contentType, int sizeBytes,
            Timestamp uploadedAt, String uploadedBy) {
    }

    private final JdbcClient jdbc;
    private final WageDeposits deposits;
    private final OperationLog operationLog;
    private final Clock clock;
    private final MessageSource messages;
    private final ObjectProvider<RealNameStanding> realName;
    private final ObjectProvider<BankPayrollStanding> bankPayroll;

    ComplianceItems(JdbcClient jdbc, WageDeposits deposits, OperationLog operationLog, Clock clock,
            MessageSource messages, ObjectProvider<RealNameStanding> realName,
            ObjectProvider<BankPayrollStanding> bankPayroll) {
        this.jdbc = jdbc;
        this.deposits = deposits;
        this.operationLog = operationLog;
        this.clock = clock;
        this.messages = messages;
        this.realName = realName;
        this.bankPayroll = bankPayroll;
    }

    /** A newly registered project starts with all six items, evaluated (mostly 缺失). */
    @Transactional
    public void open(long projectId) {
        for (ComplianceKind kind : ComplianceKind.values()) {
            jdbc.sql("INSERT INTO compliance_item (project_id, kind, status, updated_by) VALUES (:p, :k, 'MISSING', :actor)")
                    .param("p", projectId).param("k", kind.name()).param("actor", actor()).update();
        }
        reevaluate(projectId);
    }

    public List<Item> items(long projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = :p").param("p", projectId).query(ComplianceItems::map).list()
                .stream().sorted(java.util.Comparator.comparing(Item::kind)).toList();
    }

    public Optional<Item> item(long projectId, ComplianceKind kind) {
        return jdbc.sql(SELECT + " WHERE project_id = :p AND kind = :k").param("p", projectId).param("k", kind.name())
                .query(ComplianceItems::map).optional();
    }

    /** Items of many projects at once, for the matrix: project id → kind → item. */
    public Map<Long, Map<ComplianceKind, Item>> matrix(List<Long> projectIds) {
        Map<Long, Map<ComplianceKind, Item>> result = new HashMap<>();
        if (projectIds.isEmpty()) {
            return result;
        }
        for (Item item : jdbc.sql(SELECT + " WHERE project_id IN (:ids)").param("ids", projectIds)
                .query(ComplianceItems::map).list()) {
            result.computeIfAbsent(item.projectId(), k -> new EnumMap<>(ComplianceKind.class)).put(item.kind(), item);
        }
        return result;
    }

    /** Records the facts of an item as the editor saw it at {@code version}; a concurrent edit is refused. */
    @Transactional
    public void record(long projectId, ComplianceKind kind, int version, ComplianceFacts f) {
        if (kind == ComplianceKind.SPECIAL_ACCOUNT) {
            keepsBinding(projectId, f);
        }
        boolean saved = Versioned.update(jdbc, "compliance_item", """
                not_applicable = :na, established_on = :established, valid_until = :valid,
                       amount = :amount, form = :form, bank_name = :bank, account_number = :account,
                       roster_kept = :roster, board_pay_day = :payDay, board_minimum_wage = :minWage,
                       board_hotline = :hotline, board_arbitration = :arbitration, board_legal_aid = :legalAid,
                       note = :note""").param("arbitration", f.boardArbitration()).param("legalAid", f.boardLegalAid()).param("na", f.notApplicable()).param("established", date(f.establishedOn()))
                .param("valid", date(f.validUntil())).param("amount", f.amount())
                .param("form", f.form() == null ? null : f.form().name()).param("bank", f.bankName())
                .param("account", f.accountNumber()).param("roster", f.rosterKept())
                .param("payDay", f.boardPayDay()).param("minWage", f.boardMinimumWage())
                .param("hotline", f.boardHotline()).param("note", f.note()).by(actor())
                .key("project_id").where("kind = :k").param("k", kind.name()).row(projectId, version);
        if (!saved) {
            throw new IllegalArgumentException("no compliance item " + projectId + "/" + kind);
        }
        operationLog.record("COMPLIANCE_RECORD", "project", projectId, "登记合规事项 " + kind.name());
        reevaluate(projectId);
    }

    /**
     * The special account's bank and account number are those of its binding ({@link SpecialAccounts}): an officer's
     * edit of the item that changes either is refused and logged, whoever sends it — a contractor proposes a binding
     * instead, the industry department sets one. Only the system's own loading (no officer signed in) writes them.
     */
    private void keepsBinding(long projectId, ComplianceFacts f) {
        if (CurrentOfficer.find().isEmpty()) {
            return;
        }
        ComplianceFacts current = item(projectId, ComplianceKind.SPECIAL_ACCOUNT).orElseThrow().facts();
        if (!Objects.equals(f.bankName(), current.bankName()) || !Objects.equals(f.accountNumber(), current.accountNumber())) {
            String message = messages.getMessage("special.refused.complianceEdit", null, Locale.SIMPLIFIED_CHINESE);
            operationLog.recordOutcome("COMPLIANCE_RECORD", "project", projectId, "拒绝：" + message + "（提交的开户银行："
                    + f.bankName() + "，账号：" + f.accountNumber() + "）", OperationLog.Result.DENIED);
            throw new SpecialAccounts.RefusedException(message);
        }
    }

    /** A binding took effect: the special account item shows its bank and account number, and is evaluated again. */
    @Transactional
    void accountBound(long projectId, String bankName, String accountNumber) {
        jdbc.sql("""
                UPDATE compliance_item SET bank_name = :bank, account_number = :account, version = version + 1,
                       updated_at = now(), updated_by = :actor
                 WHERE project_id = :p AND kind = 'SPECIAL_ACCOUNT'
                """).param("bank", bankName).param("account", accountNumber).param("actor", actor())
                .param("p", projectId).update();
        reevaluate(projectId);
    }

    /**
     * Records what an on-site inspection saw of an item, as a fact of the item: the latest observation counts (an
     * earlier one never replaces a later). While it is "not compliant" and no facts were recorded after it, an item
     * the records show in place is missing, with the inspection as the reason (a missing one names the inspection
     * too); a later compliant observation (e.g. the second look) or newly recorded facts lift that again.
     */
    @Transactional
    public void observe(long projectId, ComplianceKind kind, LocalDate on, boolean compliant, String source, String note) {
        int rows = jdbc.sql("""
                UPDATE compliance_item SET observed_on = :on, observed_compliant = :ok, observed_source = :source,
                       observed_note = :note, observed_at = now()
                 WHERE project_id = :p AND kind = :k AND (observed_on IS NULL OR observed_on <= :on)
                """).param("on", Date.valueOf(on)).param("ok", compliant).param("source", source).param("note", note)
                .param("p", projectId).param("k", kind.name()).update();
        if (rows > 0) {
            operationLog.record("COMPLIANCE_OBSERVED", "project", projectId, "现场检查记录合规事项 " + kind.name()
                    + (compliant ? " 符合" : " 不符合"));
            reevaluate(projectId);
        }
    }

    /**
     * Derives every item's status again from its facts and from the data other modules keep (the roster and attendance
     * for real-name management, the bank's disbursements for bank payroll), writing history where a status changed.
     * Runs whenever that data changes (an import committed, an arrears record, a deposit movement), not nightly.
     */
    @Transactional
    public void reevaluate(long projectId) {
        record Context(Date contractDate, String wageOfficerName) {
        }
        Context ctx = jdbc.sql("SELECT contract_date, wage_officer_name FROM project WHERE id = :id")
                .param("id", projectId).query(Rows.of(Context.class)).single();
        LocalDate today = LocalDate.now(clock);
        RealNameStanding realNameStanding = realName.getIfAvailable();
        BankPayrollStanding payrollStanding = bankPayroll.getIfAvailable();
        var project = new ComplianceRules.ProjectContext(ctx.contractDate().toLocalDate(), ctx.wageOfficerName(), null,
                realNameStanding == null ? null : realNameStanding.figures(projectId, today).orElse(null),
                payrollStanding == null ? List.of()
                        : payrollStanding.months(projectId, today, ComplianceRules.BANK_PAYROLL_MONTHS),
                ProjectParties.subcontractors(jdbc, projectId));
        Map<Long, String> observedMissing = observedMissing(projectId);
        for (Item item : items(projectId)) {
            // The deposit's exemption reads the real-name and special-account items: rated after they were derived
            // (the items come in the order of ComplianceKind).
            var context = item.kind() != ComplianceKind.WAGE_DEPOSIT ? project
                    : new ComplianceRules.ProjectContext(project.contractDate(), project.wageOfficerName(),
                            deposits.requirement(projectId).orElse(null), project.realName(), project.payrollMonths(),
                            project.subcontractors());
            ComplianceRules.Evaluation e = ComplianceRules.evaluate(item.kind(), item.facts(), context, today);
            String observed = observedMissing.get(item.id());
            if (observed != null && e.status() == ComplianceStatus.PRESENT) {
                e = new ComplianceRules.Evaluation(ComplianceStatus.MISSING, ComplianceRules.cut(observed), true);
            } else if (observed != null && e.status() == ComplianceStatus.MISSING) {
                e = new ComplianceRules.Evaluation(ComplianceStatus.MISSING,
                        ComplianceRules.cut(observed + "（登记情况：" + e.reason() + "）"), e.flagged());
            }
            boolean changed = e.status() != item.status() || !e.reason().equals(item.reason());
            if (!changed && e.flagged() == item.flagged()) {
                continue;
            }
            jdbc.sql("UPDATE compliance_item SET status = :s, status_reason = :r, flagged = :f WHERE id = :id")
                    .param("s", e.status().name()).param("r", e.reason()).param("f", e.flagged())
                    .param("id", item.id()).update();
            jdbc.sql("""
                    INSERT INTO compliance_history (item_id, status_from, status_to, summary, by_username)
                    VALUES (:id, :from, :to, :summary, :actor)
                    """).param("id", item.id()).param("from", item.reason() == null ? null : item.status().name())
                    .param("to", e.status().name()).param("summary", e.reason()).param("actor", actor()).update();
        }
    }

    /**
     * A case (or an officer) put an arrears record on an employer: the items of every project it is the general
     * contractor of are derived again at once — the wage deposit's exemptions and rate read the contractor's record.
     * Like every listener that derives compliance (the roster's, the reconciliation's), it runs once the record's
     * transaction committed, in a transaction of its own and in the same thread — not as an asynchronous
     * {@code @ApplicationModuleListener} — so the officer's next page already shows the derived item, and a failure
     * here never undoes the record.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ArrearsRecorded event) {
        jdbc.sql("SELECT id FROM project WHERE general_contractor_id = :e ORDER BY id").param("e", event.employerId())
                .query(Long.class).list().forEach(this::reevaluate);
    }

    /** Items whose latest on-site observation found them not compliant: item id → the reason naming the inspection. */
    private Map<Long, String> observedMissing(long projectId) {
        Map<Long, String> result = new HashMap<>();
        jdbc.sql("""
                SELECT id, observed_on, observed_source, observed_note FROM compliance_item
                 WHERE project_id = :p AND observed_compliant = FALSE AND observed_at >= updated_at
                """).param("p", projectId).query((rs, n) -> {
            String note = rs.getString("observed_note");
            result.put(rs.getLong("id"), "现场检查（" + rs.getDate("observed_on").toLocalDate() + "，"
                    + rs.getString("observed_source") + "）发现不符合" + (note == null || note.isBlank() ? "" : "：" + note));
            return null;
        }).list();
        return result;
    }

    @EventListener
    void on(DepositLedgerChanged event) {
        reevaluate(event.projectId());
    }

    public List<HistoryEntry> history(long projectId) {
        return jdbc.sql("""
                SELECT i.kind, h.status_from, h.status_to, h.summary, h.at, h.by_username
                  FROM compliance_history h JOIN compliance_item i ON i.id = h.item_id
                 WHERE i.project_id = :p ORDER BY h.at DESC, h.id DESC
                """).param("p", projectId).query(Rows.of(HistoryEntry.class)).list();
    }

    @Transactional
    public long addEvidence(long projectId, ComplianceKind kind, String fileName, String contentType, byte[] content) {
        long itemId = item(projectId, kind).orElseThrow().id();
        long id = jdbc.sql("""
                INSERT INTO compliance_evidence (item_id, file_name, content_type, size_bytes, content, uploaded_by)
                VALUES (:item, :name, :type, :size, :content, :actor) RETURNING id
                """).param("item", itemId).param("name", fileName).param("type", contentType)
                .param("size", content.length).param("content", content).param("actor", actor())
                .query(Long.class).single();
        operationLog.record("COMPLIANCE_EVIDENCE", "project", projectId, "上传佐证材料 " + kind.name() + " " + fileName);
        return id;
    }

    public List<Evidence> evidence(long projectId) {
        return jdbc.sql("""
                SELECT e.id, e.item_id, e.file_name, e.content_type, e.size_bytes, e.uploaded_at, e.uploaded_by
                  FROM compliance_evidence e JOIN compliance_item i ON i.id = e.item_id
                 WHERE i.project_id = :p ORDER BY e.uploaded_at DESC
                """).param("p", projectId).query(Rows.of(Evidence.class)).list();
    }

    public record EvidenceFile(String fileName, String contentType, byte[] content) {
    }

    /** An evidence file of this project (never another project's, whatever id is asked for). */
    public Optional<EvidenceFile> evidenceFile(long projectId, long evidenceId) {
        return jdbc.sql("""
                SELECT e.file_name, e.content_type, e.content FROM compliance_evidence e
                  JOIN compliance_item i ON i.id = e.item_id WHERE e.id = :id AND i.project_id = :p
                """).param("id", evidenceId).param("p", projectId).query(Rows.of(EvidenceFile.class)).optional();
    }

    private static final String SELECT = """
            SELECT id, project_id, kind, status, status_reason, flagged, not_applicable, established_on, valid_until,
                   amount, form, bank_name, account_number, roster_kept, board_pay_day, board_minimum_wage,
                   board_hotline, note, board_arbitration, board_legal_aid, version, updated_at, updated_by
              FROM compliance_item
            """;

    private static Item map(ResultSet rs, int row) throws SQLException {
        Date established = rs.getDate("established_on");
        Date valid = rs.getDate("valid_until");
        String form = rs.getString("form");
        BigDecimal amount = rs.getBigDecimal("amount");
        ComplianceFacts facts = new ComplianceFacts(rs.getBoolean("not_applicable"),
                established == null ? null : established.toLocalDate(), valid == null ? null : valid.toLocalDate(),
                amount, form == null ? null : GuaranteeForm.valueOf(form), rs.getString("bank_name"),
                rs.getString("account_number"), rs.getBoolean("roster_kept"), rs.getString("board_pay_day"),
                rs.getString("board_minimum_wage"), rs.getString("board_hotline"), rs.getString("note"),
                rs.getString("board_arbitration"), rs.getString("board_legal_aid"));
        return new Item(rs.getLong("id"), rs.getLong("project_id"), ComplianceKind.valueOf(rs.getString("kind")),
                ComplianceStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getBoolean("flagged"), facts, rs.getInt("version"), rs.getTimestamp("updated_at"),
                rs.getString("updated_by"));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }
}
