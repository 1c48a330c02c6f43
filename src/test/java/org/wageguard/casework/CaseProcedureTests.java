package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 15, procedure as the law reads it: one handling clock from acceptance (《劳动保障监察条例》第十七条, filed on the
 * day of acceptance), two inspectors who are officers with accounts (第十六条), outcomes that confirm no arrears
 * (查无实据, 移交他处), and the two-year limit counted from the end of a continuing violation (第二十条).
 */
@DemoApplicationTest
class CaseProcedureTests {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseApprovals approvals;
    @Autowired WorkingDays workingDays;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    long register(String employer, LocalDate periodTo) {
        return intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "谢长青", MobilePhone.of("13907371501"),
                false, null, employer, null, "430981", "E", periodTo.minusMonths(2), periodTo, "拖欠工资",
                List.of(new Intake.Claimant("谢长青", null, new BigDecimal("7300"))), null, null));
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    /** Files the case as the law has it: the inspector asks, the head of the inspection body approves. */
    void file(long caseId, OfficerPrincipal inspector, String inspectors) {
        long approval = approvals.requestFiling(caseId, version(caseId), inspector, inspectors);
        approvals.decide(caseId, approval, 0, logins.principal("jianchazhang"), true, null);
    }

    LocalDate handlingDue(long caseId) {
        return jdbc.sql("SELECT handling_due FROM case_file WHERE id = :id").param("id", caseId).query(Date.class).single().toLocalDate();
    }

    @Test
    void coordinationAndFilingRunOnOneSixtyWorkingDayClockFromAcceptance() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long id = register("沅江市庚建筑公司", LocalDate.of(2026, 10, 31));
        handling.accept(id, version(id), jiancha);
        // Accepted twenty working days ago (the day of filing by law), coordinated since.
        LocalDate accepted = LocalDate.of(2026, 11, 5);
        jdbc.sql("UPDATE case_file SET accepted_on = :d WHERE id = :id").param("d", Date.valueOf(accepted)).param("id", id).update();
        handling.coordinate(id, version(id), jiancha);
        assertThat(handlingDue(id)).isBeforeOrEqualTo(workingDays.plus(accepted, 60));
        file(id, jiancha, "jiancha、李志明");
        assertThat(handlingDue(id)).as("filing after coordinating starts no fresh clock").isEqualTo(workingDays.plus(accepted, 60));
        assertThat(jdbc.sql("SELECT inspectors FROM case_file WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("黄国平（jiancha）、李志明（jiancha2）");
    }

    @Test
    void theTwoInspectorsAreOfficersWithInspectorAccountsNotTypedNames() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long id = register("沅江市辛建筑公司", LocalDate.of(2026, 10, 31));
        handling.accept(id, version(id), jiancha);
        assertThatThrownBy(() -> approvals.requestFiling(id, version(id), jiancha, "张三、李四"))
                .hasMessageContaining("“张三”不是持有劳动保障监察员账号的在岗人员").hasMessageContaining("第十六条");
        assertThatThrownBy(() -> approvals.requestFiling(id, version(id), jiancha, "zhujian、jiancha"))
                .as("an industry officer holds no inspector's credentials").hasMessageContaining("“zhujian”");
        assertThatThrownBy(() -> approvals.requestFiling(id, version(id), jiancha, "jiancha、黄国平"))
                .as("one officer named twice is one inspector").hasMessageContaining("两名以上");
        file(id, jiancha, "黄国平 jiancha2");
        assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("FILED");
    }

    @Test
    void anUnfoundedComplaintConfirmsNoArrearsAndClosesWithoutAPaymentToVerify() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市顺达建筑劳务有限公司'").query(Long.class).single();
        long id = intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "谢长林", MobilePhone.of("13907371502"),
                false, employer, "沅江市顺达建筑劳务有限公司", null, "430981", "E", LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 10, 31), "反映拖欠工资", List.of(new Intake.Claimant("谢长林", null, new BigDecimal("3100"))),
                null, null));
        handling.accept(id, version(id), jiancha);
        handling.coordinate(id, version(id), jiancha);
        assertThatThrownBy(() -> handling.resolve(id, version(id), jiancha, Outcome.UNFOUNDED, " ", null))
                .hasMessageContaining("须写明情况");
        handling.resolve(id, version(id), jiancha, Outcome.UNFOUNDED, "经查工资表与银行代发流水，工资已按月足额发放", null);
        assertThat(jdbc.sql("SELECT count(*) FROM employer_arrears_record WHERE case_reference = (SELECT number FROM case_file WHERE id = :id)")
                .param("id", id).query(Long.class).single()).as("no arrears record for the employer").isZero();
        handling.close(id, version(id), jiancha);
        assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("CLOSED");
    }

    @Test
    void unpaidArrearsAreAContinuingViolationWithinTheTwoYearLimit() throws Exception {
        long id = register("沅江市壬建筑公司", LocalDate.of(2023, 6, 30));
        assertThat(jdbc.sql("SELECT note FROM case_event WHERE case_id = :id AND action = 'REGISTER'").param("id", id)
                .query(String.class).single()).doesNotContain("不再查处");
        String page = mvc.perform(get("/cases/" + id).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("依《劳动保障监察条例》第二十条不再查处").contains("继续状态").contains("第二十条");
        assertThat(CaseIntake.beyondTwoYears(null, LocalDate.of(2026, 12, 3))).as("unpaid: never beyond").isFalse();
        assertThat(CaseIntake.beyondTwoYears(LocalDate.of(2024, 12, 2), LocalDate.of(2026, 12, 3))).as("paid three years ago").isTrue();
    }
}
