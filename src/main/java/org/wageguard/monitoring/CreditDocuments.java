package org.wageguard.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.CaseDocuments;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.CreditPublication;
import org.wageguard.employer.CreditRepair;
import org.wageguard.identity.OperationLog;

/**
 * The two documents of the credit-list procedure as printable PDF, laid out like the case documents: the prior notice
 * (列入事先告知书: the facts, reasons and basis of the intended listing, the measures, the right to state one's case
 * within 5 working days) and the listing decision (列入决定书: the facts and the condition of Decree 45 Art. 5,
 * the objection and its review, the term from the decision, the measures, the conditions of early removal of
 * Art. 14, and the remedies).
 */
@Service
@Transactional(readOnly = true)
public class CreditDocuments {

    public enum Kind { NOTICE, DECISION }

    static final String DECREE = "《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）";

    private final CreditProcedure procedure;
    private final CaseDocuments documents;
    private final CreditPublication publication;
    private final OperationLog operationLog;

    CreditDocuments(CreditProcedure procedure, CaseDocuments documents, CreditPublication publication,
            OperationLog operationLog) {
        this.procedure = procedure;
        this.documents = documents;
        this.publication = publication;
        this.operationLog = operationLog;
    }

    /** The number of a document of the procedure: 告 for the notice, 列 for the decision. */
    static String number(String kind, LocalDate on, long proposalId) {
        return "人社信" + kind + "〔" + on.getYear() + "〕" + proposalId + "号";
    }

    @Transactional
    public byte[] pdf(String regionPrefix, long id, Kind kind, LocalDate today) {
        CreditProcedure.Proposal p = procedure.find(regionPrefix, id)
                .orElseThrow(() -> MonitoringRuleException.of("notFound"));
        String list = p.kind() == CreditListKind.BLACKLIST ? "拖欠农民工工资失信联合惩戒对象名单" : "拖欠农民工工资重点关注名单";
        String persons = p.persons().isEmpty() ? "" : "及" + p.persons().stream()
                .map(x -> x.name() + "（" + Alerts.text("monitoring.credit.role." + x.role()) + "）")
                .collect(Collectors.joining("、"));
        String facts = "经查，你单位拖欠农民工工资（案件编号 " + p.caseNumber() + "），经本机关依法责令限期支付，逾期未支付。"
                + p.grounds();
        String measures = "列入后，本机关将依法公开名单信息并共享至信用信息共享平台，有关部门依照《保障农民工工资支付条例》第四十八条等规定，"
                + "在政府资金支持、政府采购、招投标、融资贷款、市场准入、税收优惠、评优评先、交通出行等方面依法依规予以限制。";
        String basis = p.kind() == CreditListKind.BLACKLIST ? "依据" + DECREE + "第五条的规定，"
                : "依据本地区拖欠农民工工资重点关注名单管理的规定，";
        List<String> body = new ArrayList<>();
        body.add(p.employerName() + "：");
        body.add(facts);
        body.add("列入条件：" + (p.conditionBasis() == null ? "" : p.conditionBasis()));
        String title;
        String number;
        LocalDate dated;
        if (kind == Kind.NOTICE) {
            title = list.replace("名单", "名单列入事先告知书");
            number = p.noticeNumber() != null ? p.noticeNumber() : number("告", today, p.id());
            dated = p.notifiedOn() != null ? p.notifiedOn() : today;
            body.add(basis + "本机关拟将你单位" + persons + "列入" + list + "，期限"
                    + p.kind().termYears() + "年，自作出列入决定之日起计算。");
            body.add(measures);
            body.add("你单位有权自收到本告知书之日起" + CreditProcedure.OBJECTION_WORKING_DAYS + "个工作日内"
                    + (p.objectionUntil() == null ? "" : "（至 " + p.objectionUntil() + "）")
                    + "向本机关进行陈述和申辩；逾期未提出的，视为放弃陈述和申辩的权利。");
        } else {
            if (p.decisionNumber() == null || p.decidedOn() == null) {
                throw MonitoringRuleException.of("credit.noDecisionYet");
            }
            title = list.replace("名单", "名单列入决定书");
            number = p.decisionNumber();
            dated = p.decidedOn();
            body.add("本机关于 " + p.notifiedOn() + " 送达列入事先告知书（" + p.noticeNumber() + "），"
                    + (p.objection() == null ? "你单位在陈述申辩期内未提出陈述和申辩。"
                            : "你单位提出陈述和申辩：" + p.objection() + "。经复核，不予采纳。"));
            body.add(basis + "本机关决定将你单位" + persons + "列入" + list + "，期限自 " + p.decidedOn()
                    + " 起至 " + p.expiresOn().minusDays(1) + " 止（" + p.kind().termYears() + "年）。");
            body.add(measures);
            body.add("列入期间，你单位已经改正拖欠农民工工资违法行为，且自改正之日起被列入满"
                    + CreditRepair.MONTHS_LISTED_AFTER_PAYING_UP + "个月，并作出不再拖欠农民工工资书面信用承诺的，可以向本机关申请提前移出（第十四条）。");
            body.add("如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。");
        }
        byte[] pdf = documents.notice(title, number, body, issuer(p.regionCode()), dated);
        operationLog.record("CREDIT_DOCUMENT", "credit_proposal", id, "生成文书 " + title + " " + number);
        return pdf;
    }

    /** The labor and social security bureau of the proposal's county (or city). */
    private String issuer(String regionCode) {
        return publication.authority(regionCode);
    }
}
