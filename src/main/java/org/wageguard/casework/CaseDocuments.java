package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;
import org.wageguard.shared.pdf.PdfDocumentWriter;

/**
 * The documents of a case as printable PDF in Chinese, numbered and dated: the assignment sheet (交办单), the
 * supervision notice (督办通知), the order to rectify within a time limit (劳动保障监察限期改正指令书) and the
 * case-transfer letter to the police (涉嫌犯罪案件移送书). Written by the shared {@link PdfDocumentWriter} (the CJK
 * font embedded, Chinese line breaking).
 */
@Service
public class CaseDocuments {

    public enum Kind {
        ASSIGNMENT, SUPERVISION, ORDER, TRANSFER, FILING_APPROVAL, EXTENSION_APPROVAL, CLOSING_APPROVAL,
        // Issue 15: the refusal notice, the administrative decision, the penalty notice and decision, the proof of
        // service — written by CaseDecisions, which records what they need.
        REFUSAL, DECISION, PENALTY_NOTICE, PENALTY, RECEIPT;

        /** The approval forms (立案、延期、结案审批表), laid out by {@link ApprovalForms}. */
        public boolean approvalForm() {
            return this == FILING_APPROVAL || this == EXTENSION_APPROVAL || this == CLOSING_APPROVAL;
        }
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final PdfDocumentWriter writer;
    private final DocumentNumbers numbers;
    private final ApprovalForms approvalForms;

    CaseDocuments(JdbcClient jdbc, OperationLog operationLog, DocumentNumbers numbers, PdfDocumentWriter writer,
            ApprovalForms approvalForms) {
        this.approvalForms = approvalForms;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.writer = writer;
    }

    record Facts(long id, String number, String employerName, String projectName, BigDecimal amountClaimed, int workers,
            java.sql.Date periodFrom, java.sql.Date periodTo, String description, String departmentName,
            String inspectors, String regionCode, String status, String outcome) {
    }

    record OrderFacts(String number, java.sql.Date servedOn, java.sql.Date deadline, BigDecimal amount) {
    }

    record AssignmentFacts(long id, String departmentName, java.sql.Date assignedOn, java.sql.Date dueOn, String dutyCitation) {
    }

    /**
     * Whether the transfer letter to the police applies: the case was referred, or an order to pay went unheeded past
     * its deadline while the arrears are still unpaid (the case stands at the order). A paid or closed case has none.
     */
    @Transactional(readOnly = true)
    public boolean transferApplies(long caseId, LocalDate today) {
        return jdbc.sql("""
                SELECT c.outcome = 'REFERRED_TO_POLICE' OR (c.status = 'ORDERED'
                       AND (SELECT max(deadline) FROM payment_order o WHERE o.case_id = c.id) < :today)
                  FROM case_file c WHERE c.id = :id
                """).param("id", caseId).param("today", java.sql.Date.valueOf(today)).query(Boolean.class).optional()
                .orElse(false);
    }

    /** The deadlines of an open case that passed before {@code today}, each named with its date (empty: none). */
    @Transactional(readOnly = true)
    public List<String> passedDeadlines(long caseId, LocalDate today) {
        return jdbc.sql("""
                SELECT x.what FROM (
                  SELECT 1 AS o, '受理期限 ' || c.accept_due AS what FROM case_file c
                   WHERE c.id = :id AND c.status = 'REGISTERED' AND c.accept_due < :today
                  UNION ALL SELECT 2, '首次联系期限 ' || c.first_contact_due FROM case_file c
                   WHERE c.id = :id AND c.first_contacted_on IS NULL AND c.first_contact_due < :today
                     AND c.status IN ('REGISTERED','ACCEPTED','COORDINATING','FILED','ORDERED')
                  UNION ALL SELECT 3, '办结期限 ' || c.handling_due FROM case_file c
                   WHERE c.id = :id AND c.status IN ('COORDINATING','FILED','ORDERED') AND c.handling_due < :today
                  UNION ALL SELECT 4, d.name || '反馈期限 ' || a.due_on FROM case_assignment a JOIN department d ON d.id = a.department_id
                    JOIN case_file c ON c.id = a.case_id
                   WHERE a.case_id = :id AND a.status IN ('OPEN','REWORK') AND a.due_on < :today
                     AND c.status IN ('REGISTERED','ACCEPTED','COORDINATING','FILED','ORDERED','RESOLVED','PAYMENT_VERIFIED')
                ) x ORDER BY x.o
                """).param("id", caseId).param("today", java.sql.Date.valueOf(today)).query(String.class).list();
    }

