package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.SensitiveData;
import org.wageguard.reporting.WorkSummary;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, the money trail as 《保障农民工工资支付条例》 reads it: 第三条 — the worker's right to be paid in full and on
 * time; 第十一条 — wages in money, by bank transfer or in cash, to the worker in person. Each worker's payments are a
 * list (instalments), a ¥0 payment is none, a shortfall stays visible and needs its reason before the case is verified.
 */
@DemoApplicationTest
class CaseMoneyTrailTests {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired SensitiveData sensitive;
    @Autowired WorkSummary summary;

    long employer() {
        return jdbc.sql("SELECT id FROM employer WHERE name = '沅江市顺达建筑劳务有限公司'").query(Long.class).single();
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    int claimantVersion(long claimantId) {
        return jdbc.sql("SELECT version FROM case_claimant WHERE id = :id").param("id", claimantId).query(Integer.class).single();
    }

    long claimant(long caseId, String name) {
        return jdbc.sql("SELECT id FROM case_claimant WHERE case_id = :c AND name = :n").param("c", caseId).param("n", name)
                .query(Long.class).single();
    }

    String caseStatus(long caseId) {
        return jdbc.sql("SELECT status FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single();
    }

    /** A complaint coordinated and resolved by mediation, with its workers. */
    long resolvedCase(String phone, Intake.Claimant... workers) {
        long caseId = intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, workers[0].name(), MobilePhone.of(phone),
                false, employer(), "沅江市顺达建筑劳务有限公司", null, "430981", "E", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 31), "拖欠工资", List.of(workers), null, LocalDate.of(2026, 11, 26)));
        OfficerPrincipal jiancha = logins.principal("jiancha");
        handling.accept(caseId, version(caseId), jiancha);
        handling.coordinate(caseId, version(caseId), jiancha);
        handling.resolve(caseId, version(caseId), jiancha, Outcome.MEDIATED, "调解", null);
        return caseId;
    }

    @Test
    void aCaseFromAnAlertWithoutWorkersIsToldToAddThemAndThenTakesItsOutcomeWithTheirArrears() throws Exception {
        long caseId = intake.register(new Intake(Channel.ALERT, CaseKind.REPORT, null, null, true, employer(),
                "沅江市顺达建筑劳务有限公司", null, "430981", "E", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                "预警：连续两月未代发工资", List.of(), null, LocalDate.of(2026, 11, 26), "ALERT-T1", 3, null));
        OfficerPrincipal jiancha = logins.principal("jiancha");
        handling.accept(caseId, version(caseId), jiancha);
        handling.coordinate(caseId, version(caseId), jiancha);

        mvc.perform(post("/cases/" + caseId + "/resolve").with(logins.as("jiancha")).with(csrf())
                        .param("version", "" + version(caseId)).param("outcome", "MEDIATED").param("note", "调解"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("请先在“涉及农民工”中补充登记")));
        assertThat(caseStatus(caseId)).isEqualTo("COORDINATING");

        mvc.perform(post("/cases/" + caseId + "/claimants").with(logins.as("jiancha")).with(csrf())
                        .param("version", "" + version(caseId)).param("name", "彭建国").param("amount", "6200"))
                .andExpect(flash().attribute("flash", "已保存。"));
        mvc.perform(post("/cases/" + caseId + "/claimants").with(logins.as("jiancha")).with(csrf())
                        .param("version", "" + version(caseId)).param("name", "彭小军").param("amount", "0"))
                .andExpect(flash().attribute("error", containsString("主张金额须大于零")));
        assertThat(jdbc.sql("SELECT count(*) FROM case_claimant WHERE case_id = :c").param("c", caseId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT amount_claimed FROM case_file WHERE id = :c").param("c", caseId).query(BigDecimal.class).single())
                .isEqualByComparingTo("6200");

        mvc.perform(post("/cases/" + caseId + "/resolve").with(logins.as("jiancha")).with(csrf())
                        .param("version", "" + version(caseId)).param("outcome", "MEDIATED").param("note", "调解"))
                .andExpect(flash().attribute("flash", "已保存。"));
        assertThat(caseStatus(caseId)).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("SELECT amount FROM employer_arrears_record WHERE case_reference = (SELECT number FROM case_file WHERE id = :c)")
                .param("c", caseId).query(BigDecimal.class).single()).isEqualByComparingTo("6200");
    }

    @Test
    void aWorkerPaidNineThousandOfNineThousandEightHundredShowsTheShortfallAndTheCaseIsNotVerifiedWithoutItsReason() throws Exception {
        long caseId = resolvedCase("13907371301", new Intake.Claimant("龚卫东", null, new BigDecimal("9800")),
                new Intake.Claimant("龚卫红", null, new BigDecimal("5000")));
        long dong = claimant(caseId, "龚卫东");
        long hong = claimant(caseId, "龚卫红");

        // Two instalments to one worker and one payment in full to the other, in one save of the table.
        mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha")).with(csrf())
                        .param("claimant", "" + dong, "" + hong)
                        .param("version_" + dong, "" + claimantVersion(dong)).param("amount_" + dong, "5000")
                        .param("paidOn_" + dong, "2026-11-27").param("manner_" + dong, "BANK_TRANSFER").param("evidence_" + dong, "农行回单 01")
                        .param("version_" + hong, "" + claimantVersion(hong)).param("amount_" + hong, "5000")
                        .param("paidOn_" + hong, "2026-11-27").param("manner_" + hong, "CASH").param("evidence_" + hong, "现金签收单 07"))
                .andExpect(flash().attribute("flash", "已保存 2 笔发放记录。"));
        handling.recordPayments(caseId, logins.principal("jiancha"), List.of(new CaseHandling.PaymentLine(dong,
                claimantVersion(dong), null, new BigDecimal("4000"), LocalDate.of(2026, 11, 30),
                CaseHandling.PaymentManner.BANK_TRANSFER, "农行回单 02", null)));

        assertThat(jdbc.sql("SELECT count(*) FROM case_payment WHERE claimant_id = :k").param("k", dong).query(Long.class).single())
                .as("instalments are kept one by one").isEqualTo(2);
        record Money(BigDecimal amountPaidOut, int workersPaid, BigDecimal amountShortfall) {
        }
        Money m = jdbc.sql("SELECT amount_paid_out, workers_paid, amount_shortfall FROM case_file WHERE id = :c").param("c", caseId)
                .query(org.wageguard.shared.Rows.of(Money.class)).single();
        assertThat(m.amountPaidOut()).isEqualByComparingTo("14000");
        assertThat(m.workersPaid()).as("only the worker paid in full counts as paid").isEqualTo(1);
        assertThat(m.amountShortfall()).isEqualByComparingTo("800");
        String page = mvc.perform(get("/cases/" + caseId).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("第三条").contains("第十一条").contains("农行回单 02").contains("800.00");

        mvc.perform(post("/cases/" + caseId + "/verify").with(logins.as("jiancha")).with(csrf()).param("version", "" + version(caseId)))
                .andExpect(flash().attribute("error", containsString("龚卫东（核定 9800.00 元，已发放 9000.00 元，差额 800.00 元）")));
        assertThat(caseStatus(caseId)).isEqualTo("RESOLVED");

        mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha")).with(csrf()).param("claimant", "" + dong)
                        .param("version_" + dong, "" + claimantVersion(dong)).param("confirmed_" + dong, "9800.00")
                        .param("paidOn_" + dong, "2026-12-01").param("reason_" + dong, "工人签字确认的和解协议：余款 800 元放弃（2026-12-01）"))
                .andExpect(flash().attribute("flash", "已保存 0 笔发放记录。"));
        handling.verifyPayment(caseId, version(caseId), logins.principal("jiancha"));
        handling.close(caseId, version(caseId), logins.principal("jiancha"));
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT amount_shortfall FROM case_file WHERE id = :c").param("c", caseId).query(BigDecimal.class).single())
                .as("the shortfall stays on the record after closing").isEqualByComparingTo("800");
        WorkSummary.Figure paidOut = summary.figures("430981", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))
                .figures().get("paidOut");
        assertThat(paidOut.value()).contains("未足额差额");
        assertThat(paidOut.definition()).contains("¥0 不算发放").contains("未足额差额");
    }

    @Test
    void aZeroPaymentIsNoPaymentAndTheWorkerStaysUnpaid() throws Exception {
        long caseId = resolvedCase("13907371302", new Intake.Claimant("龚志强", null, new BigDecimal("4600")));
        long k = claimant(caseId, "龚志强");
        mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha")).with(csrf()).param("claimant", "" + k)
                        .param("version_" + k, "" + claimantVersion(k)).param("amount_" + k, "0")
                        .param("paidOn_" + k, "2026-11-30").param("manner_" + k, "CASH").param("evidence_" + k, "签收单"))
                .andExpect(flash().attribute("error", "龚志强：发放金额须大于零，¥0 不算发放。"));
        assertThat(jdbc.sql("SELECT paid_on FROM case_claimant WHERE id = :k").param("k", k).query(java.sql.Date.class).optional())
                .isEmpty();
        mvc.perform(post("/cases/" + caseId + "/verify").with(logins.as("jiancha")).with(csrf()).param("version", "" + version(caseId)))
                .andExpect(flash().attribute("error", containsString("龚志强")));
        assertThat(caseStatus(caseId)).isEqualTo("RESOLVED");
    }

    @Test
    void aPaymentThatMatchesTheBanksDisbursementToTheWorkerIsLinkedToIt() throws Exception {
        record Row(long id, String payeeName, String payeeIdCipher, BigDecimal amount, java.sql.Date valueDate, String transactionId) {
        }
        Row d = jdbc.sql("""
                SELECT id, payee_name, payee_id_cipher, amount, value_date, transaction_id FROM disbursement
                 WHERE current AND status = 'SUCCESS' AND payee_id_cipher IS NOT NULL AND amount > 0 AND value_date <= CURRENT_DATE
                 ORDER BY id LIMIT 1
                """).query(org.wageguard.shared.Rows.of(Row.class)).single();
        String idNumber = sensitive.decryptForProcessing(d.payeeIdCipher());
        long caseId = resolvedCase("13907371303", new Intake.Claimant(d.payeeName(), idNumber, d.amount()));
        long k = claimant(caseId, d.payeeName());
        handling.recordPayments(caseId, logins.principal("jiancha"), List.of(new CaseHandling.PaymentLine(k, claimantVersion(k),
                null, d.amount(), d.valueDate().toLocalDate(), CaseHandling.PaymentManner.BANK_TRANSFER, "银行代发", null)));
        assertThat(jdbc.sql("SELECT disbursement_id FROM case_payment WHERE claimant_id = :k").param("k", k).query(Long.class).single())
                .isEqualTo(d.id());
        String page = mvc.perform(get("/cases/" + caseId).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("银行代发流水 " + d.transactionId());
    }

    @Test
    void twoOfficersSavingThePaymentsTableTheSecondIsToldAndNoneOfTheirLinesIsWritten() throws Exception {
        jdbc.sql("""
                INSERT INTO officer (username, display_name, password_hash, region_code, department_id, title)
                SELECT 'jiancha3', '周建新', password_hash, region_code, department_id, title FROM officer WHERE username = 'jiancha'
                ON CONFLICT (username) DO NOTHING
                """).update();
        jdbc.sql("INSERT INTO officer_role (officer_id, role_code) SELECT id, 'LABOR_INSPECTOR' FROM officer WHERE username = 'jiancha3' ON CONFLICT DO NOTHING")
                .update();
        long caseId = resolvedCase("13907371304", new Intake.Claimant("曹一", null, new BigDecimal("3000")),
                new Intake.Claimant("曹二", null, new BigDecimal("3000")));
        long one = claimant(caseId, "曹一");
        long two = claimant(caseId, "曹二");
        int v1 = claimantVersion(one);
        int v2 = claimantVersion(two);
        mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha")).with(csrf()).param("claimant", "" + one)
                        .param("version_" + one, "" + v1).param("amount_" + one, "3000").param("paidOn_" + one, "2026-11-30")
                        .param("manner_" + one, "BANK_TRANSFER").param("evidence_" + one, "回单 A"))
                .andExpect(flash().attribute("flash", "已保存 1 笔发放记录。"));
        mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha3")).with(csrf())
                        .header("Referer", "http://localhost/cases/" + caseId).param("claimant", "" + one, "" + two)
                        .param("version_" + one, "" + v1).param("amount_" + one, "3000").param("paidOn_" + one, "2026-11-30")
                        .param("manner_" + one, "CASH").param("evidence_" + one, "回单 B")
                        .param("version_" + two, "" + v2).param("amount_" + two, "3000").param("paidOn_" + two, "2026-11-30")
                        .param("manner_" + two, "CASH").param("evidence_" + two, "回单 C"))
                .andExpect(redirectedUrl("/cases/" + caseId))
                .andExpect(flash().attribute("error", containsString("该记录已被其他人修改（jiancha 于 ")));
        assertThat(jdbc.sql("SELECT evidence FROM case_payment WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query(String.class).list()).containsExactly("回单 A");
    }
}
