package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.project.WageDeposits;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, part 4: the approvals with the approver recorded (立案审批 by the head of the labor inspection body,
 * 劳社部令第25号; 延期审批 by the head of the department, 《劳动保障监察条例》第十七条; 结案审批), the enforcement chain
 * that gates the application to the court (《行政强制法》第五十三条 after 《行政复议法》第二十条 and 《行政诉讼法》第四十六条),
 * the deposit draw on the case's own decision (人社部发〔2021〕65号第十九条、第二十条), and the approval forms as PDFs.
 */
@DemoApplicationTest
class CaseApprovalsAndEnforcementTests {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseApprovals approvals;
    @Autowired CaseEnforcement enforcement;
    @Autowired CaseDecisions decisions;
    @Autowired WorkingDays workingDays;
    @Autowired WageDeposits deposits;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    OfficerPrincipal jiancha() {
        return logins.principal("jiancha");
    }

    OfficerPrincipal inspectionHead() {
        return logins.principal("jianchazhang");
    }

    OfficerPrincipal bureauHead() {
        return logins.principal("juzhang");
    }

    LocalDate today() {
        return handling.today();
    }

    long register(Long projectId, String amount) {
        return intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "龙建平", MobilePhone.of("13907371601"), false,
                null, "沅江市审批测试建筑公司" + SEQ.incrementAndGet(), projectId, "430981", "E", LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 10, 31), "拖欠三个月工资", List.of(new Intake.Claimant("龙建平", null, new BigDecimal(amount))),
                null, null));
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    String caseStatus(long caseId) {
        return jdbc.sql("SELECT status FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single();
    }

    int approvalVersion(long approvalId) {
        return jdbc.sql("SELECT version FROM case_approval WHERE id = :id").param("id", approvalId).query(Integer.class).single();
    }

    /** Accepted, then filed on the inspection head's approval. */
    long filed(Long projectId, String amount) {
        long id = register(projectId, amount);
        handling.accept(id, version(id), jiancha());
        long approval = approvals.requestFiling(id, version(id), jiancha(), "黄国平、李志明");
        approvals.decide(id, approval, approvalVersion(approval), inspectionHead(), true, null);
        return id;
    }

    /** Filed, with an order to pay served long ago whose deadline passed unheeded. */
    long ordered(Long projectId, String amount) {
        long id = filed(projectId, amount);
        handling.serveOrder(id, version(id), jiancha(), null, today().minusDays(400), today().minusDays(390), new BigDecimal(amount));
        return id;
    }

    String page(long caseId, String user) throws Exception {
        return mvc.perform(get("/cases/" + caseId).with(logins.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void filingNeedsTheApprovalOfTheInspectionBodysHead_Decree25() throws Exception {
        long id = register(null, "6800");
        handling.accept(id, version(id), jiancha());
        long approval = approvals.requestFiling(id, version(id), jiancha(), "黄国平、李志明");
        assertThat(caseStatus(id)).as("asking files nothing").isEqualTo("ACCEPTED");
        assertThat(mvc.perform(get("/cases/mine").with(logins.as("jianchazhang"))).andReturn().getResponse().getContentAsString())
                .as("the request waits on the inspection head's work list")
                .contains(jdbc.sql("SELECT number FROM case_file WHERE id = :c").param("c", id).query(String.class).single());
        assertThatThrownBy(() -> approvals.requestFiling(id, version(id), jiancha(), "黄国平、李志明"))
                .hasMessageContaining("尚待审批");

        // The inspector who asked does not approve, nor does the department head: the head of the inspection body does.
        mvc.perform(post("/cases/" + id + "/approvals/" + approval + "/approve").with(logins.as("jiancha")).with(csrf())
                .param("version", "0")).andExpect(status().isForbidden());
        assertThatThrownBy(() -> approvals.decide(id, approval, 0, bureauHead(), true, null))
                .hasMessageContaining("立案审批须由劳动保障监察机构负责人审批");
        assertThatThrownBy(() -> approvals.decide(id, approval, 0, inspectionHead(), false, " "))
                .hasMessageContaining("不同意须写明理由");
        approvals.decide(id, approval, 0, inspectionHead(), false, "证据不足，请补充工资表和考勤记录");
        assertThat(caseStatus(id)).isEqualTo("ACCEPTED");
        assertThat(page(id, "jiancha")).contains("证据不足，请补充工资表和考勤记录").contains("不同意");

        long again = approvals.requestFiling(id, version(id), jiancha(), "jiancha、jiancha2");
        mvc.perform(post("/cases/" + id + "/approvals/" + again + "/approve").with(logins.as("jianchazhang")).with(csrf())
                .param("version", String.valueOf(approvalVersion(again)))).andExpect(status().is3xxRedirection());
        assertThat(caseStatus(id)).isEqualTo("FILED");
        record Decided(String decidedBy, Date decidedOn, String status) {
        }
        Decided d = jdbc.sql("SELECT decided_by, decided_on, status FROM case_approval WHERE id = :a").param("a", again)
                .query(org.wageguard.shared.Rows.of(Decided.class)).single();
        assertThat(d.decidedBy()).isEqualTo("jianchazhang");
        assertThat(d.decidedOn().toLocalDate()).isEqualTo(today());
        assertThat(page(id, "jiancha")).as("the case page shows who approved when, and the rule")
                .contains("王建军 " + today()).contains("劳社部令第25号");
        assertThat(jdbc.sql("SELECT by_username FROM case_event WHERE case_id = :c AND action = 'FILE'").param("c", id)
                .query(String.class).single()).as("the timeline names the approver").isEqualTo("jianchazhang");
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        long id = register(null, "3900");
        handling.accept(id, version(id), jiancha());
        // A head who is also an inspector may ask, but the request goes to another head.
        String grant = "INSERT INTO officer_role (officer_id, role_code) SELECT id, 'LABOR_INSPECTOR' FROM officer WHERE username = 'jianchazhang'";
        jdbc.sql(grant).update();
        try {
            OfficerPrincipal both = logins.principal("jianchazhang");
            long approval = approvals.requestFiling(id, version(id), both, "jiancha、jiancha2");
            assertThatThrownBy(() -> approvals.decide(id, approval, 0, both, true, null))
                    .hasMessageContaining("审批人不能审批本人提出的申请");
            assertThat(caseStatus(id)).isEqualTo("ACCEPTED");
        } finally {
            jdbc.sql("DELETE FROM officer_role WHERE role_code = 'LABOR_INSPECTOR' AND officer_id = (SELECT id FROM officer WHERE username = 'jianchazhang')")
                    .update();
        }
    }

    @Test
    void extensionCountsOnlyAfterTheDepartmentHeadApproves_Regulation17() throws Exception {
        long id = filed(null, "5200");
        LocalDate due = jdbc.sql("SELECT handling_due FROM case_file WHERE id = :c").param("c", id).query(Date.class).single().toLocalDate();
        assertThatThrownBy(() -> approvals.requestExtension(id, version(id), jiancha(), " ")).hasMessageContaining("理由");
        long approval = approvals.requestExtension(id, version(id), jiancha(), "涉及多个分包单位，需调取银行流水");
        String number = jdbc.sql("SELECT number FROM case_file WHERE id = :c").param("c", id).query(String.class).single();
        assertThat(mvc.perform(get("/cases/mine").with(logins.as("juzhang"))).andReturn().getResponse().getContentAsString())
                .as("the request waits on the department head's work list").contains(number);
        assertThat(jdbc.sql("SELECT handling_due FROM case_file WHERE id = :c").param("c", id).query(Date.class).single().toLocalDate())
                .as("asking moves no clock").isEqualTo(due);
        assertThat(page(id, "jiancha")).contains("id=\"extension-pending\"");
        assertThatThrownBy(() -> approvals.decide(id, approval, 0, inspectionHead(), true, null))
                .hasMessageContaining("延期审批须由劳动保障行政部门负责人审批");
        approvals.decide(id, approval, 0, bureauHead(), true, "同意延长");
        assertThat(jdbc.sql("SELECT handling_due FROM case_file WHERE id = :c").param("c", id).query(Date.class).single().toLocalDate())
                .isEqualTo(workingDays.plus(due, 30));
        assertThatThrownBy(() -> approvals.requestExtension(id, version(id), jiancha(), "再次延期")).hasMessageContaining("只能延长一次");
        assertThat(page(id, "zhiqianban")).contains("邓志华 " + today()).contains("第十七条");
    }

    @Test
    void courtEnforcementOnlyAfterReviewAndLitigationPeriods_AdministrativeCoercionLawArt53() throws Exception {
        long onlyOrdered = ordered(null, "7300");
        assertThatThrownBy(() -> handling.resolve(onlyOrdered, version(onlyOrdered), jiancha(), Outcome.COURT_ENFORCEMENT, "申请法院", null))
                .as("an order to correct is no decision a court enforces").hasMessageContaining("限期改正指令书不能申请法院强制执行")
                .hasMessageContaining("第五十三条");

        long id = ordered(null, "7300");
        assertThatThrownBy(() -> decisions.recordDecision(id, jiancha(), today().minusDays(395), today().minusDays(380), null))
                .as("the decision follows the order's lapse").hasMessageContaining("限期改正指令书");
        decisions.recordDecision(id, jiancha(), today().minusDays(10), today().minusDays(3), null);
        assertThat(enforcement.chain(id)).as("made, not served: nothing runs yet").isEmpty();
        decisions.recordService(id, jiancha(), "DECISION", "被申请人", CaseDecisions.Manner.DIRECT, null, today().minusDays(10));
        CaseEnforcement.Chain chain = enforcement.chain(id).orElseThrow();
        assertThat(chain.decision().number()).matches("沅人社监理〔\\d{4}〕\\d+号");
        assertThat(chain.litigationEnds()).isAfterOrEqualTo(today().minusDays(10).plusMonths(6));
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha(), Outcome.COURT_ENFORCEMENT, "申请法院", null))
                .hasMessageContaining("《行政强制法》第五十三条").hasMessageContaining("《行政诉讼法》第四十六条")
                .hasMessageContaining(chain.applyFrom() + " 起方可申请");
        assertThat(page(id, "jiancha")).contains("id=\"chain-waiting\"").contains("第五十三条");

        // Served ten months ago: the 3 months after the periods have passed too.
        jdbc.sql("UPDATE case_decision SET served_on = :s, decided_on = :s WHERE case_id = :c AND kind = 'DECISION'")
                .param("s", Date.valueOf(today().minusMonths(10))).param("c", id).update();
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha(), Outcome.COURT_ENFORCEMENT, "申请法院", null))
                .hasMessageContaining("申请期限已过");

        // Served 8 months and 10 days ago: within the window, which closes in about three weeks — the page warns.
        jdbc.sql("UPDATE case_decision SET served_on = :s, decided_on = :s WHERE case_id = :c AND kind = 'DECISION'")
                .param("s", Date.valueOf(today().minusMonths(8).minusDays(10))).param("c", id).update();
        assertThat(enforcement.chain(id).orElseThrow().closing(today())).isTrue();
        assertThat(page(id, "jiancha")).contains("id=\"chain-closing\"").contains("请及时申请");

        long decision = enforcement.decisions(id).get(0).id();
        enforcement.recordChallenge(id, decision, jiancha(), today().minusMonths(7), "当事人向沅江市人民法院提起行政诉讼");
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha(), Outcome.COURT_ENFORCEMENT, "申请法院", null))
                .hasMessageContaining("提起行政诉讼");
        jdbc.sql("UPDATE case_decision SET challenged_on = NULL, challenge = NULL WHERE id = :d").param("d", decision).update();

        handling.resolve(id, version(id), jiancha(), Outcome.COURT_ENFORCEMENT, "已向沅江市人民法院申请强制执行", null);
        assertThat(caseStatus(id)).isEqualTo("RESOLVED");
    }

    @Autowired org.wageguard.project.CaseOrders caseOrders;

    long projectWithDeposit(String deposit) {
        return caseOrders.projectWithDeposit(deposit);
    }

    @Test
    void depositDrawOnlyOnTheCasesOwnDecisionAndNotAboveItsArrears_Deposit65Art19() throws Exception {
        long project = projectWithDeposit("100000.00");
        long id = ordered(project, "9800");
        assertThatThrownBy(() -> enforcement.drawDeposit(id, jiancha(), new BigDecimal("9800"), today()))
                .as("a lapsed order to correct is not the decision 第十九条 asks for").hasMessageContaining("尚未作出行政处理决定");
        decisions.recordDecision(id, jiancha(), today().minusDays(2), today().plusDays(5), null);
        decisions.recordService(id, jiancha(), "DECISION", "被申请人", CaseDecisions.Manner.DIRECT, null, today().minusDays(2));
        assertThatThrownBy(() -> enforcement.drawDeposit(id, jiancha(), new BigDecimal("9800"), today()))
                .hasMessageContaining("尚未届满").hasMessageContaining(today().plusDays(5).toString());
        jdbc.sql("UPDATE case_decision SET deadline = :d WHERE case_id = :c AND kind = 'DECISION'").param("d", Date.valueOf(today().minusDays(1)))
                .param("c", id).update();
        assertThatThrownBy(() -> enforcement.drawDeposit(id, jiancha(), new BigDecimal("20000"), today()))
                .hasMessageContaining("核定欠薪 9800.00 元").hasMessageContaining("最多可动用 9800.00 元");
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha(), Outcome.DEPOSIT_DRAWN, "动用保证金", null))
                .as("DEPOSIT_DRAWN records a draw that happened").hasMessageContaining("尚未依本案行政处理决定动用工资保证金");

        mvc.perform(post("/cases/" + id + "/draw").with(logins.as("jiancha")).with(csrf()).param("amount", "9800")
                .param("on", today().toString())).andExpect(status().is3xxRedirection());
        String number = jdbc.sql("SELECT number FROM case_file WHERE id = :c").param("c", id).query(String.class).single();
        WageDeposits.Movement entry = deposits.ledger(project).movements().stream()
                .filter(m -> m.kind() == WageDeposits.MovementKind.DRAW).findFirst().orElseThrow();
        assertThat(entry.amount()).isEqualByComparingTo("9800");
        assertThat(entry.reference()).as("the project's ledger names the case").contains(number).contains("人社监理〔");
        assertThat(deposits.ledger(project).balance()).isEqualByComparingTo("90200");
        CaseEnforcement.Draw draw = enforcement.draws(id).get(0);
        assertThat(draw.topUpDue()).as("65号第二十条: topped up within 10 working days").isEqualTo(workingDays.plus(today(), 10));
        assertThat(page(id, "jiancha")).contains("补足期限 " + draw.topUpDue()).contains("第十九条");
        assertThatThrownBy(() -> enforcement.drawDeposit(id, jiancha(), new BigDecimal("1"), today()))
                .hasMessageContaining("已动用 9800.00 元").hasMessageContaining("最多可动用 0.00 元");
        assertThatThrownBy(() -> enforcement.drawDeposit(id, logins.principal("zhujian"), new BigDecimal("1"), today()))
                .hasMessageContaining("无权");

        handling.resolve(id, version(id), jiancha(), Outcome.DEPOSIT_DRAWN, "依行政处理决定动用工资保证金支付", null);
        assertThat(caseStatus(id)).isEqualTo("RESOLVED");
    }

    byte[] pdf(long caseId, String kind) throws Exception {
        return mvc.perform(get("/cases/" + caseId + "/documents/" + kind + ".pdf").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void approvalFormsArePdfsNumberedPerYearAndKindNamingTheApproverAndDate() throws Exception {
        long first = filed(null, "4100");
        long second = filed(null, "4200");
        String one = pdfText(pdf(first, "filing_approval"));
        String two = pdfText(pdf(second, "filing_approval"));
        int year = today().getYear();
        java.util.regex.Matcher m1 = java.util.regex.Pattern.compile("沅人社监立审〔" + year + "〕(\\d+)号").matcher(one);
        java.util.regex.Matcher m2 = java.util.regex.Pattern.compile("沅人社监立审〔" + year + "〕(\\d+)号").matcher(two);
        assertThat(m1.find()).isTrue();
        assertThat(m2.find()).isTrue();
        assertThat(Integer.parseInt(m2.group(1))).as("numbered in order per kind and year").isEqualTo(Integer.parseInt(m1.group(1)) + 1);
        assertThat(one).contains("立案审批表").contains("劳动保障监察机构负责人审批意见：同意").contains("王建军（jianchazhang）")
                .contains("审批日期：" + today()).contains("劳社部令第25号").contains("黄国平（jiancha）");
        assertThat(pdfText(pdf(first, "filing_approval"))).as("a reprint keeps its number").contains(m1.group());

        long approval = approvals.requestExtension(first, version(first), jiancha(), "案情复杂，需补充调查");
        approvals.decide(first, approval, 0, bureauHead(), true, null);
        String extension = pdfText(pdf(first, "extension_approval"));
        assertThat(extension).contains("延期审批表").containsPattern("沅人社监延审〔" + year + "〕\\d+号")
                .contains("劳动保障行政部门负责人审批意见：同意").contains("邓志华（juzhang）").contains("第十七条");

        handling.resolve(first, version(first), jiancha(), Outcome.UNFOUNDED, "经查工资已按月足额发放", null);
        assertThatThrownBy(() -> handling.close(first, version(first), jiancha())).hasMessageContaining("结案审批");
        mvc.perform(get("/cases/" + first + "/documents/closing_approval.pdf").with(logins.as("jiancha")))
                .andExpect(status().isUnprocessableEntity());
        long closing = approvals.requestClosing(first, version(first), jiancha(), "查无实据，拟结案");
        approvals.decide(first, closing, 0, inspectionHead(), true, null);
        assertThat(caseStatus(first)).isEqualTo("CLOSED");
        assertThat(pdfText(pdf(first, "closing_approval"))).contains("结案审批表").containsPattern("沅人社监结审〔" + year + "〕\\d+号")
                .contains("查无实据").contains("王建军（jianchazhang）").contains("审批日期：" + today());
    }
}
