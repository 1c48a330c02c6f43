package org.wageguard.project;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.EmployerSummary;
import org.wageguard.employer.Employers;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.CreditCode;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.Rows;

/**
 * Which bank organisation holds each project's special wage account (农民工工资专用账户, Decree 724 Art. 26): a
 * binding to the bank branch's employer record, by its unified social credit code, with the account number.
 *
 * <p>A bank's officers may send disbursements and see special-account data only for the accounts currently bound to
 * their organisation (the account's organisation code is the branch's credit code); a bank's name decides nothing.
 * The project's industry department sets a binding, or confirms one the contractor proposed; the bank named in a
 * proposal may confirm it too. A contractor alone never binds: its proposal changes nothing until confirmed. A new
 * binding ends the one in force; nothing is deleted, so the history shows who proposed, who confirmed, from when
 * until when. Every refusal is in the operation log.
 */
@Service
@Transactional(readOnly = true)
public class SpecialAccounts {

    /** Bank branches are employers of this GB/T 4754 division (货币金融服务). */
    public static final String BANKING_INDUSTRY = "66";

    static final String ACTION = "SPECIAL_ACCOUNT_BINDING";

    public enum BindingStatus { PROPOSED, CONFIRMED, REJECTED, WITHDRAWN }

    public record Binding(long id, long projectId, long bankEmployerId, String bankCreditCode, String bankName,
            String accountNumber, BindingStatus status, String proposedBy, String proposedRole, Timestamp proposedAt,
            String decidedBy, String decidedRole, Timestamp decidedAt, Timestamp validFrom, Timestamp validTo,
            String endedBy, String note) {

        /** The binding in force: confirmed and not ended. */
        public boolean current() {
            return status == BindingStatus.CONFIRMED && validTo == null;
        }
    }

    /** A special account as its bank sees it: the binding and the project's code, name and contractor. */
    public record BankAccount(Binding binding, String projectCode, String projectName, String contractorName) {
    }

    /** A refused act: the message is the Chinese sentence shown to the officer (and logged). */
    public static class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** A refusal of the officer rather than of the request: not this officer's binding to decide (answered 403). */
    public static class DeniedException extends RefusedException {
        public DeniedException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Employers employers;
    private final ComplianceItems compliance;
    private final OperationLog operationLog;
    private final MessageSource messages;

    SpecialAccounts(JdbcClient jdbc, Projects projects, Employers employers, ComplianceItems compliance,
            OperationLog operationLog, MessageSource messages) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.employers = employers;
        this.compliance = compliance;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    public Optional<Binding> current(long projectId) {
        return jdbc.sql(SELECT + " WHERE b.project_id = :p AND b.status = 'CONFIRMED' AND b.valid_to IS NULL")
                .param("p", projectId).query(Rows.of(Binding.class)).optional();
    }

    public Optional<Binding> pending(long projectId) {
        return jdbc.sql(SELECT + " WHERE b.project_id = :p AND b.status = 'PROPOSED'")
                .param("p", projectId).query(Rows.of(Binding.class)).optional();
    }

    /**
     * The proposals waiting for this officer's decision: those naming the officer's bank (a BANK account), or those of
     * the projects in the scope of an industry officer who may bind.
     */
    public long awaitingDecision(OfficerPrincipal officer) {
        boolean theBank = officer.hasPermission("project:account:confirm") && officer.scope().organisationCode() != null;
        boolean industry = officer.hasPermission("project:account:bind");
        if (!theBank && !industry) {
            return 0;
        }
        return jdbc.sql("SELECT b.project_id, b.bank_credit_code FROM special_account_binding b WHERE b.status = 'PROPOSED'")
                .query((rs, n) -> {
                    long projectId = rs.getLong(1);
                    String bank = rs.getString(2);
                    return (theBank && bank.equals(officer.scope().organisationCode())) || (industry
                            && projects.summary(projectId).map(p -> covers(officer, p)).orElse(false));
                }).list().stream().filter(Boolean::booleanValue).count();
    }

    /** Every binding and proposal of the project, the newest first. */
    public List<Binding> history(long projectId) {
        return jdbc.sql(SELECT + " WHERE b.project_id = :p ORDER BY b.proposed_at DESC, b.id DESC")
                .param("p", projectId).query(Rows.of(Binding.class)).list();
    }

