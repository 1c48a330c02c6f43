package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.casework.CaseFacts;
import org.wageguard.casework.WorkingDays;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.CreditRepair;
import org.wageguard.employer.Employers;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Masking;

import tools.jackson.core.type.TypeReference;
import org.wageguard.shared.Rows;

/**
 * Listing an employer on a credit list (失信联合惩戒名单 or 重点关注名单) by the procedure of MOHRSS Decree 45
 * (《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》, 人社部令第45号), the only way onto and off a list: a
 * labor-inspection officer proposes it, only on a case whose order to pay went unheeded, with its grounds, the listing
 * condition of Art. 5 checked and recorded (the arrears reach the amount standard of the crime of refusing to pay
 * labor remuneration as the province sets it, or caused a mass or extreme incident) and the persons to list; the
 * party is served the prior notice (事先告知书, printable) and may object within 5 working days; a decision after
 * it (列入决定书, printable); publication; the term from the decision (Art. 13, {@link CreditListKind#expiresOn});
 * early removal under Art. 14 ({@link CreditRepair}): paid up while listed, six months since, with a pledge. The
 * listing itself is stored with the employer.
 */
@Service
@Transactional
public class CreditProcedure {

    /** Working days the party has to state its case after the prior notice is served (Decree 45, 陈述申辩). */
    public static final int OBJECTION_WORKING_DAYS = 5;

    /**
     * The listing condition of Decree 45 Art. 5: (一) wages withheld or owed without reason reaching the amount
     * standard of the crime of refusing to pay labor remuneration (认定拒不支付劳动报酬罪数额标准), or (二) a mass
     * incident or an extreme incident with a serious adverse social impact caused by the arrears.
     */
    public enum Ground { AMOUNT_STANDARD, MASS_INCIDENT, EXTREME_INCIDENT }

    /**
     * What the officer states for the condition: for the amount standard the workers owed (with the order's amount)
     * or one worker's arrears and months; for an incident its day and what happened.
     */
    public record Condition(Ground ground, Integer workers, BigDecimal oneWorkerAmount, Integer oneWorkerMonths,
            LocalDate incidentOn, String incident) {
    }

    public enum Status { PROPOSED, NOTIFIED, DECIDED, REJECTED, PUBLISHED, REMOVED }

    public record Person(String name, String role, String idNumberMasked) {
    }

    public record Proposal(long id, long employerId, String employerName, long caseId, String caseNumber,
            CreditListKind kind, String grounds, String personsJson, Status status, LocalDate proposedOn,
            String proposedBy, LocalDate notifiedOn, LocalDate objectionUntil, String objection, LocalDate decidedOn,
            String decidedBy, String decisionNote, Long listingId, LocalDate publishedOn, LocalDate expiresOn,
            LocalDate paidUpOn, String pledge, LocalDate removedOn, String regionCode, Ground ground,
            String conditionBasis, String noticeNumber, String decisionNumber, int version) {

        public List<Person> persons() {
            return RuleSettings.JSON.readValue(personsJson, PERSONS);
        }

        public boolean expired(LocalDate day) {
            return (status == Status.DECIDED || status == Status.PUBLISHED) && expiresOn != null && !expiresOn.isAfter(day);
        }

        /** The first day early removal may be granted, once the arrears are paid up (Decree 45 Art. 14). */
        public LocalDate earliestRemoval() {
            return decidedOn == null ? null : CreditRepair.earliestRemoval(decidedOn, paidUpOn);
        }
    }

    private static final TypeReference<List<Person>> PERSONS = new TypeReference<>() {
    };

