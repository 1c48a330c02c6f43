package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.ScopedRecords;
import org.wageguard.shared.Rows;

/**
 * The papers of a case file after the order to pay, each recorded with what it needs and offered as a PDF only when
 * it applies:
 * <ul>
 * <li>不予受理告知书 — the ground of a refused complaint: the two-year limit (《劳动保障监察条例》第二十条, counted from
 * the end of a continuing violation; unpaid arrears continue until paid), a labor dispute for arbitration or a court
 * (第二十一条第二款), a matter outside labor inspection or another department's (第十三条; 《关于实施〈劳动保障监察条例〉若干
 * 规定》第十八条), and where the complainant is to go;</li>
 * <li>行政处理决定书 — the order to pay as an administrative decision, after an order to rectify went unheeded
 * (第十八条第一款第（二）项, 第二十六条), the amount owed to each worker from the money trail, the deadline and the remedies
 * (行政复议 within 60 days, 《行政复议法》第二十条, to the people's government of the same level; 行政诉讼 within six
 * months, 《行政诉讼法》第四十六条);</li>
 * <li>行政处罚事先告知书 and 行政处罚决定书 — 《行政处罚法》第四十四条/第四十五条 (the right to state and defend; no heavier
 * penalty for using it), 第六十三条/第六十四条 (a hearing for a large fine, asked within five days), the decision with its
 * amount, basis, payment within 15 days (第六十七条第三款) and remedies;</li>
 * <li>送达回证 — the proof of service of any of them: document and number, recipient, manner, place, date.</li>
 * </ul>
 */
@Service
public class CaseDecisions {

    /** Days the party has to ask for a hearing after the notice is served (《行政处罚法》第六十四条第（一）项). */
    static final int HEARING_REQUEST_DAYS = 5;

    /** Days the penalty notice gives to state and defend (第四十四条、第四十五条; the period the notice names). */
    static final int STATEMENT_DAYS = 3;

    /** Why a complaint was not accepted, with the article it follows. */
    public enum RefusalGround { TIME_BARRED, LABOR_DISPUTE, NOT_COMPETENT, OTHER_AUTHORITY }

    /** The decisions recorded with the case, one of each kind. */
    public enum DecisionKind { DECISION, PENALTY_NOTICE, PENALTY }

    /** How a document reached its recipient (《民事诉讼法》's manners of service). */
    public enum Manner { DIRECT, LEFT, POST, ENTRUSTED, ELECTRONIC, PUBLIC_NOTICE }

    /** The legal basis of a fine, with the range the article allows and the violation it punishes. */
    public enum PenaltyBasis {
        /** 《劳动保障监察条例》第三十条第一款第（三）项: an administrative decision not carried out, 2,000 to 20,000 yuan. */
        LSSR_30_3("《劳动保障监察条例》第三十条第一款第（三）项", "经劳动保障行政部门责令改正拒不改正，或者拒不履行劳动保障行政部门的行政处理决定",
                new BigDecimal("2000"), new BigDecimal("20000")),
        /** 《保障农民工工资支付条例》第五十四条: pay in kind, no pay ledger or slip, workers' cards withheld; 20,000 to 50,000. */
        REGS_54("《保障农民工工资支付条例》第五十四条", "以实物、有价证券等形式代替货币支付农民工工资，未编制工资支付台账并依法保存或者未向农民工提供工资清单，"
                + "或者扣押、变相扣押农民工本人社会保障卡或者银行卡，经责令限期改正逾期不改正", new BigDecimal("20000"), new BigDecimal("50000")),
        /** 《保障农民工工资支付条例》第五十五条: no special wage account, no wage deposit, no real-name management; 50,000 to 100,000. */
        REGS_55("《保障农民工工资支付条例》第五十五条", "未按规定开设或者使用农民工工资专用账户、未按规定存储工资保证金或者提供金融机构保函，或者未实行劳动用工实名制管理，"
                + "经责令限期改正逾期不改正", new BigDecimal("50000"), new BigDecimal("100000")),
        /** 《保障农民工工资支付条例》第五十七条: no monthly pay sheet signed by the workers, no supervision of subcontractors; 50,000 to 100,000. */
        REGS_57("《保障农民工工资支付条例》第五十七条", "分包单位未按月考核农民工工作量、编制工资支付表并经农民工本人签字确认，施工总承包单位未对分包单位劳动用工实施监督管理，"
                + "或者未实行施工现场维权信息公示制度，经责令限期改正逾期不改正", new BigDecimal("50000"), new BigDecimal("100000"));

        private final String article;
        private final String violation;
        private final BigDecimal min;
        private final BigDecimal max;

        PenaltyBasis(String article, String violation, BigDecimal min, BigDecimal max) {
            this.article = article;
            this.violation = violation;
            this.min = min;
            this.max = max;
        }

        public String article() {
            return article;
        }

        public BigDecimal min() {
            return min;
        }

        public BigDecimal max() {
            return max;
        }
    }

