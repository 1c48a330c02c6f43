package org.wageguard.casework;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A case and the rules of its life: each intent-named step checks the current state and the actor's
 * permission, refuses an illegal one with the reason, and returns what happened for the timeline. The
 * legal clocks (5 working days to accept, 60 + 30 to handle a filed case) are set here from the calendar. Filing,
 * the extension and the closing of a filed case are approvals: an officer asks, the head holding the approver's
 * permission decides ({@link CaseApprovals}).
 */
public final class CaseFile {

    /** Who acts: the permission codes of their roles decide which steps they may take. */
    public record Actor(String username, Set<String> permissions) {
        boolean may(String permission) {
            return permissions.contains(permission);
        }
    }

    /** What a step did, for the timeline. */
    public record Step(String action, CaseStatus from, CaseStatus to, String note) {
    }

    public static final int ACCEPT_WORKING_DAYS = 5;
    public static final int FILED_WORKING_DAYS = 60;
    public static final int EXTENSION_WORKING_DAYS = 30;

    private final long id;
    private CaseStatus status;
    private LocalDate filedOn;
    private LocalDate handlingDue;
    private boolean extended;
    private LocalDate lastOrderDeadline;
    private Outcome outcome;
    private boolean claimantsAllPaid;
    private boolean anyClaimant;

    public CaseFile(long id, CaseStatus status, LocalDate filedOn, LocalDate handlingDue, boolean extended,
            LocalDate lastOrderDeadline, Outcome outcome, boolean anyClaimant, boolean claimantsAllPaid) {
        this.id = id;
        this.status = status;
        this.filedOn = filedOn;
        this.handlingDue = handlingDue;
        this.extended = extended;
        this.lastOrderDeadline = lastOrderDeadline;
        this.outcome = outcome;
        this.anyClaimant = anyClaimant;
        this.claimantsAllPaid = claimantsAllPaid;
    }

    public Step accept(Actor actor) {
        require(actor, "casework:case:accept");
        return move("ACCEPT", Set.of(CaseStatus.REGISTERED), CaseStatus.ACCEPTED, null);
    }

    public Step refuse(Actor actor, String reason) {
        require(actor, "casework:case:accept");
        requireText(reason, "不予受理须写明理由。");
        return move("REFUSE", Set.of(CaseStatus.REGISTERED), CaseStatus.REFUSED, reason);
    }

    /** Settles without formal filing (协调处理), on its own clock. */
    public Step coordinate(Actor actor, LocalDate today, int workingDays, UnaryOperator<LocalDate> clock) {
        require(actor, "casework:case:handle");
        Step step = move("COORDINATE", Set.of(CaseStatus.ACCEPTED), CaseStatus.COORDINATING, "协调处理期限 " + workingDays + " 个工作日");
        handlingDue = clock.apply(today);
        return step;
    }

    /**
     * Asks for filing (提请立案审批) with the inspectors named: the case stays where it is until the head of the labor
     * inspection body approves ({@link #file}).
     */
    public Step requestFiling(Actor actor, String inspectors) {
        require(actor, "casework:case:file");
        if (inspectors == null || inspectors.split("[,，、\\s]+").length < 2) {
            throw CaseRuleException.of("case.rule.case-file.1");
        }
        return move("REQUEST_FILE", Set.of(CaseStatus.ACCEPTED, CaseStatus.COORDINATING), status, "办案人员：" + inspectors);
    }

    /**
     * Formal filing (立案) on the approval of the head of the labor inspection body (《关于实施〈劳动保障监察条例〉若干规定》,
     * 劳社部令第25号): at least two inspectors; the 60 working days as {@code sixtyWorkingDaysLater} counts them.
     */
    public Step file(Actor approver, LocalDate today, String inspectors, UnaryOperator<LocalDate> sixtyWorkingDaysLater) {
        require(approver, "casework:approval:file");
        if (inspectors == null || inspectors.split("[,，、\\s]+").length < 2) {
            throw CaseRuleException.of("case.rule.case-file.1");
        }
        Step step = move("FILE", Set.of(CaseStatus.ACCEPTED, CaseStatus.COORDINATING), CaseStatus.FILED,
                "办案人员：" + inspectors);
        filedOn = today;
        handlingDue = sixtyWorkingDaysLater.apply(today);
        return step;
    }

    /** Asks for the extension of a filed case's clock (提请延期审批); the clock moves only on approval. */
    public Step requestExtension(Actor actor, String reason) {
        require(actor, "casework:case:file");
        requireExtensible();
        requireText(reason, "提请延期须写明案情复杂、需要延期的理由。");
        return new Step("REQUEST_EXTEND", status, status, reason);
    }

    /**
     * Extends a filed case's clock once, by 30 working days, on the approval of the head of the labor security
     * administrative department (《劳动保障监察条例》第十七条).
     */
    public Step extend(Actor approver, UnaryOperator<LocalDate> thirtyWorkingDaysLater) {
        require(approver, "casework:approval:extend");
        requireExtensible();
        extended = true;
        handlingDue = thirtyWorkingDaysLater.apply(handlingDue);
        return new Step("EXTEND", status, status, "办案期限延长30个工作日至 " + handlingDue);
    }

    private void requireExtensible() {
        if (filedOn == null || extended) {
            throw CaseRuleException.of(extended ? "case.rule.case-file.extendedOnce" : "case.rule.case-file.extendFiledOnly");
        }
        requireOpen();
    }