    private static final String SELECT = """
            SELECT c.id, c.employer_id, e.name AS employer_name, c.case_id, c.case_number, c.kind, c.grounds,
                   c.persons::text AS persons_json, c.status, c.proposed_on, c.proposed_by, c.notified_on,
                   c.objection_until, c.objection, c.decided_on, c.decided_by, c.decision_note, c.listing_id,
                   c.published_on, c.expires_on, c.paid_up_on, c.pledge, c.removed_on, c.region_code, c.ground,
                   c.condition_basis, c.notice_number, c.decision_number, c.version
              FROM credit_proposal c JOIN published_employer e ON e.id = c.employer_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseFacts cases;
    private final Employers employers;
    private final WorkingDays workingDays;
    private final OperationLog operationLog;
    private final CreditAmountStandards standards;

    CreditProcedure(JdbcClient jdbc, Clock clock, CaseFacts cases, Employers employers, WorkingDays workingDays,
            OperationLog operationLog, CreditAmountStandards standards) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.employers = employers;
        this.workingDays = workingDays;
        this.operationLog = operationLog;
        this.standards = standards;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Cases of the region whose order to pay lapsed unheeded: what a proposal may rest on. */
    @Transactional(readOnly = true)
    public List<CaseFacts.LapsedOrder> eligibleCases(String regionPrefix) {
        return cases.lapsedOrders(regionPrefix, today());
    }

    @Transactional(readOnly = true)
    public List<Proposal> list(String regionPrefix) {
        return jdbc.sql(SELECT + " WHERE c.region_code LIKE :p ORDER BY c.proposed_on DESC, c.id DESC")
                .param("p", regionPrefix + "%").query(Rows.of(Proposal.class)).list();
    }

    @Transactional(readOnly = true)
    public Optional<Proposal> find(String regionPrefix, long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND c.region_code LIKE :p").param("id", id)
                .param("p", regionPrefix + "%").query(Rows.of(Proposal.class)).optional();
    }

    /**
     * The proposal: only on a case of the region whose order to pay lapsed unheeded, with grounds and the listing
     * condition of Art. 5 met (checked here, its finding recorded on the proposal in one sentence).
     */
    public long propose(String regionPrefix, long caseId, CreditListKind kind, String grounds, Condition condition,
            List<Person> persons, String actor) {
        CaseFacts.LapsedOrder order = cases.lapsedOrder(caseId, today())
                .filter(o -> o.regionCode().startsWith(regionPrefix))
                .orElseThrow(() -> MonitoringRuleException.of("credit.noLapsedOrder"));
        if (order.employerId() == null) {
            throw MonitoringRuleException.of("noEmployer");
        }
        if (kind == null) {
            throw MonitoringRuleException.of("credit.kindRequired");
        }
        if (grounds == null || grounds.isBlank()) {
            throw MonitoringRuleException.of("credit.groundsRequired");
        }
        String basis = conditionMet(order, condition);
        boolean pending = jdbc.sql("""
                SELECT count(*) > 0 FROM credit_proposal WHERE employer_id = :e AND kind = :k
                   AND status IN ('PROPOSED', 'NOTIFIED', 'DECIDED', 'PUBLISHED') AND (expires_on IS NULL OR expires_on > :today)
                """).param("e", order.employerId()).param("k", kind.name()).param("today", today())
                .query(Boolean.class).single();
        if (pending) {
            throw MonitoringRuleException.of("credit.duplicate");
        }
        if (employers.listedOn(kind, today()).contains(order.employerId())) {
            throw MonitoringRuleException.of("credit.alreadyListed", kindName(kind));
        }
        List<Person> checked = persons.stream().filter(p -> p.name() != null && !p.name().isBlank())
                .map(p -> new Person(p.name().trim(), p.role(), p.idNumberMasked() == null || p.idNumberMasked().isBlank()
                        ? null : Masking.idNumber(p.idNumberMasked().trim())))
                .toList();
        long id = jdbc.sql("""
                INSERT INTO credit_proposal (employer_id, case_id, case_number, kind, grounds, persons, status, proposed_on,
                    proposed_by, region_code, ground, arrears_amount, arrears_workers, one_worker_amount,
                    one_worker_months, incident_on, incident, condition_basis, updated_by)
                VALUES (:e, :c, :n, :k, :g, CAST(:persons AS JSONB), 'PROPOSED', :today, :by, :region, :ground, :amount,
                    :workers, :oneAmount, :oneMonths, :incidentOn, :incident, :basis, :by) RETURNING id
                """).param("e", order.employerId()).param("c", caseId).param("n", order.caseNumber())
                .param("ground", condition.ground().name()).param("amount", order.amount())
                .param("workers", condition.workers()).param("oneAmount", condition.oneWorkerAmount())
                .param("oneMonths", condition.oneWorkerMonths()).param("incidentOn", condition.incidentOn())
                .param("incident", condition.incident() == null || condition.incident().isBlank() ? null
                        : condition.incident().strip())
                .param("basis", basis)
                .param("k", kind.name()).param("g", grounds.trim()).param("persons", RuleSettings.JSON.writeValueAsString(checked))
                .param("today", today()).param("by", actor).param("region", order.regionCode())
                .query(Long.class).single();
        operationLog.record("CREDIT_PROPOSE", "credit_proposal", id,
                "提请列入" + kindName(kind) + "：" + order.employerName() + "（案件 " + order.caseNumber() + "）");
        return id;
    }

    /**
     * Decree 45 Art. 5: the amount standard of the crime of refusing to pay (法释〔2013〕3号 Art. 3 as the province
     * sets it: one worker owed three months or more and at least the per-worker amount, or ten or more workers owed
     * together at least the total), or a mass or extreme incident. Returns the finding in one sentence; refuses
     * a proposal that meets neither.
     */
    String conditionMet(CaseFacts.LapsedOrder order, Condition c) {
        if (c == null || c.ground() == null) {
            throw MonitoringRuleException.of("credit.groundRequired");
        }
        if (c.ground() != Ground.AMOUNT_STANDARD) {
            if (c.incidentOn() == null || c.incident() == null || c.incident().isBlank()) {
                throw MonitoringRuleException.of("credit.incidentRequired");
            }
            if (c.incidentOn().isAfter(today())) {
                throw MonitoringRuleException.of("credit.future");
            }
            return Alerts.text("monitoring.credit.basis." + c.ground().name(), c.incidentOn().toString(),
                    c.incident().strip());
        }
        CreditAmountStandards.Standard standard = standards.of(order.regionCode());
        BigDecimal amount = order.amount() == null ? BigDecimal.ZERO : order.amount();
        if (c.workers() != null && c.workers() >= CreditAmountStandards.MANY_WORKERS
                && amount.compareTo(standard.total()) >= 0) {
            return Alerts.text("monitoring.credit.basis.total", c.workers(), yuan(amount), yuan(standard.total()),
                    standard.source());
        }
        if (c.oneWorkerAmount() != null && c.oneWorkerMonths() != null
                && c.oneWorkerMonths() >= CreditAmountStandards.ONE_WORKER_MONTHS
                && c.oneWorkerAmount().compareTo(standard.perWorker()) >= 0) {
            if (c.oneWorkerAmount().compareTo(amount) > 0) {
                throw MonitoringRuleException.of("credit.oneWorkerAboveOrder", yuan(amount));
            }
            return Alerts.text("monitoring.credit.basis.oneWorker", c.oneWorkerMonths(), yuan(c.oneWorkerAmount()),
                    yuan(standard.perWorker()), standard.source());
        }
        throw MonitoringRuleException.of("credit.belowStandard", yuan(standard.perWorker()), yuan(standard.total()),
                standard.source(), yuan(amount));
    }

    static String yuan(BigDecimal v) {
        return String.format("%,.2f", v);
    }

    private static String kindName(CreditListKind kind) {
        return Alerts.text("monitoring.credit.kind." + kind.name());
    }

    private Proposal load(String regionPrefix, long id, int version, Status... allowed) {
        Proposal p = find(regionPrefix, id).orElseThrow(() -> MonitoringRuleException.of("notFound"));
        if (p.version() != version) {
            Versioned.requireVersion(jdbc, "credit_proposal", id, version);
        }
        if (!List.of(allowed).contains(p.status())) {
            throw MonitoringRuleException.of("credit.wrongStep");
        }
        return p;
    }

    private void set(long id, int version, String set, Map<String, Object> values, String actor) {
        if (!Versioned.update(jdbc, "credit_proposal", set).params(values).param("by", actor).by(actor).row(id, version)) {
            throw MonitoringRuleException.of("notFound");
        }
    }

    /** Prior notice served on the party (事先告知); the objection period runs from it. */
    public void notifyParty(String regionPrefix, long id, int version, LocalDate servedOn, String actor) {
        load(regionPrefix, id, version, Status.PROPOSED);
        LocalDate served = servedOn == null ? today() : servedOn;
        if (served.isAfter(today())) {
            throw MonitoringRuleException.of("credit.future");
        }
        LocalDate until = workingDays.plus(served, OBJECTION_WORKING_DAYS);
        set(id, version, "status = 'NOTIFIED', notified_on = :d, objection_until = :u, notice_number = :no",
                Map.of("d", served, "u", until, "no", CreditDocuments.number("告", served, id)), actor);
        operationLog.record("CREDIT_NOTIFY", "credit_proposal", id, "送达列入信用名单事先告知书，陈述申辩至 " + until);
    }

    /** The party's objection (陈述申辩), recorded within the period. */
    public void recordObjection(String regionPrefix, long id, int version, String objection, String actor) {
        Proposal p = load(regionPrefix, id, version, Status.NOTIFIED);
        if (today().isAfter(p.objectionUntil())) {
            throw MonitoringRuleException.of("credit.objectionClosed", p.objectionUntil().toString());
        }
        if (objection == null || objection.isBlank()) {
            throw MonitoringRuleException.of("credit.objectionRequired");
        }
        set(id, version, "objection = :o", Map.of("o", objection.trim()), actor);
        operationLog.record("CREDIT_OBJECTION", "credit_proposal", id, "记录当事人陈述申辩");
    }

    /** The decision, after the objection period: to list (recorded with the employer, with its term) or not. */
    public void decide(String regionPrefix, long id, int version, boolean list, String note, String actor) {
        Proposal p = load(regionPrefix, id, version, Status.NOTIFIED);
        if (!today().isAfter(p.objectionUntil())) {
            throw MonitoringRuleException.of("credit.objectionOpen", p.objectionUntil().toString());
        }
        if (!list) {
            set(id, version, "status = 'REJECTED', decided_on = :d, decided_by = :by, decision_note = :n",
                    Map.of("d", today(), "n", note == null ? "" : note.trim()), actor);
            operationLog.record("CREDIT_REJECT", "credit_proposal", id, "决定不列入信用名单");
            return;
        }
        LocalDate expires = p.kind().expiresOn(today());
        String number = CreditDocuments.number("列", today(), id);
        long listing = employers.list(p.employerId(), p.kind(), today(), number,
                p.grounds() + "（案件 " + p.caseNumber() + "）", p.persons().stream()
                        .map(x -> new Employers.ListedPerson(x.name(), x.role(), x.idNumberMasked())).toList());
        set(id, version, "status = 'DECIDED', decided_on = :d, decided_by = :by, decision_note = :n, listing_id = :l, "
                + "expires_on = :x, decision_number = :no", Map.of("d", today(), "n", note == null ? "" : note.trim(),
                        "l", listing, "x", expires, "no", number), actor);
        operationLog.record("CREDIT_DECIDE", "credit_proposal", id, "决定列入" + kindName(p.kind()) + "，期满 " + expires);
    }

    /** Publication of the decision (向社会公布). */
    public void publish(String regionPrefix, long id, int version, String actor) {
        Proposal p = load(regionPrefix, id, version, Status.DECIDED);
        employers.published(p.listingId(), today());
        set(id, version, "status = 'PUBLISHED', published_on = :d", Map.of("d", today()), actor);
        operationLog.record("CREDIT_PUBLISH", "credit_proposal", id, "公布信用名单");
    }

    /**
     * The day the employer paid up the arrears (改正), the start of the six months before early removal; only a day
     * while listed counts (Decree 45 Art. 14: 自改正之日起被列入失信联合惩戒名单满6个月), so not before the decision.
     */
    public void recordPaidUp(String regionPrefix, long id, int version, LocalDate paidUpOn, String actor) {
        Proposal p = load(regionPrefix, id, version, Status.DECIDED, Status.PUBLISHED);
        if (paidUpOn == null || paidUpOn.isAfter(today())) {
            throw MonitoringRuleException.of("credit.future");
        }
        if (paidUpOn.isBefore(p.decidedOn())) {
            throw MonitoringRuleException.of("credit.paidUpBeforeDecision", p.decidedOn().toString());
        }
        set(id, version, "paid_up_on = :d", Map.of("d", paidUpOn), actor);
        operationLog.record("CREDIT_PAID_UP", "credit_proposal", id, "记录全部清偿欠薪：" + paidUpOn);
    }

    /**
     * Early removal (提前移出, Decree 45 Art. 14): paid up while listed, six months on the list since, with the written
     * pledge (信用修复承诺).
     */
    public void removeEarly(String regionPrefix, long id, int version, String pledge, String actor) {
        Proposal p = load(regionPrefix, id, version, Status.DECIDED, Status.PUBLISHED);
        if (p.expired(today())) {
            throw MonitoringRuleException.of("credit.expired");
        }
        if (p.paidUpOn() == null) {
            throw MonitoringRuleException.of("credit.notPaidUp");
        }
        if (today().isBefore(p.earliestRemoval())) {
            throw MonitoringRuleException.of("credit.tooEarly", p.earliestRemoval().toString());
        }
        if (pledge == null || pledge.isBlank()) {
            throw MonitoringRuleException.of("credit.pledgeRequired");
        }
        employers.removeEarly(p.employerId(), p.listingId(), today(), p.paidUpOn(), pledge);
        set(id, version, "status = 'REMOVED', removed_on = :d, pledge = :p", Map.of("d", today(), "p", pledge.trim()),
                actor);
        operationLog.record("CREDIT_REMOVE", "credit_proposal", id, "提前移出信用名单（已清偿并作出信用承诺）");
    }
}