    /** A recorded decision, penalty notice or penalty decision. */
    public record Decision(long id, String kind, String number, LocalDate decidedOn, LocalDate deadline, String basis,
            BigDecimal fine, String facts) {
    }

    /** A recorded service of a document. */
    public record Service(long id, String documentKind, String documentNumber, String recipient, String manner, String place,
            LocalDate servedOn) {
    }

    /** One worker's line of the administrative decision: confirmed, paid, still owed. */
    public record Owed(String name, BigDecimal confirmed, BigDecimal paid, BigDecimal owed) {
    }

    /** What the case page shows of the decisions and services, and which documents apply. */
    public record View(String refusalGround, String refusalReferTo, LocalDate violationEndedOn, String refusalNumber,
            Optional<Decision> decision, Optional<Decision> penaltyNotice, Optional<Decision> penalty, List<Service> services,
            List<String> servable, boolean hearingRight, HearingThreshold hearingThreshold) {
    }

    private record CaseRow(long id, String number, String status, String employerName, String complainantName,
            String regionCode, LocalDate registeredOn, LocalDate periodFrom, LocalDate periodTo, String refusalGround,
            String refusalReferTo, String refusalReason, LocalDate violationEndedOn, String inspectors, LocalDate filedOn) {
    }

    private record OrderRow(String number, LocalDate servedOn, LocalDate deadline) {
    }

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final CaseDocuments documents;
    private final OperationLog operationLog;
    private final ScopedRecords records;
    private final BigDecimal hearingThreshold;
    private final Clock clock;
    private final CaseHandling handling;

    CaseDecisions(JdbcClient jdbc, DocumentNumbers numbers, CaseDocuments documents, OperationLog operationLog,
            ScopedRecords records, Clock clock, @Value("${wageguard.casework.hearing-fine-threshold:10000}") BigDecimal hearingThreshold,
            CaseHandling handling) {
        this.handling = handling;
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.documents = documents;
        this.operationLog = operationLog;
        this.records = records;
        this.hearingThreshold = hearingThreshold;
        this.clock = clock;
    }

    /**
     * The amount from which a fine on an organisation is 较大数额罚款 in a region, and where the standard comes from:
     * 《行政处罚法》第六十三条第一款第（一）项 leaves the amount to each province, so the nearest region up the tree with a
     * setting ({@code case_hearing_threshold}) gives it; {@code regionCode} null means none does and the configured
     * default ({@code wageguard.casework.hearing-fine-threshold}, 10,000 yuan) applies.
     */
    public record HearingThreshold(BigDecimal organisationFine, String regionCode, String source) {
        public boolean regional() {
            return regionCode != null;
        }
    }

    @Transactional(readOnly = true)
    public HearingThreshold hearingThreshold(String regionCode) {
        return jdbc.sql("""
                SELECT organisation_fine, region_code, source FROM case_hearing_threshold
                 WHERE :r LIKE regexp_replace(region_code, '(00)+$', '') || '%'
                 ORDER BY length(regexp_replace(region_code, '(00)+$', '')) DESC LIMIT 1
                """).param("r", regionCode == null ? "" : regionCode).query(Rows.of(HearingThreshold.class)).optional()
                .orElse(new HearingThreshold(hearingThreshold, null, null));
    }

    /**
     * Whether a fine of this amount, in the case's region, gives the party the right to a hearing: a large fine
     * (较大数额罚款, 《行政处罚法》第六十三条第一款第（一）项) by the province's standard ({@link #hearingThreshold}).
     */
    public boolean hearingRight(long caseId, BigDecimal fine) {
        return fine != null && fine.compareTo(hearingThreshold(row(caseId).regionCode()).organisationFine()) >= 0;
    }

    // ---------------------------------------------------------------- recording

    /**
     * The ground of a refused complaint, for the 不予受理告知书. The two-year limit (《劳动保障监察条例》第二十条) counts from
     * the day the violation ended; arrears still unpaid are a continuing violation, so the day they were paid must be
     * given and lie more than two years before the complaint. Matters elsewhere name where the complainant is to go.
     */
    @Transactional
    public void recordRefusalGround(long caseId, OfficerPrincipal officer, RefusalGround ground, String referTo,
            LocalDate violationEndedOn) {
        CaseRow c = load(caseId, officer, "casework:case:accept");
        if (!CaseStatus.REFUSED.name().equals(c.status())) {
            throw CaseRuleException.of("case.rule.decisions.notRefused");
        }
        if (ground == null) {
            throw CaseRuleException.of("case.rule.decisions.groundRequired");
        }
        String to = referTo == null || referTo.isBlank() ? null : referTo.trim();
        switch (ground) {
            case TIME_BARRED -> {
                if (violationEndedOn == null) {
                    throw CaseRuleException.of("case.rule.decisions.article20.endRequired");
                }
                if (!violationEndedOn.plusYears(2).isBefore(c.registeredOn())) {
                    throw CaseRuleException.of("case.rule.decisions.article20.withinTwoYears", violationEndedOn, c.registeredOn());
                }
            }
            case NOT_COMPETENT, OTHER_AUTHORITY -> {
                if (to == null) {
                    throw CaseRuleException.of("case.rule.decisions.referToRequired");
                }
            }
            case LABOR_DISPUTE -> {
            }
        }
        if (to != null && to.length() > 200) {
            throw CaseRuleException.of("case.rule.decisions.tooLong");
        }
        jdbc.sql("UPDATE case_file SET refusal_ground = :g, refusal_refer_to = :t, violation_ended_on = :e WHERE id = :id")
                .param("g", ground.name()).param("t", to)
                .param("e", ground == RefusalGround.TIME_BARRED ? Date.valueOf(violationEndedOn) : null).param("id", caseId).update();
        String number = numbers.number(caseId, "REFUSAL", 0, today(), officer.username());
        operationLog.record("CASE_REFUSAL_GROUND", "case", caseId, "不予受理依据 " + ground.name() + " " + number);
    }

