package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.ChineseLineBreaking;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, documents: numbered per year and per kind in the region's own prefix; the transfer letter only where the
 * referral applies (《行政执法机关移送涉嫌犯罪案件的规定》 — an unheeded order, arrears unpaid); a supervision notice only
 * for what is overdue; Chinese line breaking (避头尾) in every PDF. Read back with pdftotext.
 */
@DemoApplicationTest
class CaseDocumentRulesTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseDocuments documents;

    static List<String> lines(byte[] pdf) throws Exception {
        return PdfText.lines(pdf);
    }

    static String text(byte[] pdf) throws Exception {
        return PdfText.text(pdf);
    }

    long register(String region, String employer) {
        return intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "刘建华", MobilePhone.of("13907371401"),
                false, null, employer, null, region, "E", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), "拖欠工资",
                List.of(new Intake.Claimant("刘建华", null, new BigDecimal("5200"))), null, null));
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    long assigned(String region, String employer) {
        long id = register(region, employer);
        OfficerPrincipal office = logins.principal("zhiqianban");
        if (!region.startsWith("430981")) {
            // The other county's own office: every step acts within the officer's data scope.
            office = new OfficerPrincipal(office.id(), office.username(), office.displayName(), office.passwordHash(),
                    true, false, false, region, office.departmentId(), office.departmentName(), null, office.roles(),
                    office.permissions(), new org.wageguard.identity.DataScope(org.wageguard.identity.DataScopeType.REGION,
                            region, java.util.Set.of(), null, null, office.id()));
        }
        long department = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        handling.assign(id, version(id), office, department, 10);
        return id;
    }

    @Test
    void documentNumbersRunPerYearAndKindInTheRegionsPrefixNotTheDatabaseId() throws Exception {
        int year = handling.today().getYear();
        long first = assigned("430981", "沅江市甲建筑公司");
        register("430981", "沅江市乙建筑公司"); // a case between them: ids skip, document numbers do not
        long second = assigned("430981", "沅江市丙建筑公司");
        String a = text(mvc.perform(get("/cases/" + first + "/documents/assignment.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        String b = text(mvc.perform(get("/cases/" + second + "/documents/assignment.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        int seqA = jdbc.sql("SELECT seq FROM case_document WHERE case_id = :c AND kind = 'ASSIGNMENT'").param("c", first)
                .query(Integer.class).single();
        assertThat(a).contains("沅治欠交〔" + year + "〕" + seqA + "号");
        assertThat(b).contains("沅治欠交〔" + year + "〕" + (seqA + 1) + "号");
        String again = text(mvc.perform(get("/cases/" + first + "/documents/assignment.pdf").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(again).as("a reprint keeps its number").contains("沅治欠交〔" + year + "〕" + seqA + "号");

        // Another county without a setting of its own: its prefix is the first character of its name, on the case
        // number, the document numbers and the issuing body alike.
        long nanxian = assigned("430921", "南县丁建筑公司");
        assertThat(jdbc.sql("SELECT number FROM case_file WHERE id = :c").param("c", nanxian).query(String.class).single())
                .startsWith("南欠〔" + year + "〕");
        String n = text(documents.pdf(nanxian, CaseDocuments.Kind.ASSIGNMENT, handling.today()));
        assertThat(n).contains("南治欠交〔" + year + "〕1号").contains("南县根治拖欠农民工工资工作领导小组办公室").doesNotContain("沅治欠交").doesNotContain("沅江市根治");
    }

    @Test
    void theTransferLetterOnlyWhereTheReferralAppliesAndARefusalIsAChinesePage() throws Exception {
        // A case resolved within the order's deadline, paid and closed: no referral applies.
        long closed = jdbc.sql("""
                SELECT c.id FROM case_file c WHERE c.status IN ('CLOSED','TRACKING_ENDED') AND c.outcome <> 'REFERRED_TO_POLICE'
                   AND EXISTS (SELECT 1 FROM payment_order o WHERE o.case_id = c.id) ORDER BY c.id LIMIT 1
                """).query(Long.class).single();
        String page = mvc.perform(get("/cases/" + closed).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("documents/transfer.pdf");
        String refused = mvc.perform(get("/cases/" + closed + "/documents/transfer.pdf").with(logins.as("jiancha")))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("<html").contains("本案不具备移送条件").contains("返回案件");

        long referred = jdbc.sql("SELECT id FROM case_file WHERE employer_name = '沅江市信峰船舶制造有限公司' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        assertThat(mvc.perform(get("/cases/" + referred).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString())
                .contains("documents/transfer.pdf");
        assertThat(text(mvc.perform(get("/cases/" + referred + "/documents/transfer.pdf").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .contains("沅江市公安局").contains("沅人社移〔");
    }

    @Test
    void aSupervisionNoticeSaysOverdueOnlyForACaseThatIsAndNamesTheDeadline() throws Exception {
        long fresh = register("430981", "沅江市戊建筑公司");
        String refused = mvc.perform(get("/cases/" + fresh + "/documents/supervision.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("没有超过期限的事项");

        long late = intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "刘建军", MobilePhone.of("13907371402"),
                false, null, "沅江市己建筑公司", null, "430981", "E", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), "拖欠工资",
                List.of(new Intake.Claimant("刘建军", null, new BigDecimal("5200"))), null, LocalDate.of(2026, 11, 2)));
        String due = jdbc.sql("SELECT accept_due::text FROM case_file WHERE id = :c").param("c", late).query(String.class).single();
        String notice = text(mvc.perform(get("/cases/" + late + "/documents/supervision.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(notice).contains("已超过办理期限（受理期限" + due);
    }

    @Test
    void noPdfLineBeginsWithAClosingMarkNorEndsWithAnOpeningOne() throws Exception {
        List<String> paragraphs = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            paragraphs.add("欠".repeat(k) + "依据《劳动保障监察条例》第十七条，“两名”监察员（持证）办理。再查，“核实”；完毕！（附件）《通知》");
        }
        List<String> lines = lines(documents.notice("避头尾检查", "测试〔2026〕1号", paragraphs, "沅江市人力资源和社会保障局",
                LocalDate.of(2026, 12, 3)));
        assertThat(lines.size()).as("the paragraphs wrap").isGreaterThan(80);
        for (String line : lines) {
            assertThat("，。、；：？！）》」』”".indexOf(line.charAt(0))).as("line begins with a closing mark: " + line).isNegative();
            assertThat("（《「『“".indexOf(line.charAt(line.length() - 1))).as("line ends with an opening mark: " + line).isNegative();
        }
        assertThat(ChineseLineBreaking.NO_LINE_START).contains("，", "。", "》", "）");
    }
}