    /** Whether the project's special account is, now, bound to the bank organisation with this credit code. */
    public boolean boundTo(long projectId, String bankCreditCode) {
        if (bankCreditCode == null || bankCreditCode.isBlank()) {
            return false;
        }
        return jdbc.sql("""
                SELECT count(*) FROM special_account_binding
                 WHERE project_id = :p AND status = 'CONFIRMED' AND valid_to IS NULL AND bank_credit_code = :c
                """).param("p", projectId).param("c", bankCreditCode).query(Integer.class).single() > 0;
    }

    /**
     * The accounts a bank organisation may see: those bound to it now, and the proposals naming it (for it to confirm
     * or refuse); nothing of any other bank's, nothing it was bound to before.
     */
    public List<BankAccount> ofBank(String bankCreditCode) {
        if (bankCreditCode == null || bankCreditCode.isBlank()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE b.bank_credit_code = :c AND (b.status = 'PROPOSED' OR (b.status = 'CONFIRMED' AND b.valid_to IS NULL))
                 ORDER BY b.status DESC, b.project_id
                """).param("c", bankCreditCode).query(Rows.of(Binding.class)).list().stream()
                .map(b -> {
                    ProjectSummary p = projects.summary(b.projectId()).orElseThrow();
                    return new BankAccount(b, p.code(), p.name(), p.generalContractorName());
                }).toList();
    }

    /**
     * The industry department binds the project's special account to a bank branch, in force at once; the earlier
     * binding ends, a waiting proposal is withdrawn.
     */
    @Transactional
    public long bind(long projectId, String bankCreditCode, String accountNumber, OfficerPrincipal officer) {
        Request r = request(projectId, bankCreditCode, accountNumber, officer, "project:account:bind",
                "special.refused.bind", "special.note.supersededByBinding");
        long id = insert(r.project().id(), r.bank(), r.account(), BindingStatus.PROPOSED, officer, null);
        takeEffect(id, officer);
        return id;
    }

    /**
     * The contractor proposes the bank branch and account number; nothing changes until the industry department or
     * that bank confirms. A new proposal withdraws the contractor's earlier one still waiting.
     */
    @Transactional
    public long propose(long projectId, String bankCreditCode, String accountNumber, String note,
            OfficerPrincipal officer) {
        Request r = request(projectId, bankCreditCode, accountNumber, officer, "project:account:propose",
                "special.refused.propose", "special.note.supersededByProposal");
        long id = insert(r.project().id(), r.bank(), r.account(), BindingStatus.PROPOSED, officer, blankToNull(note));
        operationLog.record(ACTION, "project", projectId, "提出专用账户绑定申请：" + r.bank().name() + "（"
                + r.bank().creditCode() + "），账号 " + r.account() + "，待行业主管部门或该行确认");
        return id;
    }

    private record Request(ProjectSummary project, EmployerSummary bank, String account) {
    }

    /**
     * A binding asked for by an officer with the permission, within the project's scope, naming a registered bank
     * branch and a well-formed account number that differ from the binding in force; a proposal still waiting is
     * withdrawn (with the note saying why).
     */
    private Request request(long projectId, String bankCreditCode, String accountNumber, OfficerPrincipal officer,
            String permission, String refusal, String supersededNote) {
        ProjectSummary project = projectInScope(projectId, officer, permission, refusal);
        EmployerSummary bank = bank(projectId, bankCreditCode);
        String account = accountNumber(projectId, accountNumber);
        if (current(projectId).filter(c -> c.bankCreditCode().equals(bank.creditCode())
                && c.accountNumber().equals(account)).isPresent()) {
            throw refused(projectId, OperationLog.Result.FAILURE, "special.refused.unchanged");
        }
        pending(projectId).ifPresent(p -> decide(p.id(), BindingStatus.WITHDRAWN, officer, text(supersededNote)));
        return new Request(project, bank, account);
    }

    /** The industry department, or the bank the proposal names, confirms it: it is in force from now. */
    @Transactional
    public long confirm(long bindingId, OfficerPrincipal officer) {
        Binding proposal = decidable(bindingId, officer, "special.refused.confirm");
        takeEffect(proposal.id(), officer);
        return proposal.projectId();
    }

    /** The industry department, or the bank the proposal names, turns it down with a reason. */
    @Transactional
    public long reject(long bindingId, String reason, OfficerPrincipal officer) {
        Binding proposal = decidable(bindingId, officer, "special.refused.reject");
        if (reason == null || reason.isBlank() || reason.trim().length() > 400) {
            throw refused(proposal.projectId(), OperationLog.Result.FAILURE, "special.refused.reasonRequired");
        }
        decide(proposal.id(), BindingStatus.REJECTED, officer, reason.trim());
        operationLog.record(ACTION, "project", proposal.projectId(), "退回专用账户绑定申请：" + proposal.bankName()
                + "，账号 " + proposal.accountNumber() + "，理由：" + reason.trim());
        return proposal.projectId();
    }

    /**
     * The binding in force ends without a successor: the account is closed (销户) after the project was completed and
     * the wages settled — 《保障农民工工资支付条例》第二十七条第二款: 工程完工且未拖欠农民工工资的，施工总承包单位公示30日后，
     * 可以申请注销农民工工资专用账户，账户内余额归施工总承包单位所有; 《工程建设领域农民工工资专用账户管理暂行办法》
     * (人社部发〔2021〕53号) regulates the closing further (its article not verified here, see docs/casework.md). Only the project's industry department ends it, only for
     * a completed or delivered project (a project under way changes its bank by a new binding instead), with the
     * reason. From then no bank may send disbursements for the project; the binding stays in the history.
     */
    @Transactional
    public long end(long projectId, String reason, OfficerPrincipal officer) {
        ProjectSummary project = projectInScope(projectId, officer, "project:account:bind", "special.refused.bind");
        if (project.status() == ProjectStatus.UNDER_CONSTRUCTION || project.status() == ProjectStatus.SUSPENDED) {
            throw refused(projectId, OperationLog.Result.FAILURE, "special.refused.endUnderWay");
        }
        if (reason == null || reason.isBlank() || reason.trim().length() > 400) {
            throw refused(projectId, OperationLog.Result.FAILURE, "special.refused.endReasonRequired");
        }
        Binding b = current(projectId)
                .orElseThrow(() -> refused(projectId, OperationLog.Result.FAILURE, "special.refused.noneInForce"));
        jdbc.sql("""
                UPDATE special_account_binding SET valid_to = now(), ended_by = :by, note = :note
                 WHERE id = :id AND status = 'CONFIRMED' AND valid_to IS NULL
                """).param("by", officer.username()).param("note", reason.trim()).param("id", b.id()).update();
        operationLog.record(ACTION, "project", projectId, "专用账户绑定终止（销户）：" + b.bankName() + "，账号 "
                + b.accountNumber() + "，原因：" + reason.trim());
        return projectId;
    }

    /** The bank branches registered in the officer's region (employers of the banking industry), for the forms. */
    public List<EmployerSummary> bankChoices(OfficerPrincipal officer) {
        DataScope region = new DataScope(DataScopeType.REGION, officer.regionCode(), java.util.Set.of(), null, null,
                officer.id());
        return employers.choices(region, java.util.Set.of()).stream()
                .filter(e -> BANKING_INDUSTRY.equals(e.industryCode())).toList();
    }

    /** A proposal still waiting, which this officer may decide: the project's industry department or the named bank. */
    private Binding decidable(long bindingId, OfficerPrincipal officer, String refusal) {
        Binding b = jdbc.sql(SELECT + " WHERE b.id = :id").param("id", bindingId).query(Rows.of(Binding.class))
                .optional().orElseThrow(() -> refused(null, OperationLog.Result.FAILURE, "special.refused.notFound"));
        ProjectSummary project = projects.summary(b.projectId()).orElseThrow();
        boolean industry = officer.hasPermission("project:account:bind") && covers(officer, project);
        boolean theBank = officer.hasPermission("project:account:confirm")
                && b.bankCreditCode().equals(officer.scope().organisationCode());
        if (!industry && !theBank) {
            throw refused(b.projectId(), OperationLog.Result.DENIED, refusal, b.bankName());
        }
        if (b.status() != BindingStatus.PROPOSED) {
            throw refused(b.projectId(), OperationLog.Result.FAILURE, "special.refused.notPending");
        }
        return b;
    }

    /** The binding is confirmed now: the one in force ends, the compliance item shows the bank and account. */
    private void takeEffect(long bindingId, OfficerPrincipal officer) {
        Binding b = jdbc.sql(SELECT + " WHERE b.id = :id").param("id", bindingId).query(Rows.of(Binding.class)).single();
        jdbc.sql("""
                UPDATE special_account_binding SET valid_to = now(), ended_by = :by
                 WHERE project_id = :p AND status = 'CONFIRMED' AND valid_to IS NULL
                """).param("by", officer.username()).param("p", b.projectId()).update();
        jdbc.sql("""
                UPDATE special_account_binding SET status = 'CONFIRMED', decided_by = :by, decided_role = :role,
                       decided_at = now(), valid_from = now()
                 WHERE id = :id
                """).param("by", officer.username()).param("role", role(officer)).param("id", bindingId).update();
        compliance.accountBound(b.projectId(), b.bankName(), b.accountNumber());
        operationLog.record(ACTION, "project", b.projectId(), "专用账户绑定生效：" + b.bankName() + "（"
                + b.bankCreditCode() + "），账号 " + b.accountNumber() + "，由 " + b.proposedBy()
                + (b.proposedBy().equals(officer.username()) ? " 设定" : " 提出、" + officer.username() + " 确认"));
    }

    private void decide(long bindingId, BindingStatus status, OfficerPrincipal officer, String note) {
        jdbc.sql("""
                UPDATE special_account_binding SET status = :s, decided_by = :by, decided_role = :role, decided_at = now(),
                       note = :note
                 WHERE id = :id
                """).param("s", status.name()).param("by", officer.username()).param("role", role(officer))
                .param("note", note).param("id", bindingId).update();
    }

    private long insert(long projectId, EmployerSummary bank, String account, BindingStatus status,
            OfficerPrincipal officer, String note) {
        return jdbc.sql("""
                INSERT INTO special_account_binding (project_id, bank_employer_id, bank_credit_code, bank_name,
                    account_number, status, proposed_by, proposed_role, note)
                VALUES (:p, :e, :c, :n, :a, :s, :by, :role, :note) RETURNING id
                """).param("p", projectId).param("e", bank.id()).param("c", bank.creditCode()).param("n", bank.name())
                .param("a", account).param("s", status.name()).param("by", officer.username())
                .param("role", role(officer)).param("note", note).query(Long.class).single();
    }

    private ProjectSummary projectInScope(long projectId, OfficerPrincipal officer, String permission, String refusal) {
        ProjectSummary project = projects.summary(projectId)
                .orElseThrow(() -> refused(null, OperationLog.Result.FAILURE, "special.refused.notFound"));
        if (!officer.hasPermission(permission) || !covers(officer, project)) {
            throw refused(projectId, OperationLog.Result.DENIED, refusal);
        }
        return project;
    }

    private static boolean covers(OfficerPrincipal officer, ProjectSummary p) {
        return officer.scope().covers(p.regionCode(), p.departmentId(), p.contractorCode(), null, null);
    }

    /** The bank branch by its credit code: a registered employer of the banking industry. */
    private EmployerSummary bank(long projectId, String creditCode) {
        String code;
        try {
            code = CreditCode.of(creditCode).value();
        } catch (InvalidIdentifierException e) {
            throw refused(projectId, OperationLog.Result.FAILURE, "special.refused.creditCode",
                    creditCode == null ? "" : creditCode.trim());
        }
        EmployerSummary bank = employers.findByCreditCode(code)
                .orElseThrow(() -> refused(projectId, OperationLog.Result.FAILURE, "special.refused.unknownBank", code));
        if (!BANKING_INDUSTRY.equals(bank.industryCode())) {
            throw refused(projectId, OperationLog.Result.FAILURE, "special.refused.notABank", bank.name());
        }
        return bank;
    }

    private String accountNumber(long projectId, String raw) {
        String account = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        if (!account.matches("[0-9]{8,32}")) {
            throw refused(projectId, OperationLog.Result.FAILURE, "special.refused.accountNumber");
        }
        return account;
    }

    private RefusedException refused(Long projectId, OperationLog.Result result, String key, Object... args) {
        String message = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        operationLog.recordOutcome(ACTION, "project", projectId, "拒绝：" + message, result);
        return result == OperationLog.Result.DENIED ? new DeniedException(message) : new RefusedException(message);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private static String role(OfficerPrincipal officer) {
        for (String role : List.of("INDUSTRY_OFFICER", "BANK", "CONTRACTOR")) {
            if (officer.hasRole(role)) {
                return role;
            }
        }
        return officer.roles().stream().sorted().findFirst().orElse("SYSTEM");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final String SELECT = """
            SELECT b.id, b.project_id, b.bank_employer_id, b.bank_credit_code, b.bank_name, b.account_number, b.status,
                   b.proposed_by, b.proposed_role, b.proposed_at, b.decided_by, b.decided_role, b.decided_at,
                   b.valid_from, b.valid_to, b.ended_by, b.note
              FROM special_account_binding b
            """;
}
