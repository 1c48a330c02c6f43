package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.shared.Rows;

/**
 * The approval forms of a case (立案审批表, 延期审批表, 结案审批表) laid out as {@link CaseDocuments} lays out every
 * document: what was asked, by whom and when, the rule, and the approver's decision with name and date. Each is numbered
 * per year and kind in the region's prefix, once per approval.
 */
@Component
class ApprovalForms {

    /** A form's title, number and paragraphs. */
    record Sheet(String title, String number, List<String> body) {
    }

    private final JdbcClient jdbc;
    private final CaseApprovals approvals;
    private final DocumentNumbers numbers;

    ApprovalForms(JdbcClient jdbc, CaseApprovals approvals, DocumentNumbers numbers) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.numbers = numbers;
    }

    static CaseApprovals.Kind approvalKind(CaseDocuments.Kind kind) {
        return switch (kind) {
            case FILING_APPROVAL -> CaseApprovals.Kind.FILE;
            case EXTENSION_APPROVAL -> CaseApprovals.Kind.EXTEND;
            case CLOSING_APPROVAL -> CaseApprovals.Kind.CLOSE;
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    Sheet sheet(CaseDocuments.Facts f, CaseDocuments.Kind kind, LocalDate today, String actor) {
        CaseApprovals.Kind k = approvalKind(kind);
        String label = CaseRuleException.text("case.approval.kind." + k);
        CaseApprovals.Approval a = approvals.latestDecided(f.id(), k)
                .orElseThrow(() -> CaseRuleException.of("case.rule.case-documents.noApproval", label));
        record More(LocalDate filedOn, LocalDate handlingDue, String outcomeNote, BigDecimal confirmed, BigDecimal paid) {
        }
        More m = jdbc.sql("""
                SELECT c.filed_on, c.handling_due, c.outcome_note,
                       (SELECT COALESCE(sum(amount_confirmed), 0) FROM case_claimant k WHERE k.case_id = c.id) AS confirmed,
                       (SELECT COALESCE(sum(amount_paid), 0) FROM case_claimant k WHERE k.case_id = c.id) AS paid
                  FROM case_file c WHERE c.id = :id
                """).param("id", f.id()).query(Rows.of(More.class)).single();
        String number = numbers.number(f.id(), kind.name(), a.id(), today, actor);
        String period = (f.periodFrom() == null ? "" : f.periodFrom().toString()) + " 至 "
                + (f.periodTo() == null ? "" : f.periodTo().toString());
        List<String> body = new ArrayList<>();
        body.add("案件编号：" + f.number());
        body.add("当事人：" + f.employerName() + (f.projectName() == null ? "" : "（" + f.projectName() + "）"));
        body.add("案情摘要：涉及农民工 " + f.workers() + " 人，主张金额 " + String.format("%,.2f", f.amountClaimed())
                + " 元，欠薪期间 " + period + "。" + (f.description() == null ? "" : f.description()));
        String asker = name(a.requestedByName(), a.requestedBy()) + "，" + a.requestedOn();
        switch (k) {
            case FILE -> body.add("承办人意见：拟立案调查，办案人员 " + a.inspectors() + "。提请人：" + asker + "。");
            case EXTEND -> {
                body.add("立案日期：" + m.filedOn() + "。延期理由：" + a.reason() + "。提请人：" + asker + "。");
                if ("APPROVED".equals(a.status())) {
                    body.add("批准延长 " + CaseFile.EXTENSION_WORKING_DAYS + " 个工作日，办结期限至 " + m.handlingDue() + "。");
                }
            }
            case CLOSE -> {
                body.add("处理结果：" + (f.outcome() == null ? "" : CaseLabels.outcome(Outcome.valueOf(f.outcome())))
                        + (m.outcomeNote() == null ? "" : "，" + m.outcomeNote()) + "。核定欠薪 "
                        + String.format("%,.2f", m.confirmed()) + " 元，已发放到农民工本人 " + String.format("%,.2f", m.paid()) + " 元。");
                body.add("结案意见：" + (a.reason() == null ? "拟结案" : a.reason()) + "。提请人：" + asker + "。");
            }
        }
        body.add("审批依据：" + CaseRuleException.text("case.approval.law." + k));
        body.add(CaseRuleException.text("case.approval.approver." + k) + "审批意见："
                + ("APPROVED".equals(a.status()) ? "同意。" : "不同意。理由：" + a.decisionNote() + "。"));
        body.add("审批人：" + name(a.decidedByName(), a.decidedBy()) + "　审批日期：" + a.decidedOn());
        return new Sheet(CaseRuleException.text("case.doc." + switch (k) {
            case FILE -> "filingApproval";
            case EXTEND -> "extensionApproval";
            case CLOSE -> "closingApproval";
        }), number, body);
    }

    private static String name(String displayName, String username) {
        return (displayName == null ? username : displayName) + "（" + username + "）";
    }
}