    @Transactional
    public byte[] pdf(long caseId, Kind kind, LocalDate today) {
        Facts f = jdbc.sql("""
                SELECT c.id, c.number, c.employer_name, p.name AS project_name, c.amount_claimed, c.workers, c.period_from,
                       c.period_to, c.description, d.name AS department_name, c.inspectors, c.region_code, c.status, c.outcome
                  FROM case_file c LEFT JOIN published_project p ON p.id = c.project_id LEFT JOIN department d ON d.id = c.department_id
                 WHERE c.id = :id
                """).param("id", caseId).query(Rows.of(Facts.class)).single();
        List<OrderFacts> orders = jdbc.sql("SELECT number, served_on, deadline, amount FROM payment_order WHERE case_id = :c ORDER BY id DESC")
                .param("c", caseId).query(Rows.of(OrderFacts.class)).list();
        List<AssignmentFacts> assignments = jdbc.sql("""
                SELECT a.id, d.name AS department_name, a.assigned_on, a.due_on, """ + CaseQueries.DUTY_CITATION + """
                  FROM case_assignment a JOIN department d ON d.id = a.department_id
                  LEFT JOIN published_member_duty u ON u.id = a.duty_id LEFT JOIN published_duty_document x ON x.id = u.document_id
                 WHERE a.case_id = :c ORDER BY a.id DESC
                """).param("c", caseId).query(Rows.of(AssignmentFacts.class)).list();
        String period = (f.periodFrom() == null ? "" : f.periodFrom().toString()) + " 至 "
                + (f.periodTo() == null ? "" : f.periodTo().toString());
        String money = String.format("%,.2f", f.amountClaimed());
        String county = numbers.county(f.regionCode());
        String actor = org.wageguard.identity.CurrentOfficer.find().map(o -> o.username()).orElse("system");
        String title;
        String docNumber;
        List<String> body;
        switch (kind) {
            case ASSIGNMENT -> {
                if (assignments.isEmpty()) {
                    throw CaseRuleException.of("case.rule.case-documents.1");
                }
                AssignmentFacts a = assignments.get(0);
                title = "根治拖欠农民工工资案件交办单";
                docNumber = numbers.number(caseId, kind.name(), a.id(), today, actor);
                body = new java.util.ArrayList<>(List.of(a.departmentName() + "：",
                        "现将" + f.employerName() + "拖欠农民工工资案件（" + f.number() + "）交由你单位办理。该案涉及农民工 "
                                + f.workers() + " 人，主张金额 " + money + " 元，欠薪期间 " + period + "。",
                        "反映内容：" + nz(f.description())));
                if (a.dutyCitation() != null) {
                    body.add("交办依据：" + a.dutyCitation() + "。");
                }
                body.add("请于 " + a.dueOn() + " 前将办理情况书面反馈" + county + "治欠办。逾期未反馈的，将予以督办。");
                body.add("交办日期：" + a.assignedOn());
            }
            case SUPERVISION -> {
                // Only what is true: a case with no passed deadline gets no notice saying it is overdue.
                List<String> passed = passedDeadlines(caseId, today);
                if (passed.isEmpty()) {
                    throw CaseRuleException.of("case.rule.case-documents.notOverdue");
                }
                title = "根治拖欠农民工工资督办通知";
                docNumber = numbers.number(caseId, kind.name(), 0, today, actor);
                String to = assignments.isEmpty() ? nz(f.departmentName()) : assignments.get(0).departmentName();
                body = List.of(to + "：",
                        "你单位承办的" + f.employerName() + "拖欠农民工工资案件（" + f.number() + "）已超过办理期限（"
                                + String.join("；", passed) + "），仍未办结。",
                        assignments.isEmpty() || assignments.get(0).dutyCitation() == null
                                ? "根据根治拖欠农民工工资工作有关规定，现予督办。请立即组织力量办理，于三个工作日内将办理结果报送" + county + "治欠办。"
                                : "根据" + assignments.get(0).dutyCitation() + "，现予督办。请严格落实行业主管责任，立即组织力量办理，"
                                        + "于三个工作日内将办理结果报送" + county + "治欠办。");
            }
            case ORDER -> {
                if (orders.isEmpty()) {
                    throw CaseRuleException.of("case.rule.case-documents.2");
                }
                OrderFacts o = orders.get(0);
                title = "劳动保障监察限期改正指令书";
                docNumber = o.number();
                body = List.of(f.employerName() + "：",
                        "经查，你单位存在拖欠 " + f.workers() + " 名劳动者工资的行为（欠薪期间 " + period + "），违反了《保障农民工工资支付条例》"
                                + "和《劳动保障监察条例》的有关规定。",
                        "根据《劳动保障监察条例》第十八条、第二十六条的规定，现责令你单位于 " + o.deadline() + " 前支付拖欠的劳动报酬共计 "
                                + String.format("%,.2f", o.amount()) + " 元，并将支付凭证报送本机关。",
                        "逾期不支付的，本机关将依法责令你单位按应付金额百分之五十以上一倍以下的标准加付赔偿金；涉嫌拒不支付劳动报酬罪的，"
                                + "依法移送公安机关。",
                        "送达日期：" + o.servedOn());
            }
            case TRANSFER -> {
                if (orders.isEmpty()) {
                    throw CaseRuleException.of("case.rule.case-documents.3");
                }
                OrderFacts o = orders.get(0);
                if (!o.deadline().toLocalDate().isBefore(today)) {
                    throw CaseRuleException.of("case.rule.case-documents.deadlineNotPassed", o.deadline());
                }
                if (!transferApplies(caseId, today)) {
                    throw CaseRuleException.of("case.rule.case-documents.transferNotApplicable");
                }
                title = "涉嫌犯罪案件移送书";
                docNumber = numbers.number(caseId, kind.name(), 0, today, actor);
                body = List.of(county + "公安局：",
                        f.employerName() + "拖欠 " + f.workers() + " 名劳动者劳动报酬共计 " + money + " 元（案件编号 " + f.number()
                                + "），经本机关以" + o.number() + "责令其于 " + o.deadline() + " 前支付，逾期仍不支付。",
                        "该单位的行为涉嫌构成《中华人民共和国刑法》第二百七十六条之一规定的拒不支付劳动报酬罪。根据《行政执法机关移送涉嫌犯罪案件"
                                + "的规定》，现将该案移送你局，请依法审查。",
                        "附：限期改正指令书及送达回证、调查询问笔录、欠薪清单。",
                        "办案人员：" + nz(f.inspectors()));
            }
            case FILING_APPROVAL, EXTENSION_APPROVAL, CLOSING_APPROVAL -> {
                ApprovalForms.Sheet sheet = approvalForms.sheet(f, kind, today, actor);
                title = sheet.title();
                docNumber = sheet.number();
                body = sheet.body();
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        byte[] pdf = render(title, docNumber, body, kind == Kind.ASSIGNMENT || kind == Kind.SUPERVISION
                ? county + "根治拖欠农民工工资工作领导小组办公室" : county + "人力资源和社会保障局", today);
        operationLog.record("CASE_DOCUMENT", "case", caseId, "生成文书 " + title + " " + docNumber);
        return pdf;
    }

    /**
     * An official notice of another module laid out as this module's documents (title, number, paragraphs, issuer and
     * date, the CJK font embedded); a paragraph ending in "：" is the addressee.
     */
    public byte[] notice(String title, String number, List<String> paragraphs, String issuer, LocalDate dated) {
        return render(title, number, paragraphs, issuer, dated);
    }

    private byte[] render(String title, String number, List<String> paragraphs, String issuer, LocalDate today) {
        if (!writer.fontAvailable()) {
            throw CaseRuleException.of("case.rule.case-documents.font", writer.fontFile());
        }
        return writer.write(PageSize.A4, 72, 72, 72, 72, (document, cjk) -> {
            Paragraph head = PdfDocumentWriter.paragraph(title, new Font(cjk, 20, Font.BOLD));
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            Paragraph no = PdfDocumentWriter.paragraph(number, new Font(cjk, 12));
            no.setAlignment(Element.ALIGN_CENTER);
            no.setSpacingAfter(18);
            document.add(no);
            Font text = new Font(cjk, 13);
            for (String p : paragraphs) {
                Paragraph para = PdfDocumentWriter.paragraph(p, text);
                para.setLeading(24);
                para.setSpacingAfter(8);
                para.setFirstLineIndent(p.endsWith("：") ? 0 : 26);
                document.add(para);
            }
            Paragraph sign = PdfDocumentWriter.paragraph(issuer + "\n" + today.getYear() + "年" + today.getMonthValue() + "月"
                    + today.getDayOfMonth() + "日", text);
            sign.setAlignment(Element.ALIGN_RIGHT);
            sign.setSpacingBefore(36);
            document.add(sign);
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