    /**
     * The administrative decision ordering payment (行政处理决定书, 责令支付): only after an order to rectify went
     * unheeded past its deadline while money is still owed (《劳动保障监察条例》第十八条第一款第（二）项, 第二十六条), with a
     * deadline of its own after the day of decision.
     */
    @Transactional
    public void recordDecision(long caseId, OfficerPrincipal officer, LocalDate decidedOn, LocalDate deadline, String facts) {
        CaseRow c = load(caseId, officer, "casework:case:order");
        if (!List.of("ORDERED", "RESOLVED").contains(c.status())) {
            throw CaseRuleException.of("case.rule.decisions.decision.state");
        }
        requireFiled(c);
        if (decidedOn == null || deadline == null) {
            throw CaseRuleException.of("case.rule.decisions.datesRequired");
        }
        notFuture(decidedOn);
        OrderRow order = order(caseId).orElseThrow(() -> CaseRuleException.of("case.rule.decisions.decision.noOrder"));
        if (!order.deadline().isBefore(decidedOn)) {
            throw CaseRuleException.of("case.rule.decisions.decision.orderNotLapsed", order.number(), order.deadline());
        }
        if (owed(caseId).isEmpty()) {
            throw CaseRuleException.of("case.rule.decisions.decision.nothingOwed");
        }
        if (!deadline.isAfter(decidedOn)) {
            throw CaseRuleException.of("case.rule.decisions.deadlineAfter");
        }
        insert(caseId, officer, DecisionKind.DECISION, decidedOn, deadline, null, null, facts);
    }

    /**
     * The prior notice of a penalty (行政处罚事先告知书, 《行政处罚法》第四十四条): the basis and a fine within its range,
     * for a violation that went on past an order to rectify (or, for 《劳动保障监察条例》第三十条第一款第（三）项, past the
     * administrative decision's deadline with money still owed).
     */
    @Transactional
    public void recordPenaltyNotice(long caseId, OfficerPrincipal officer, LocalDate decidedOn, PenaltyBasis basis,
            BigDecimal fine, String facts) {
        requireFiled(load(caseId, officer, "casework:case:order"));
        if (decidedOn == null) {
            throw CaseRuleException.of("case.rule.decisions.datesRequired");
        }
        notFuture(decidedOn);
        if (basis == null) {
            throw CaseRuleException.of("case.rule.decisions.basisRequired");
        }
        inRange(basis, fine);
        if (basis == PenaltyBasis.LSSR_30_3) {
            Decision d = decision(caseId, DecisionKind.DECISION)
                    .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.penalty.noDecision"));
            if (!d.deadline().isBefore(decidedOn) || owed(caseId).isEmpty()) {
                throw CaseRuleException.of("case.rule.decisions.penalty.decisionNotLapsed", d.number(), d.deadline());
            }
        } else {
            OrderRow order = order(caseId).orElseThrow(() -> CaseRuleException.of("case.rule.decisions.penalty.noOrder"));
            if (!order.deadline().isBefore(decidedOn)) {
                throw CaseRuleException.of("case.rule.decisions.decision.orderNotLapsed", order.number(), order.deadline());
            }
        }
        insert(caseId, officer, DecisionKind.PENALTY_NOTICE, decidedOn, null, basis, fine, facts);
    }

