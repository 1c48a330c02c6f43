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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The task force: its members, its duty roster within its period, and what it handled. */
@DemoApplicationTest
class TaskForceTests {

    @Autowired TaskForces taskForces;
    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    TaskForces.TaskForce named(String prefix) {
        return taskForces.list("430981").stream().filter(t -> t.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void theSeedsTaskForceHandledTheCasesBeforeTheSpringFestival() {
        TaskForces.TaskForce t = named("2021年春节前");
        long expected = jdbc.sql("""
                SELECT count(*) FROM case_file WHERE registered_on BETWEEN '2021-01-04' AND '2021-02-28'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN')
                """).query(Long.class).single();
        BigDecimal claimed = jdbc.sql("""
                SELECT sum(amount_claimed) FROM case_file WHERE registered_on BETWEEN '2021-01-04' AND '2021-02-28'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN')
                """).query(BigDecimal.class).single();
        TaskForces.Handled h = taskForces.handled(t.id());
        assertThat(h.cases()).isEqualTo(expected).isGreaterThan(15);
        assertThat(h.claimed()).isEqualByComparingTo(claimed);
        assertThat(taskForces.members(t.id())).extracting(TaskForces.Member::departmentName)
                .contains("沅江市劳动保障监察局", "沅江市住房和城乡建设局", "沅江市公安局");
        // Ten days of concentrated reception, two on duty each day.
        assertThat(taskForces.roster(t.id())).hasSize(20)
                .allSatisfy(s -> assertThat(s.day()).isBetween(LocalDate.of(2021, 2, 2), LocalDate.of(2021, 2, 11)));
    }

    @Test
    void aMatterRegisteredWhileATaskForceSitsIsCountedAsItsOwn() {
        TaskForces.TaskForce winter = named("2027年春节前");
        long before = taskForces.handled(winter.id()).cases();
        long id = intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "贺小兵", null, false, null,
                "沅江市某装饰工程队", null, "430981", "E", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 15),
                "装修班组工资未发", List.of(new Intake.Claimant("贺小兵", null, new BigDecimal("5200"))), null,
                LocalDate.of(2026, 11, 27)));
        assertThat(jdbc.sql("SELECT task_force_id FROM case_file WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(winter.id());
        assertThat(taskForces.handled(winter.id()).cases()).isEqualTo(before + 1);
    }

    @Test
    void theRosterKeepsToThePeriodAndToMembers() {
        TaskForces.TaskForce winter = named("2027年春节前");
        long member = taskForces.members(winter.id()).get(0).id();
        long otherMember = taskForces.members(named("2021年春节前").id()).get(0).id();
        assertThatThrownBy(() -> taskForces.schedule(winter.id(), LocalDate.of(2027, 3, 1), member, "大厅"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("存续期间");
        assertThatThrownBy(() -> taskForces.schedule(winter.id(), LocalDate.of(2027, 1, 20), otherMember, "大厅"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("本专班成员");
        taskForces.schedule(winter.id(), LocalDate.of(2027, 1, 20), member, "市人社局一楼联合接访大厅");
        assertThatThrownBy(() -> taskForces.schedule(winter.id(), LocalDate.of(2027, 1, 20), member, "大厅"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("已排班");
        assertThatThrownBy(() -> taskForces.form("专班", "430981", 1L, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1),
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 5), null, "x"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("集中接访");
    }

    @Test
    void theOfficeFormsTaskForcesAndOthersOnlyLook() throws Exception {
        mvc.perform(get("/taskforces").with(logins.as("jiancha")))
                .andExpect(content().string(containsString("2021年春节前根治拖欠农民工工资工作专班")));
        int denied = mvc.perform(post("/taskforces").with(logins.as("jiancha")).with(csrf()).param("name", "x")
                .param("periodFrom", "2027-01-01").param("periodTo", "2027-02-01")).andReturn().getResponse().getStatus();
        assertThat(denied).isEqualTo(403);
        String location = mvc.perform(post("/taskforces").with(logins.as("zhiqianban")).with(csrf())
                .param("name", "2027年“两节”期间欠薪应急处置专班").param("periodFrom", "2027-01-01").param("periodTo", "2027-02-28"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/taskforces/\\d+");
        mvc.perform(get(location).with(logins.as("zhiqianban")))
                .andExpect(content().string(containsString("2027年“两节”期间欠薪应急处置专班")));
    }
}
