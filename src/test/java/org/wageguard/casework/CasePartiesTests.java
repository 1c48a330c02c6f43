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
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Who answers for the arrears, the responsible persons and their referral, and the reporter kept confidential. */
@DemoApplicationTest
class CasePartiesTests {

    @Autowired CaseIntake intake;
    @Autowired CaseParties parties;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    long register(CaseKind kind, String name, String employer, String projectCode) {
        Long employerId = jdbc.sql("SELECT id FROM employer WHERE name = :n").param("n", employer).query(Long.class).single();
        Long projectId = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", projectCode).query(Long.class).single();
        return intake.register(new Intake(Channel.HOTLINE, kind, name, MobilePhone.of("13907371234"), false, employerId,
                employer, projectId, "430981", "E", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), "分包拖欠",
                List.of(new Intake.Claimant("工人甲", null, new BigDecimal("8000"))), null, LocalDate.of(2026, 11, 26)));
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    @Test
    void theSeedsFiveArrestsAreRecordedOnTheirCases() {
        List<String> arrested = jdbc.sql("SELECT name FROM case_person WHERE referral_status = 'ARRESTED' ORDER BY name")
                .query(String.class).list();
        assertThat(arrested).contains("何峰", "彭鹏程", "曾宇", "曾婧", "钟斌");
        BigDecimal recovered = jdbc.sql("""
                SELECT sum(amount_recovered) FROM case_file c
                 WHERE EXISTS (SELECT 1 FROM case_person p WHERE p.case_id = c.id AND p.referral_status = 'ARRESTED')
                """).query(BigDecimal.class).single();
        assertThat(recovered).as("为农民工追回拖欠的26万余元工资").isBetween(new BigDecimal("260000"), new BigDecimal("270000"));
    }

    @Test
    void theGeneralContractorIsSuggestedAndRecordedAsLiableForItsSubcontractor() throws Exception {
        // The respondent is a subcontractor on YJ-2021-002; the project's general contractor pays first (Art. 30).
        long id = register(CaseKind.COMPLAINT, "工人甲", "沅江市顺达建筑劳务有限公司", "YJ-2021-002");
        CaseParties.Liable before = parties.liable(id);
        assertThat(before.employerId()).isNull();
        assertThat(before.suggestedId()).isNotNull();
        mvc.perform(post("/cases/" + id + "/liable").with(logins.as("jiancha")).with(csrf())
                .param("version", String.valueOf(version(id))).param("employerId", String.valueOf(before.suggestedId())).param("basis", "ART30"));
        CaseParties.Liable after = parties.liable(id);
        assertThat(after.employerId()).isEqualTo(before.suggestedId());
        assertThat(after.basis()).isEqualTo("ART30");
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c AND action = 'LIABLE'").param("c", id)
                .query(Long.class).single()).isEqualTo(1);
        int status = mvc.perform(post("/cases/" + id + "/liable").with(logins.as("zhujian")).with(csrf())
                .param("employerId", String.valueOf(before.suggestedId())).param("basis", "ART36"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void aPersonsReferralIsRecordedOnlyOnACaseReferredToThePolice() {
        long id = register(CaseKind.COMPLAINT, "工人甲", "沅江市顺达建筑劳务有限公司", "YJ-2021-002");
        long person = parties.addPerson(id, logins.principal("jiancha"), CaseParties.PersonRole.LABOR_CONTRACTOR, "包某",
                "430981198001010013");
        assertThat(parties.persons(id)).singleElement().satisfies(p -> {
            assertThat(p.idNumberMasked()).doesNotContain("198001010013");
            assertThat(p.referralStatus()).isEqualTo("NONE");
        });
        assertThatThrownBy(() -> parties.setReferral(id, person, 0, logins.principal("jiancha"), CaseParties.Referral.ARRESTED, null))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("移送公安机关");
        assertThatThrownBy(() -> parties.setReferral(id, person, 0, logins.principal("zhujian"), CaseParties.Referral.NONE, null))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("劳动保障监察");
        assertThatThrownBy(() -> parties.addPerson(id, logins.principal("zhujian"), CaseParties.PersonRole.OTHER, "某", null))
                .isInstanceOf(CaseRuleException.class);
    }

    @Test
    void aNamedReportersIdentityIsShownOnlyToTheOfficersHandlingIt() throws Exception {
        long id = register(CaseKind.REPORT, "举报人甲乙", "沅江市顺达建筑劳务有限公司", "YJ-2021-002");
        String inspector = mvc.perform(get("/cases/" + id).with(logins.as("jiancha"))).andReturn().getResponse().getContentAsString();
        assertThat(inspector).contains("举报人甲乙");
        String department = mvc.perform(get("/cases/" + id).with(logins.as("zhujian"))).andReturn().getResponse().getContentAsString();
        assertThat(department).doesNotContain("举报人甲乙").contains("举报人信息保密");
        String office = mvc.perform(get("/cases/" + id).with(logins.as("zhiqianban"))).andReturn().getResponse().getContentAsString();
        assertThat(office).doesNotContain("举报人甲乙");
    }
}