    /**
     * The penalty decision (行政处罚决定书): only after the prior notice was served (《行政处罚法》第六十二条: no decision
     * without it), after the three days it gives to state and defend or the five to ask for a hearing where the fine is
     * large (第六十四条第（一）项), on the notice's
     * basis and never heavier than the notice (第四十五条第二款).
     */
    @Transactional
    public void recordPenalty(long caseId, OfficerPrincipal officer, LocalDate decidedOn, BigDecimal fine, String facts) {
        load(caseId, officer, "casework:case:order");
        if (decidedOn == null) {
            throw CaseRuleException.of("case.rule.decisions.datesRequired");
        }
        notFuture(decidedOn);
        Decision notice = decision(caseId, DecisionKind.PENALTY_NOTICE)
                .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.penalty.noNotice"));
        LocalDate served = servedOn(caseId, DecisionKind.PENALTY_NOTICE.name())
                .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.penalty.noticeNotServed", notice.number()));
        // The notice gives three days to state and defend and, for a large fine, five to ask for a hearing.
        int days = hearingRight(caseId, notice.fine()) ? HEARING_REQUEST_DAYS : STATEMENT_DAYS;
        if (!decidedOn.isAfter(served.plusDays(days))) {
            throw CaseRuleException.of("case.rule.decisions.penalty.tooEarly", served, served.plusDays(days + 1));
        }
        PenaltyBasis basis = PenaltyBasis.valueOf(notice.basis());
        inRange(basis, fine);
        if (fine.compareTo(notice.fine()) > 0) {
            throw CaseRuleException.of("case.rule.decisions.penalty.heavier", money(fine), money(notice.fine()));
        }
        insert(caseId, officer, DecisionKind.PENALTY, decidedOn, null, basis, fine, facts == null || facts.isBlank() ? notice.facts() : facts);
    }

    /** The service of an issued document (送达): recipient, manner, place and day, for the 送达回证. */
    @Transactional
    public long recordService(long caseId, OfficerPrincipal officer, String documentKind, String recipient, Manner manner,
            String place, LocalDate servedOn) {
        load(caseId, officer, "REFUSAL".equals(documentKind) ? "casework:case:accept" : "casework:case:order");
        String number = issuedNumber(caseId, documentKind)
                .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.service.notIssued"));
        if (recipient == null || recipient.isBlank() || manner == null || servedOn == null) {
            throw CaseRuleException.of("case.rule.decisions.service.required");
        }
        if (recipient.trim().length() > 200 || (place != null && place.trim().length() > 200)) {
            throw CaseRuleException.of("case.rule.decisions.tooLong");
        }
        notFuture(servedOn);
        LocalDate issued = issuedOn(caseId, documentKind);
        if (issued != null && servedOn.isBefore(issued)) {
            throw CaseRuleException.of("case.rule.decisions.service.beforeIssue", issued);
        }
        long id = jdbc.sql("""
                INSERT INTO case_service (case_id, document_kind, document_number, recipient, manner, place, served_on, recorded_by)
                VALUES (:c, :k, :n, :r, :m, :p, :d, :by) RETURNING id
                """).param("c", caseId).param("k", documentKind).param("n", number).param("r", recipient.trim())
                .param("m", manner.name()).param("p", place == null || place.isBlank() ? null : place.trim())
                .param("d", Date.valueOf(servedOn)).param("by", officer.username()).query(Long.class).single();
        operationLog.record("CASE_SERVICE", "case", caseId, "送达 " + number + "（" + manner.name() + "，" + servedOn + "）");
        enforceable(caseId, documentKind, servedOn, officer);
        return id;
    }