    /** Serves an order to pay by a deadline (限期改正指令书). */
    public Step serveOrder(Actor actor, String number, LocalDate servedOn, LocalDate deadline) {
        require(actor, "casework:case:order");
        requireText(number, "请填写指令书文号。");
        if (deadline == null || servedOn == null || !deadline.isAfter(servedOn)) {
            throw CaseRuleException.of("case.rule.case-file.2");
        }
        Step step = move("ORDER", Set.of(CaseStatus.COORDINATING, CaseStatus.FILED, CaseStatus.ORDERED),
                CaseStatus.ORDERED, "限期改正指令书 " + number + "，送达 " + servedOn + "，限 " + deadline + " 前支付");
        lastOrderDeadline = deadline;
        return step;
    }

    /**
     * Records the outcome. Referral to the police, a blacklisting proposal, a deposit draw or court enforcement
     * come only after an order to pay went unheeded past its deadline, and only from labor inspection.
     */
    public Step resolve(Actor actor, Outcome result, String note, LocalDate today) {
        require(actor, "casework:case:handle");
        if (result.needsUnheededOrder()) {
            require(actor, "casework:case:refer");
            if (lastOrderDeadline == null) {
                throw CaseRuleException.of("case.rule.case-file.3");
            }
            if (!today.isAfter(lastOrderDeadline)) {
                throw CaseRuleException.of("case.rule.case-file.deadlineNotPassed", lastOrderDeadline);
            }
        }
        if (result.needsNote() && (note == null || note.isBlank())) {
            throw CaseRuleException.of("case.rule.outcome.note", CaseRuleException.text("enum.Outcome." + result));
        }
        if (result == Outcome.PAID_WITHIN_DEADLINE && lastOrderDeadline == null) {
            throw CaseRuleException.of("case.rule.case-file.4");
        }
        Step step = move("RESOLVE", Set.of(CaseStatus.COORDINATING, CaseStatus.FILED, CaseStatus.ORDERED),
                CaseStatus.RESOLVED, note);
        outcome = result;
        return step;
    }

    /** The money is in the workers' hands: every claimant's payment recorded with its date and evidence. */
    public Step verifyPayment(Actor actor) {
        require(actor, "casework:case:close");
        if (!anyClaimant || !claimantsAllPaid) {
            throw CaseRuleException.of("case.rule.case-file.5");
        }
        return move("VERIFY_PAYMENT", Set.of(CaseStatus.RESOLVED), CaseStatus.PAYMENT_VERIFIED, null);
    }

    /**
     * Closes a case whose money was verified, or one whose outcome pays nothing out through labor inspection
     * (unfounded, outside jurisdiction, arbitration, people's mediation, a lawsuit, a bankruptcy claim). A filed case
     * closes on the approval of the head of the labor inspection body (结案审批, {@link #requestClosing}); one never
     * filed (coordinated, simple procedure) on the inspector's own step.
     */
    public Step close(Actor actor) {
        if (filedOn != null && !actor.may("casework:approval:close")) {
            throw CaseRuleException.of(actor.may("casework:case:close") ? "case.rule.approval.closeNeedsApproval"
                    : "case.rule.case-file.permission", "casework:approval:close");
        }
        if (filedOn == null) {
            require(actor, "casework:case:close");
        }
        return move("CLOSE", closable(), CaseStatus.CLOSED, null);
    }

    /** Asks for the closing of a filed case (提请结案审批). */
    public Step requestClosing(Actor actor) {
        require(actor, "casework:case:close");
        if (filedOn == null) {
            throw CaseRuleException.of("case.rule.approval.closeFiledOnly");
        }
        return move("REQUEST_CLOSE", closable(), status, null);
    }

    private Set<CaseStatus> closable() {
        return status == CaseStatus.RESOLVED && outcome != null && !outcome.paysWorkers()
                ? Set.of(CaseStatus.RESOLVED) : Set.of(CaseStatus.PAYMENT_VERIFIED);
    }

    /** After the follow-up visits (回访、持续跟踪), tracking ends. */
    public Step endTracking(Actor actor, String note) {
        require(actor, "casework:case:close");
        requireText(note, "请写明回访情况。");
        return move("END_TRACKING", Set.of(CaseStatus.CLOSED), CaseStatus.TRACKING_ENDED, note);
    }

    public Step withdraw(Actor actor, String reason) {
        require(actor, "casework:case:handle");
        requireText(reason, "撤回须写明理由。");
        return move("WITHDRAW", Set.of(CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.COORDINATING,
                CaseStatus.FILED, CaseStatus.ORDERED), CaseStatus.WITHDRAWN, reason);
    }

    private Step move(String action, Set<CaseStatus> from, CaseStatus to, String note) {
        if (!from.contains(status)) {
            throw CaseRuleException.of("case.rule.case-file.state", CaseRuleException.text("enum.CaseStatus." + status),
                    CaseRuleException.text("case.action." + action));
        }
        CaseStatus before = status;
        status = to;
        return new Step(action, before, to, note);
    }

    private void requireOpen() {
        if (!status.open()) {
            throw CaseRuleException.of("case.rule.case-file.6");
        }
    }

    private static void require(Actor actor, String permission) {
        if (!actor.may(permission)) {
            throw CaseRuleException.of("case.rule.case-file.permission", permission);
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new CaseRuleException(message);
        }
    }

    public long id() { return id; }
    public CaseStatus status() { return status; }
    public LocalDate filedOn() { return filedOn; }
    public LocalDate handlingDue() { return handlingDue; }
    public boolean extended() { return extended; }
    public LocalDate lastOrderDeadline() { return lastOrderDeadline; }
    public Outcome outcome() { return outcome; }
}
