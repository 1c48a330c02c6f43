package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

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
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, the missing case documents — 不予受理告知书, 行政处理决定书, 行政处罚事先告知书 and 决定书, 送达回证 — each a PDF
 * read back with PDFBox (its number, amounts and articles; no line begins with a Chinese closing mark), each refused on a
 * Chinese page where it does not apply, and the rules of law that gate them, each a test named after its article.
 */
@DemoApplicationTest
class CaseDecisionDocumentsTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseDecisions decisions;
    @Autowired CaseEnforcement enforcement;

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text without any whitespace, and every line checked against the Chinese line-breaking rule (避头尾). */
    static String checked(byte[] pdf) throws Exception {
        String text = text(pdf);
        List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines.size()).as("the document wraps its paragraphs").isGreaterThan(5);
        for (String line : lines) {
            assertThat("，。、；：？！）》」』”〕".indexOf(line.charAt(0))).as("line begins with a closing mark: " + line).isNegative();
        }
        return text.replaceAll("\\s+", "");
    }

    long register(String employer, String... claimants) {
        List<Intake.Claimant> workers = Arrays.stream(claimants).map(c -> c.split(":"))
                .map(c -> new Intake.Claimant(c[0], null, new BigDecimal(c[1]))).toList();
        return intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, workers.get(0).name(), MobilePhone.of("13907371601"),
                false, null, employer, null, "430981", "E", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30), "拖欠工资",
                workers, null, null));
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    byte[] pdf(long caseId, String path, String account) throws Exception {
        return mvc.perform(get("/cases/" + caseId + "/documents/" + path).with(logins.as(account)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    String refused(long caseId, String path) throws Exception {
        return mvc.perform(get("/cases/" + caseId + "/documents/" + path).with(logins.as("jiancha")))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
    }

    long refusedCase(String employer) {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long id = register(employer, "蒋国富:6400");
        handling.refuse(id, version(id), jiancha, "经审查不予受理");
        return id;
    }

    @Test
    void aComplaintNotAcceptedGetsItsNoticeWithTheReasonTheArticleAndWhereToGo_Article21() throws Exception {
        long id = refusedCase("沅江市壬劳务公司");
        assertThat(refused(id, "refusal.pdf")).contains("不能出具不予受理告知书").contains("返回案件");
        String page = mvc.perform(get("/cases/" + id).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("refusal-ground-form").doesNotContain("documents/refusal.pdf");

        // The form on the case page, with its CSRF token: the ground and where the complainant is to go.
        mvc.perform(post("/cases/" + id + "/refusal-ground").with(logins.as("jiancha")).with(csrf())
                .param("ground", "LABOR_DISPUTE").param("referTo", "")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/" + id + "/refusal-ground").with(logins.as("zhujian")).with(csrf())
                .param("ground", "LABOR_DISPUTE")).andExpect(status().isForbidden());
        String text = checked(pdf(id, "refusal.pdf", "jiancha"));
        assertThat(text).contains("不予受理告知书").contains("沅人社监不受〔2026〕").contains("蒋国富：")
                .contains("《劳动保障监察条例》第二十一条第二款").contains("沅江市劳动人事争议仲裁委员会申请仲裁")
                .contains("六十日内向沅江市人民政府申请行政复议").contains("《中华人民共和国行政复议法》第二十条")
                .contains("六个月内向人民法院提起行政诉讼").contains("沅江市人力资源和社会保障局");

        // Only a refused complaint has one.
        long accepted = register("沅江市癸劳务公司", "蒋国强:6400");
        assertThat(refused(accepted, "refusal.pdf")).contains("本案未作出不予受理决定");
        assertThatThrownBy(() -> decisions.recordRefusalGround(accepted, logins.principal("jiancha"),
                CaseDecisions.RefusalGround.LABOR_DISPUTE, null, null)).hasMessageContaining("只有作出不予受理的投诉");
    }

    @Test
    void theTwoYearLimitCountsFromTheEndOfTheViolationAndArrearsUnpaidNeverEnd_Article20() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long id = refusedCase("沅江市子劳务公司");
        LocalDate registered = jdbc.sql("SELECT registered_on FROM case_file WHERE id = :id").param("id", id)
                .query(java.sql.Date.class).single().toLocalDate();
        // Unpaid arrears are a continuing violation: no end day, no time bar.
        assertThatThrownBy(() -> decisions.recordRefusalGround(id, jiancha, CaseDecisions.RefusalGround.TIME_BARRED, null, null))
                .hasMessageContaining("继续状态").hasMessageContaining("第二十条");
        assertThatThrownBy(() -> decisions.recordRefusalGround(id, jiancha, CaseDecisions.RefusalGround.TIME_BARRED, null,
                registered.minusYears(2))).hasMessageContaining("未超过二年");
        LocalDate ended = registered.minusYears(2).minusDays(1);
        decisions.recordRefusalGround(id, jiancha, CaseDecisions.RefusalGround.TIME_BARRED, null, ended);
        String text = checked(pdf(id, "refusal.pdf", "jiancha"));
        assertThat(text).contains("已于" + ended + "终了").contains("《劳动保障监察条例》第二十条").contains("自行为终了之日起计算");

        // A matter for another body names where to go.
        long elsewhere = refusedCase("沅江市丑劳务公司");
        assertThatThrownBy(() -> decisions.recordRefusalGround(elsewhere, jiancha, CaseDecisions.RefusalGround.OTHER_AUTHORITY,
                " ", null)).hasMessageContaining("告知投诉人去向");
        decisions.recordRefusalGround(elsewhere, jiancha, CaseDecisions.RefusalGround.OTHER_AUTHORITY, "益阳市赫山区人力资源和社会保障局", null);
        assertThat(checked(pdf(elsewhere, "refusal.pdf", "zhiqianban"))).contains("《劳动保障监察条例》第十三条")
                .contains("请向益阳市赫山区人力资源和社会保障局提出");
    }

    /** A filed case with two workers, ordered to pay, the order lapsed, one worker paid 9,000 of 9,800. */
    long lapsedOrder(String employer) {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long id = register(employer, "邓建平:9800", "邓建国:6200");
        handling.accept(id, version(id), jiancha);
        handling.file(id, version(id), logins.principal("jianchazhang"), "jiancha、李志明");
        LocalDate today = handling.today();
        handling.serveOrder(id, version(id), jiancha, null, today.minusDays(20), today.minusDays(12), new BigDecimal("16000"));
        long first = jdbc.sql("SELECT id FROM case_claimant WHERE case_id = :c AND name = '邓建平'").param("c", id).query(Long.class).single();
        int v = jdbc.sql("SELECT version FROM case_claimant WHERE id = :k").param("k", first).query(Integer.class).single();
        handling.recordPayment(id, first, v, jiancha, new BigDecimal("9000"), today.minusDays(3), "农行代发回单 3001");
        return id;
    }

    @Test
    void theAdministrativeDecisionComesOnlyAfterAnUnheededOrderAndNamesWhatEachWorkerIsOwed_Article18And26() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = handling.today();
        // An order whose deadline has not passed: no decision yet.
        long fresh = register("沅江市寅建筑公司", "邓小平:5000");
        handling.accept(fresh, version(fresh), jiancha);
        handling.file(fresh, version(fresh), logins.principal("jianchazhang"), "jiancha、李志明");
        handling.serveOrder(fresh, version(fresh), jiancha, null, today.minusDays(2), today.plusDays(10), new BigDecimal("5000"));
        assertThatThrownBy(() -> decisions.recordDecision(fresh, jiancha, today, today.plusDays(15), null))
                .hasMessageContaining("尚未届满");
        assertThat(refused(fresh, "decision.pdf")).contains("尚未作出行政处理决定");

        long id = lapsedOrder("沅江市卯建筑公司");
        assertThatThrownBy(() -> decisions.recordDecision(id, jiancha, today, today, null)).hasMessageContaining("履行期限须晚于决定日期");
        mvc.perform(post("/cases/" + id + "/decisions/decision").with(logins.as("jiancha")).with(csrf())
                .param("decidedOn", today.toString()).param("deadline", today.plusDays(15).toString()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/cases/" + id).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("documents/decision.pdf").contains("penalty-notice-form");
        String text = checked(pdf(id, "decision.pdf", "jiancha"));
        assertThat(text).contains("劳动保障监察行政处理决定书").contains("沅人社监理〔" + today.getYear() + "〕")
                .contains("《劳动保障监察条例》第十八条第一款第（二）项、第二十六条第（一）项").contains("《保障农民工工资支付条例》第三条")
                .contains("邓建平：核定9,800.00元，已支付9,000.00元，应支付800.00元")
                .contains("邓建国：核定6,200.00元，已支付0.00元，应支付6,200.00元").contains("共计7,000.00元")
                .contains("于" + today.plusDays(15) + "前").contains("六十日内向沅江市人民政府申请行政复议")
                .contains("《中华人民共和国行政诉讼法》第四十六条").contains("《中华人民共和国行政强制法》第五十三条");
        // Labor inspection's own: an industry officer may not print it.
        mvc.perform(get("/cases/" + id + "/documents/decision.pdf").with(logins.as("zhiqianban"))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> decisions.recordDecision(id, jiancha, today, today.plusDays(15), null)).hasMessageContaining("不能重复");
    }

    @Test
    void aPenaltyIsNoticedWithTheRightToStateDefendAndBeHeardServedAndNeverHeavier_AdministrativePenaltyLaw44_45_63() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = handling.today();
        long id = lapsedOrder("沅江市辰建筑公司");
        assertThat(refused(id, "penalty-notice.pdf")).contains("尚未作出行政处罚事先告知");
        // 第三十条第一款第（三）项 punishes a decision not carried out: none was made yet.
        assertThatThrownBy(() -> decisions.recordPenaltyNotice(id, jiancha, today, CaseDecisions.PenaltyBasis.LSSR_30_3,
                new BigDecimal("10000"), "拒不履行行政处理决定")).hasMessageContaining("须先作出行政处理决定");
        // The fine stays within the article's range.
        assertThatThrownBy(() -> decisions.recordPenaltyNotice(id, jiancha, today, CaseDecisions.PenaltyBasis.REGS_57,
                new BigDecimal("30000"), "未编制工资支付表")).hasMessageContaining("50,000.00");
        mvc.perform(post("/cases/" + id + "/decisions/penalty-notice").with(logins.as("jiancha")).with(csrf())
                .param("decidedOn", today.minusDays(10).toString()).param("basis", "REGS_57").param("fine", "80,000")
                .param("facts", "未按月考核农民工工作量、编制工资支付表并经农民工本人签字确认")).andExpect(status().is3xxRedirection());
        String notice = checked(pdf(id, "penalty-notice.pdf", "jiancha"));
        assertThat(notice).contains("行政处罚事先告知书").contains("沅人社罚告〔").contains("《保障农民工工资支付条例》第五十七条")
                .contains("罚款人民币80,000.00元").contains("《中华人民共和国行政处罚法》第四十四条、第四十五条")
                .contains("不因你单位陈述、申辩而给予更重的处罚").contains("第六十三条、第六十四条").contains("五日内提出");

        // No decision before the notice is served (第六十二条).
        assertThatThrownBy(() -> decisions.recordPenalty(id, jiancha, today, new BigDecimal("80000"), null))
                .hasMessageContaining("尚未送达").hasMessageContaining("第六十二条");
        assertThat(refused(id, "receipt.pdf?of=PENALTY_NOTICE")).contains("尚未记录送达");
        mvc.perform(post("/cases/" + id + "/services").with(logins.as("jiancha")).with(csrf()).param("documentKind", "PENALTY_NOTICE")
                .param("recipient", "沅江市辰建筑公司").param("manner", "LEFT").param("place", "该公司项目部")
                .param("servedOn", today.minusDays(9).toString())).andExpect(status().is3xxRedirection());
        String number = jdbc.sql("SELECT number FROM case_decision WHERE case_id = :c AND kind = 'PENALTY_NOTICE'").param("c", id)
                .query(String.class).single();
        String receipt = checked(pdf(id, "receipt.pdf?of=PENALTY_NOTICE", "jiancha"));
        assertThat(receipt).contains("送达回证").contains("沅人社送〔").contains("行政处罚事先告知书" + number)
                .contains("受送达人：沅江市辰建筑公司").contains("送达方式：留置送达").contains("送达地点：该公司项目部")
                .contains("送达日期：" + today.minusDays(9).getYear() + "年").contains("受送达人签名或者盖章").contains("见证人签名");

        // The hearing may be asked within five days of service (第六十四条); the fine may not grow (第四十五条第二款).
        assertThatThrownBy(() -> decisions.recordPenalty(id, jiancha, today.minusDays(5), new BigDecimal("80000"), null))
                .hasMessageContaining("第六十四条");
        assertThatThrownBy(() -> decisions.recordPenalty(id, jiancha, today, new BigDecimal("90000"), null))
                .hasMessageContaining("第四十五条第二款");
        decisions.recordPenalty(id, jiancha, today, new BigDecimal("60000"), null);
        String penalty = checked(pdf(id, "penalty.pdf", "jiancha"));
        assertThat(penalty).contains("行政处罚决定书").contains("沅人社罚决〔").contains("罚款人民币60,000.00元")
                .contains("以" + number + "告知").contains("十五日内").contains("第六十七条第三款").contains("百分之三加处罚款")
                .contains("第七十二条第一款第（一）项").contains("申请行政复议").contains("提起行政诉讼");
    }

    @Test
    void aDecisionNotCarriedOutIsFinedUnderArticle30AfterTheThreeDaysToStateAndDefend_LSSR30() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = handling.today();
        long id = lapsedOrder("沅江市酉建筑公司");
        decisions.recordDecision(id, jiancha, today.minusDays(10), today.minusDays(8), null);
        decisions.recordPenaltyNotice(id, jiancha, today.minusDays(6), CaseDecisions.PenaltyBasis.LSSR_30_3, new BigDecimal("5000"),
                "拒不履行行政处理决定，至今未支付拖欠的工资");
        String notice = checked(pdf(id, "penalty-notice.pdf", "jiancha"));
        assertThat(notice).contains("《劳动保障监察条例》第三十条第一款第（三）项").contains("罚款人民币5,000.00元")
                .doesNotContain("要求举行听证");
        decisions.recordService(id, jiancha, "PENALTY_NOTICE", "沅江市酉建筑公司", CaseDecisions.Manner.DIRECT, null, today.minusDays(5));
        assertThatThrownBy(() -> decisions.recordPenalty(id, jiancha, today.minusDays(2), new BigDecimal("5000"), null))
                .hasMessageContaining("最早于 " + today.minusDays(1));
        decisions.recordPenalty(id, jiancha, today.minusDays(1), new BigDecimal("5000"), null);
        assertThat(checked(pdf(id, "penalty.pdf", "jiancha"))).contains("罚款人民币5,000.00元").contains("第三十条第一款第（三）项")
                .doesNotContain("要求听证");
    }

    /**
     * One record of a decision: the administrative decision made and served here is the one the enforcement chain
     * (《行政强制法》第五十三条) and the deposit draw act on — its number, its service and what is still owed.
     */
    @Test
    void theServedDecisionStartsTheEnforcementChain_AdministrativeCoercionLawArt53() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = handling.today();
        long id = lapsedOrder("沅江市戌建筑公司");
        decisions.recordDecision(id, jiancha, today.minusDays(10), today.plusDays(5), null);
        assertThat(enforcement.chain(id)).as("made, not yet served").isEmpty();
        String number = jdbc.sql("SELECT number FROM case_decision WHERE case_id = :c AND kind = 'DECISION'").param("c", id)
                .query(String.class).single();
        decisions.recordService(id, jiancha, "DECISION", "沅江市戌建筑公司", CaseDecisions.Manner.DIRECT, null, today.minusDays(9));
        decisions.recordService(id, jiancha, "DECISION", "沅江市戌建筑公司", CaseDecisions.Manner.POST, null, today.minusDays(8));
        assertThat(enforcement.decisions(id)).singleElement().satisfies(d -> {
            assertThat(d.number()).isEqualTo(number);
            assertThat(d.kind()).isEqualTo("DECISION");
            assertThat(d.servedOn()).as("the first service counts").isEqualTo(today.minusDays(9));
            assertThat(d.deadline()).isEqualTo(today.plusDays(5));
            assertThat(d.amount()).isEqualByComparingTo(decisions.owed(id).stream().map(CaseDecisions.Owed::owed)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        });
        CaseEnforcement.Chain chain = enforcement.chain(id).orElseThrow();
        assertThat(chain.applyFrom()).isAfter(today.minusDays(9).plusMonths(6));
    }

    /** A notice of a 60,000 yuan fine served nine days ago and the penalty decided today (after the hearing days). */
    long penaltyDecided(String employer) {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = handling.today();
        long id = lapsedOrder(employer);
        decisions.recordPenaltyNotice(id, jiancha, today.minusDays(10), CaseDecisions.PenaltyBasis.REGS_57, new BigDecimal("60000"),
                "未按月考核农民工工作量、编制工资支付表");
        decisions.recordService(id, jiancha, "PENALTY_NOTICE", employer, CaseDecisions.Manner.DIRECT, null, today.minusDays(9));
        decisions.recordPenalty(id, jiancha, today, new BigDecimal("60000"), null);
        return id;
    }

    /** 《行政处罚法》第六十七条第三款: the fine is paid within fifteen days of receiving the decision; the page says by when. */
    @Test
    void theFineIsDueFifteenDaysAfterThePenaltyDecisionIsServed_AdministrativePenaltyLaw67() throws Exception {
        LocalDate today = handling.today();
        long id = penaltyDecided("沅江市亥建筑公司");
        assertThat(enforcement.decisions(id)).as("made, not served: no term runs").isEmpty();
        decisions.recordService(id, logins.principal("jiancha"), "PENALTY", "沅江市亥建筑公司", CaseDecisions.Manner.DIRECT, null, today);
        assertThat(enforcement.decisions(id)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("PENALTY");
            assertThat(d.servedOn()).isEqualTo(today);
            assertThat(d.deadline()).as("fifteen days from service").isEqualTo(today.plusDays(15));
            assertThat(d.amount()).isEqualByComparingTo("60000");
        });
        String page = mvc.perform(get("/cases/" + id).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("fine-term-").contains("应于 " + today.plusDays(15) + " 前缴纳罚款")
                .contains("《行政处罚法》第六十七条第三款");
    }

    /**
     * 《劳动保障监察条例》第十八条第一款: a case ends by a 行政处理决定 (第（二）项) or a 行政处罚决定 (第（一）项) only when
     * that decision was made on the case and served.
     */
    @Test
    void closingByADecisionNeedsTheDecisionMadeAndServed_LSSR18() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = handling.today();
        long id = lapsedOrder("沅江市甲建筑公司");
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha, Outcome.ADMINISTRATIVE_DECISION, "作出行政处理决定", null))
                .hasMessageContaining("尚未作出行政处理决定").hasMessageContaining("第十八条第一款第（二）项");
        decisions.recordDecision(id, jiancha, today.minusDays(2), today.plusDays(15), null);
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha, Outcome.ADMINISTRATIVE_DECISION, "作出行政处理决定", null))
                .hasMessageContaining("尚未记录送达");
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha, Outcome.ADMINISTRATIVE_PENALTY, "作出行政处罚决定", null))
                .as("a handling decision is no penalty").hasMessageContaining("尚未作出行政处罚决定")
                .hasMessageContaining("第十八条第一款第（一）项");
        decisions.recordService(id, jiancha, "DECISION", "沅江市甲建筑公司", CaseDecisions.Manner.DIRECT, null, today.minusDays(1));
        handling.resolve(id, version(id), jiancha, Outcome.ADMINISTRATIVE_DECISION, "作出行政处理决定并已送达", null);
        assertThat(jdbc.sql("SELECT outcome FROM case_file WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ADMINISTRATIVE_DECISION");

        long fined = penaltyDecided("沅江市乙建筑公司");
        assertThatThrownBy(() -> handling.resolve(fined, version(fined), jiancha, Outcome.ADMINISTRATIVE_PENALTY, "罚款", null))
                .hasMessageContaining("尚未记录送达").hasMessageContaining("《行政处罚法》第六十一条");
        decisions.recordService(fined, jiancha, "PENALTY", "沅江市乙建筑公司", CaseDecisions.Manner.DIRECT, null, today);
        handling.resolve(fined, version(fined), jiancha, Outcome.ADMINISTRATIVE_PENALTY, "作出行政处罚决定并已送达", null);
    }

    /**
     * 《行政处罚法》第六十三条第一款第（一）项 leaves 较大数额罚款 to the provinces: Hunan's 20,000 yuan for an organisation
     * applies to its counties, a region without a setting takes the documented default; the page cites which.
     */
    @Test
    void aLargeFineIsTheProvincesAmount_AdministrativePenaltyLaw63() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = handling.today();
        CaseDecisions.HearingThreshold hunan = decisions.hearingThreshold("430981");
        assertThat(hunan.regional()).isTrue();
        assertThat(hunan.regionCode()).isEqualTo("430000");
        assertThat(hunan.organisationFine()).isEqualByComparingTo("20000");
        CaseDecisions.HearingThreshold elsewhere = decisions.hearingThreshold("110101");
        assertThat(elsewhere.regional()).isFalse();
        assertThat(elsewhere.organisationFine()).isEqualByComparingTo("10000");

        long id = lapsedOrder("沅江市丙建筑公司");
        decisions.recordDecision(id, jiancha, today.minusDays(10), today.minusDays(8), null);
        String page = mvc.perform(get("/cases/" + id).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"hearing-threshold\"").contains("对单位处以 20,000 元以上罚款")
                .contains("第六十三条第一款第（一）项").contains("湖南省人民政府");
        // 15,000 yuan is below Hunan's amount: no hearing (the former flat 10,000 offered one).
        decisions.recordPenaltyNotice(id, jiancha, today.minusDays(6), CaseDecisions.PenaltyBasis.LSSR_30_3, new BigDecimal("15000"),
                "拒不履行行政处理决定，至今未支付拖欠的工资");
        assertThat(decisions.hearingRight(id, new BigDecimal("15000"))).isFalse();
        assertThat(decisions.hearingRight(id, new BigDecimal("20000"))).isTrue();
        assertThat(checked(pdf(id, "penalty-notice.pdf", "jiancha"))).contains("罚款人民币15,000.00元").doesNotContain("要求举行听证");
    }

    @Test
    void eachNewDocumentIsNumberedPerYearAndKindInTheRegionsPrefix() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long a = refusedCase("沅江市巳劳务公司");
        long b = refusedCase("沅江市午劳务公司");
        decisions.recordRefusalGround(a, jiancha, CaseDecisions.RefusalGround.LABOR_DISPUTE, null, null);
        decisions.recordRefusalGround(b, jiancha, CaseDecisions.RefusalGround.LABOR_DISPUTE, null, null);
        List<Integer> seqs = jdbc.sql("SELECT seq FROM case_document WHERE kind = 'REFUSAL' AND case_id IN (:a, :b) ORDER BY case_id")
                .param("a", a).param("b", b).query(Integer.class).list();
        assertThat(seqs).hasSize(2);
        assertThat(seqs.get(1)).isEqualTo(seqs.get(0) + 1);
        String number = jdbc.sql("SELECT number FROM case_document WHERE kind = 'REFUSAL' AND case_id = :b").param("b", b)
                .query(String.class).single();
        assertThat(number).isEqualTo("沅人社监不受〔" + handling.today().getYear() + "〕" + seqs.get(1) + "号")
                .doesNotContain(String.valueOf(b) + "号");
    }
}