    /**
     * A decision the party must carry out is served: the decision itself now carries the day of its first service, the
     * amount the party is to pay and its 履行期限, and the enforcement chain (review, litigation, court application,
     * deposit draw — {@link CaseEnforcement}) runs from it. The administrative decision orders what is still owed by its
     * own deadline (no chain where nothing is owed any more, or its deadline passed before service); the penalty
     * decision's fine is due within 15 days of its service ({@link #paymentTerm}). Only the first service counts.
     */
    private void enforceable(long caseId, String documentKind, LocalDate servedOn, OfficerPrincipal officer) {
        if (!"DECISION".equals(documentKind) && !"PENALTY".equals(documentKind)) {
            return;
        }
        Decision d = decision(caseId, DecisionKind.valueOf(documentKind)).orElseThrow();
        LocalDate deadline;
        BigDecimal amount;
        if ("DECISION".equals(documentKind)) {
            BigDecimal owed = owed(caseId).stream().map(Owed::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
            deadline = d.deadline();
            amount = owed.signum() > 0 && d.deadline().isAfter(servedOn) ? owed : null;
        } else {
            deadline = paymentTerm(servedOn);
            amount = d.fine();
        }
        if (jdbc.sql("""
                UPDATE case_decision SET served_on = :s, deadline = :dl, amount = :a
                 WHERE id = :id AND served_on IS NULL
                """).param("s", Date.valueOf(servedOn)).param("dl", Date.valueOf(deadline)).param("a", amount)
                .param("id", d.id()).update() == 1) {
            handling.event(caseId, officer.username(), "DECISION", null, null, CaseRuleException.text("case.doc.title." + documentKind)
                    + " " + d.number() + "，" + d.decidedOn() + " 作出，" + servedOn + " 送达，限 " + deadline + " 前履行"
                    + (amount == null ? "" : "，金额 " + amount.toPlainString() + " 元"));
        }
    }

    /**
     * 《行政处罚法》第六十七条第三款: 当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款.
     * The day of service is not counted; the fine is due by the fifteenth day after it.
     */
    static final int PENALTY_PAYMENT_DAYS = 15;

    /** The last day to pay a fine served on {@code servedOn} (《行政处罚法》第六十七条第三款, fifteen days). */
    public static LocalDate paymentTerm(LocalDate servedOn) {
        return servedOn.plusDays(PENALTY_PAYMENT_DAYS);
    }

    // ---------------------------------------------------------------- reading

    /** What the case page shows: recorded decisions and services, the documents that can be served. */
    @Transactional(readOnly = true)
    public View view(long caseId) {
        record Refusal(String refusalGround, String refusalReferTo, LocalDate violationEndedOn, String regionCode) {
        }
        Refusal r = jdbc.sql("SELECT refusal_ground, refusal_refer_to, violation_ended_on, region_code FROM case_file WHERE id = :id")
                .param("id", caseId).query(Rows.of(Refusal.class)).single();
        List<String> servable = new ArrayList<>();
        for (String kind : List.of("ORDER", "REFUSAL", "DECISION", "PENALTY_NOTICE", "PENALTY")) {
            if (issuedNumber(caseId, kind).isPresent()) {
                servable.add(kind);
            }
        }
        Optional<Decision> notice = decision(caseId, DecisionKind.PENALTY_NOTICE);
        return new View(r.refusalGround(), r.refusalReferTo(), r.violationEndedOn(), issuedNumber(caseId, "REFUSAL").orElse(null),
                decision(caseId, DecisionKind.DECISION), notice, decision(caseId, DecisionKind.PENALTY), services(caseId), servable,
                notice.map(n -> hearingRight(caseId, n.fine())).orElse(false), hearingThreshold(r.regionCode()));
    }

    /** The amounts still owed to each worker (confirmed less paid), from the case's money trail. */
    @Transactional(readOnly = true)
    public List<Owed> owed(long caseId) {
        return jdbc.sql("""
                SELECT name, amount_confirmed AS confirmed, amount_paid AS paid, amount_confirmed - amount_paid AS owed
                  FROM case_claimant WHERE case_id = :c AND amount_confirmed > amount_paid ORDER BY id
                """).param("c", caseId).query(Rows.of(Owed.class)).list();
    }

    private Optional<Decision> decision(long caseId, DecisionKind kind) {
        return jdbc.sql("SELECT id, kind, number, decided_on, deadline, basis, fine, facts FROM case_decision WHERE case_id = :c AND kind = :k")
                .param("c", caseId).param("k", kind.name()).query(Rows.of(Decision.class)).optional();
    }

    private List<Service> services(long caseId) {
        return jdbc.sql("""
                SELECT id, document_kind, document_number, recipient, manner, place, served_on FROM case_service
                 WHERE case_id = :c ORDER BY id
                """).param("c", caseId).query(Rows.of(Service.class)).list();
    }

    private Optional<LocalDate> servedOn(long caseId, String kind) {
        return jdbc.sql("SELECT min(served_on) FROM case_service WHERE case_id = :c AND document_kind = :k")
                .param("c", caseId).param("k", kind).query(Date.class).optional().map(Date::toLocalDate);
    }

    private Optional<OrderRow> order(long caseId) {
        return jdbc.sql("SELECT number, served_on, deadline FROM payment_order WHERE case_id = :c ORDER BY id DESC LIMIT 1")
                .param("c", caseId).query(Rows.of(OrderRow.class)).optional();
    }

    /** The number of an issued document of the case, if it was issued. */
    private Optional<String> issuedNumber(long caseId, String kind) {
        return switch (kind) {
            case "ORDER" -> order(caseId).map(OrderRow::number);
            case "REFUSAL" -> jdbc.sql("""
                    SELECT d.number FROM case_document d JOIN case_file c ON c.id = d.case_id
                     WHERE d.case_id = :c AND d.kind = 'REFUSAL' AND c.refusal_ground IS NOT NULL
                    """).param("c", caseId).query(String.class).optional();
            case "DECISION", "PENALTY_NOTICE", "PENALTY" -> decision(caseId, DecisionKind.valueOf(kind)).map(Decision::number);
            default -> Optional.empty();
        };
    }

    private LocalDate issuedOn(long caseId, String kind) {
        return switch (kind) {
            case "ORDER" -> order(caseId).map(OrderRow::servedOn).orElse(null);
            case "REFUSAL" -> jdbc.sql("SELECT issued_on FROM case_document WHERE case_id = :c AND kind = 'REFUSAL'")
                    .param("c", caseId).query(Date.class).optional().map(Date::toLocalDate).orElse(null);
            default -> decision(caseId, DecisionKind.valueOf(kind)).map(Decision::decidedOn).orElse(null);
        };
    }

    // ---------------------------------------------------------------- documents

    /** Whether a kind of document is one of these (the others are {@link CaseDocuments}' own). */
    public static boolean writes(CaseDocuments.Kind kind) {
        return switch (kind) {
            case REFUSAL, DECISION, PENALTY_NOTICE, PENALTY, RECEIPT -> true;
            default -> false;
        };
    }

    /**
     * The permission that prints a document of these: the refusal notice whoever sees the case; its proof of service
     * who may refuse; the decisions, the penalties and their proofs of service labor inspection's own.
     */
    public static String permission(CaseDocuments.Kind kind, String servedKind) {
        if (kind == CaseDocuments.Kind.REFUSAL) {
            return "casework:case:view";
        }
        if (kind == CaseDocuments.Kind.RECEIPT && servedKind != null && "REFUSAL".equalsIgnoreCase(servedKind)) {
            return "casework:case:accept";
        }
        return "casework:case:order";
    }

    /**
     * The document as a PDF, or a {@link CaseRuleException} saying why it does not apply. A receipt is for the
     * service of the document of kind {@code servedKind}.
     */
    @Transactional
    public byte[] pdf(long caseId, CaseDocuments.Kind kind, String servedKind, LocalDate today) {
        CaseRow c = row(caseId);
        String county = numbers.county(c.regionCode());
        String issuer = county + "人力资源和社会保障局";
        String title;
        String number;
        List<String> body = new ArrayList<>();
        LocalDate dated;
        switch (kind) {
            case REFUSAL -> {
                if (!CaseStatus.REFUSED.name().equals(c.status()) || c.refusalGround() == null) {
                    throw CaseRuleException.of("case.rule.decisions.refusal.notApplicable");
                }
                title = "不予受理告知书";
                number = issuedNumber(caseId, "REFUSAL").orElseThrow();
                dated = issuedOn(caseId, "REFUSAL");
                body.add((c.complainantName() == null ? "投诉人" : c.complainantName()) + "：");
                body.add("你（们）于 " + c.registeredOn() + " 投诉" + c.employerName() + "拖欠劳动报酬一事（案件编号 " + c.number()
                        + "），经审查，本机关决定不予受理。理由和依据如下：");
                body.add(refusalText(c, county));
                if (c.refusalReason() != null && !c.refusalReason().isBlank()) {
                    body.add("审查意见：" + c.refusalReason());
                }
                body.add("你（们）如对本决定不服，可以自收到本告知书之日起六十日内向" + county + "人民政府申请行政复议（《中华人民共和国行政复议法》"
                        + "第二十条），或者自收到之日起六个月内向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。");
            }
            case DECISION -> {
                Decision d = decision(caseId, DecisionKind.DECISION)
                        .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.decision.notApplicable"));
                OrderRow o = order(caseId).orElseThrow();
                title = "劳动保障监察行政处理决定书";
                number = d.number();
                dated = d.decidedOn();
                List<Owed> owed = owed(caseId);
                BigDecimal total = owed.stream().map(Owed::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
                body.add(c.employerName() + "：");
                body.add("经查，你单位拖欠 " + owed.size() + " 名农民工工资（案件编号 " + c.number() + "，欠薪期间 " + period(c)
                        + "）。本机关于 " + o.servedOn() + " 以" + o.number() + "责令你单位于 " + o.deadline() + " 前支付，你单位逾期未支付。"
                        + (d.facts().isBlank() ? "" : d.facts()));
                body.add("你单位的上述行为违反了《保障农民工工资支付条例》第三条关于农民工有按时足额获得工资的权利的规定。根据《劳动保障监察条例》"
                        + "第十八条第一款第（二）项、第二十六条第（一）项的规定，本机关决定：责令你单位于 " + d.deadline() + " 前向下列农民工支付"
                        + "拖欠的工资共计 " + money(total) + " 元：");
                int i = 1;
                for (Owed w : owed) {
                    body.add(i++ + ". " + w.name() + "：核定 " + money(w.confirmed()) + " 元，已支付 " + money(w.paid()) + " 元，应支付 "
                            + money(w.owed()) + " 元。");
                }
                body.add("逾期不支付的，本机关将依照《劳动保障监察条例》第二十六条责令你单位按应付金额百分之五十以上一倍以下的标准计算，向劳动者加付"
                        + "赔偿金，并依照第三十条第一款第（三）项对拒不履行行政处理决定的行为处以罚款；涉嫌拒不支付劳动报酬罪的，依法移送公安机关。");
                body.add(remedies(county));
            }
            case PENALTY_NOTICE -> {
                Decision n = decision(caseId, DecisionKind.PENALTY_NOTICE)
                        .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.notice.notApplicable"));
                PenaltyBasis basis = PenaltyBasis.valueOf(n.basis());
                title = "行政处罚事先告知书";
                number = n.number();
                dated = n.decidedOn();
                body.add(c.employerName() + "：");
                body.add("经查，你单位" + n.facts() + "（案件编号 " + c.number() + "）。");
                body.add("你单位的上述行为属于" + basis.violation + "的情形。依据" + basis.article + "的规定，本机关拟对你单位作出如下行政处罚："
                        + "罚款人民币 " + money(n.fine()) + " 元。");
                body.add("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩，可以在收到本告知书之日起三日内向本机关"
                        + "提出；本机关不因你单位陈述、申辩而给予更重的处罚。");
                if (hearingRight(caseId, n.fine())) {
                    body.add("本案拟作出较大数额罚款，根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证；要求听证的，"
                            + "应当在收到本告知书之日起五日内提出，逾期视为放弃听证。");
                }
                body.add("逾期未提出陈述、申辩" + (hearingRight(caseId, n.fine()) ? "或者听证要求" : "") + "的，视为放弃上述权利，本机关将依法作出行政处罚决定。");
                body.add("办案人员：" + nz(c.inspectors()));
            }
            case PENALTY -> {
                // A penalty decision registered only for enforcement (made outside, no basis recorded) has no paper here.
                Decision p = decision(caseId, DecisionKind.PENALTY).filter(x -> x.basis() != null)
                        .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.penalty.notApplicable"));
                Decision n = decision(caseId, DecisionKind.PENALTY_NOTICE).orElseThrow();
                PenaltyBasis basis = PenaltyBasis.valueOf(p.basis());
                title = "行政处罚决定书";
                number = p.number();
                dated = p.decidedOn();
                body.add(c.employerName() + "：");
                body.add("经查，你单位" + p.facts() + "（案件编号 " + c.number() + "）。");
                body.add("本机关于 " + n.decidedOn() + " 以" + n.number() + "告知你单位拟作出的行政处罚及其事实、理由、依据和陈述、申辩"
                        + (hearingRight(caseId, n.fine()) ? "、要求听证" : "") + "的权利（《中华人民共和国行政处罚法》第四十四条），该告知书于 "
                        + servedOn(caseId, "PENALTY_NOTICE").orElseThrow() + " 送达。");
                body.add("你单位的上述行为属于" + basis.violation + "的情形。依据" + basis.article + "的规定，本机关决定对你单位处以罚款人民币 "
                        + money(p.fine()) + " 元。");
                body.add("请你单位自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款（《中华人民共和国行政处罚法》第六十七条第三款）。"
                        + "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（第七十二条第一款第（一）项）。");
                body.add(remedies(county));
            }
            case RECEIPT -> {
                if (servedKind == null || !List.of("ORDER", "REFUSAL", "DECISION", "PENALTY_NOTICE", "PENALTY").contains(servedKind)) {
                    throw CaseRuleException.of("case.rule.decisions.receipt.which");
                }
                Service s = jdbc.sql("""
                        SELECT id, document_kind, document_number, recipient, manner, place, served_on FROM case_service
                         WHERE case_id = :c AND document_kind = :k ORDER BY id DESC LIMIT 1
                        """).param("c", caseId).param("k", servedKind).query(Rows.of(Service.class)).optional()
                        .orElseThrow(() -> CaseRuleException.of("case.rule.decisions.receipt.notServed"));
                title = "送达回证";
                number = numbers.number(caseId, "RECEIPT", s.id(), s.servedOn(), actor());
                dated = s.servedOn();
                body.add("案件编号：" + c.number());
                body.add("送达文书名称及文号：" + CaseRuleException.text("case.doc.title." + s.documentKind()) + " " + s.documentNumber());
                body.add("受送达人：" + s.recipient());
                body.add("送达地点：" + nz(s.place()));
                body.add("送达方式：" + CaseRuleException.text("case.service.manner." + s.manner()));
                body.add("送达日期：" + chinese(s.servedOn()));
                body.add("受送达人签名或者盖章：＿＿＿＿＿＿＿＿　　　年　月　日");
                body.add("送达人签名：＿＿＿＿＿＿＿＿　＿＿＿＿＿＿＿＿");
                body.add("见证人签名（留置送达时）：＿＿＿＿＿＿＿＿");
                body.add("备注：送达依照《中华人民共和国民事诉讼法》有关送达的规定执行；行政处罚决定书依照《中华人民共和国行政处罚法》第六十一条送达。"
                        + "受送达人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，在送达回证上记明拒收事由和日期，"
                        + "由送达人、见证人签名或者盖章，把文书留在受送达人的住所，即视为送达。");
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        byte[] pdf = documents.notice(title, number, body, issuer, dated == null ? today : dated);
        operationLog.record("CASE_DOCUMENT", "case", caseId, "生成文书 " + title + " " + number);
        return pdf;
    }

    private String refusalText(CaseRow c, String county) {
        return switch (RefusalGround.valueOf(c.refusalGround())) {
            case TIME_BARRED -> "所投诉的违法行为已于 " + c.violationEndedOn() + " 终了，至投诉之日已超过二年。根据《劳动保障监察条例》第二十条，"
                    + "违反劳动保障法律、法规或者规章的行为在二年内未被劳动保障行政部门发现，也未被举报、投诉的，劳动保障行政部门不再查处；"
                    + "该期限自违法行为发生之日起计算，违法行为有连续或者继续状态的，自行为终了之日起计算。";
            case LABOR_DISPUTE -> "所投诉事项属于应当通过劳动争议处理程序解决的事项，或者已经按照劳动争议处理程序申请调解、仲裁或者已经提起诉讼。"
                    + "根据《劳动保障监察条例》第二十一条第二款，请依照劳动争议处理或者诉讼的程序办理："
                    + (c.refusalReferTo() == null ? "向" + county + "劳动人事争议仲裁委员会申请仲裁；对仲裁裁决不服的，可以依法向人民法院提起诉讼。"
                            : c.refusalReferTo() + "。");
            case NOT_COMPETENT -> "所投诉事项不属于劳动保障监察职权范围（《关于实施〈劳动保障监察条例〉若干规定》第十八条）。请向"
                    + c.refusalReferTo() + "反映。";
            case OTHER_AUTHORITY -> "所投诉事项属于劳动保障监察职权范围，但不属于本机关管辖（《劳动保障监察条例》第十三条：由违法行为发生地的"
                    + "劳动保障行政部门管辖；《关于实施〈劳动保障监察条例〉若干规定》第十八条）。请向" + c.refusalReferTo() + "提出。";
        };
    }

    private static String remedies(String county) {
        return "你单位如不服本决定，可以在收到本决定书之日起六十日内向" + county + "人民政府申请行政复议（《中华人民共和国行政复议法》第二十条），"
                + "或者在六个月内向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。复议、诉讼期间，本决定不停止执行。"
                + "逾期不申请行政复议、不提起行政诉讼又不履行的，本机关将依法申请人民法院强制执行（《中华人民共和国行政强制法》第五十三条）。";
    }

    // ---------------------------------------------------------------- helpers

    private void insert(long caseId, OfficerPrincipal officer, DecisionKind kind, LocalDate decidedOn, LocalDate deadline,
            PenaltyBasis basis, BigDecimal fine, String facts) {
        String f = facts == null ? "" : facts.trim();
        if (f.length() > 1000) {
            throw CaseRuleException.of("case.rule.decisions.tooLong");
        }
        if (kind != DecisionKind.DECISION && f.isEmpty()) {
            throw CaseRuleException.of("case.rule.decisions.factsRequired");
        }
        if (decision(caseId, kind).isPresent()) {
            throw CaseRuleException.of("case.rule.decisions.exists", CaseRuleException.text("case.doc.title." + kind.name()));
        }
        String number = numbers.number(caseId, kind.name(), 0, decidedOn, officer.username());
        jdbc.sql("""
                INSERT INTO case_decision (case_id, kind, number, decided_on, deadline, basis, fine, facts, recorded_by)
                VALUES (:c, :k, :n, :d, :dl, :b, :f, :x, :by)
                """).param("c", caseId).param("k", kind.name()).param("n", number).param("d", Date.valueOf(decidedOn))
                .param("dl", deadline == null ? null : Date.valueOf(deadline)).param("b", basis == null ? null : basis.name())
                .param("f", fine).param("x", f).param("by", officer.username()).update();
        operationLog.record("CASE_DECISION", "case", caseId, CaseRuleException.text("case.doc.title." + kind.name()) + " " + number
                + (fine == null ? "" : " 罚款 " + money(fine) + " 元"));
    }

    private static void inRange(PenaltyBasis basis, BigDecimal fine) {
        if (fine == null || fine.compareTo(basis.min()) < 0 || fine.compareTo(basis.max()) > 0 || fine.scale() > 2 && fine.stripTrailingZeros().scale() > 2) {
            throw CaseRuleException.of("case.rule.decisions.fineRange", basis.article(), money(basis.min()), money(basis.max()));
        }
    }

    /** A decision or a penalty follows the investigation of a filed case (立案调查后依法处理). */
    private static void requireFiled(CaseRow c) {
        if (c.filedOn() == null) {
            throw CaseRuleException.of("case.rule.decision.filed");
        }
    }

    private void notFuture(LocalDate day) {
        if (day.isAfter(today())) {
            throw CaseRuleException.of("case.rule.decisions.future", day);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private CaseRow load(long caseId, OfficerPrincipal officer, String permission) {
        records.require(officer.scope(), CaseQueries.CASES, caseId);
        if (!officer.hasPermission(permission)) {
            throw new org.springframework.security.access.AccessDeniedException(permission);
        }
        return row(caseId);
    }

    private CaseRow row(long caseId) {
        return jdbc.sql("""
                SELECT id, number, status, employer_name, complainant_name, region_code, registered_on, period_from, period_to,
                       refusal_ground, refusal_refer_to, refusal_reason, violation_ended_on, inspectors, filed_on
                  FROM case_file WHERE id = :id
                """).param("id", caseId).query(Rows.of(CaseRow.class)).optional()
                .orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.18"));
    }

    private static String period(CaseRow c) {
        return (c.periodFrom() == null ? "" : c.periodFrom().toString()) + " 至 " + (c.periodTo() == null ? "" : c.periodTo().toString());
    }

    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String money(BigDecimal amount) {
        return String.format("%,.2f", amount);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String actor() {
        return CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
    }
}
