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
import org.wageguard.identity.Notifications;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Per-channel clocks, first contact, and the supervision of whatever is overdue, once per deadline. */
@DemoApplicationTest
class CaseSupervisionTests {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired CaseClocks clocks;
    @Autowired CaseSupervision supervision;
    @Autowired WorkingDays workingDays;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    long project(String code) {
        return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
    }

    long register(Channel channel, LocalDate on, String employer) {
        long employerId = jdbc.sql("SELECT id FROM employer WHERE name = :n").param("n", employer).query(Long.class).single();
        return intake.register(new Intake(channel, CaseKind.COMPLAINT, "刘长庚", MobilePhone.of("13907370001"), false,
                employerId, employer, project("YJ-2021-005"), "430981", "E", on.minusMonths(3), on.minusMonths(1),
                "拖欠两个月工资", List.of(new Intake.Claimant("刘长庚", null, new BigDecimal("9000"))), null, on));
    }

    <T> T column(long caseId, String column, Class<T> type) {
        return jdbc.sql("SELECT " + column + " FROM case_file WHERE id = :id").param("id", caseId).query(type).single();
    }

    @Test
    void aChannelsClockSetsTheDeadlinesOfWhatIsRegisteredAfterwards() {
        CaseClocks.Clock before = clocks.of(Channel.LETTER_VISIT);
        LocalDate today = handling.today();
        try {
            clocks.set(new CaseClocks.Clock(Channel.LETTER_VISIT, 3, 2, 20, before.version()), "zhiqianban");
            long id = register(Channel.LETTER_VISIT, today, "沅江市顺达建筑劳务有限公司");
            assertThat(column(id, "accept_due", java.sql.Date.class).toLocalDate()).isEqualTo(workingDays.plus(today, 3));
            assertThat(column(id, "first_contact_due", java.sql.Date.class).toLocalDate()).isEqualTo(workingDays.plus(today, 2));
            handling.accept(id, column(id, "version", Integer.class), officer("jiancha"));
            handling.coordinate(id, column(id, "version", Integer.class), officer("jiancha"));
            assertThat(column(id, "handling_due", java.sql.Date.class).toLocalDate()).isEqualTo(workingDays.plus(today, 20));
        } finally {
            clocks.set(new CaseClocks.Clock(Channel.LETTER_VISIT, before.acceptDays(), before.firstContactDays(),
                    before.coordinationDays(), clocks.of(Channel.LETTER_VISIT).version()), "test");
        }
    }

    @Test
    void theLegalLimitOfFiveWorkingDaysToAcceptCannotBeLengthened() {
        assertThatThrownBy(() -> clocks.set(new CaseClocks.Clock(Channel.HOTLINE, 6, 1, 15, 0), "zhiqianban"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("5 个工作日");
    }

    org.wageguard.identity.OfficerPrincipal officer(String username) {
        return logins.principal(username);
    }

    @Test
    void anOverdueMatterIsSupervisedOnceAndTheDepartmentAndTheOfficeAreNotified() {
        // Registered twenty working days ago and never accepted nor contacted: two deadlines passed.
        LocalDate longAgo = handling.today().minusDays(30);
        long id = register(Channel.HOTLINE, longAgo, "沅江市顺达建筑劳务有限公司");
        long department = column(id, "department_id", Long.class);
        long office = notifications.leadershipOffice("430981").orElseThrow();
        long departmentBefore = notifications.unread(department);
        long officeBefore = notifications.unread(office);

        CaseSupervision.Run first = supervision.run("system");
        assertThat(first.ran()).isTrue();
        List<String> kinds = jdbc.sql("SELECT kind FROM case_supervision WHERE case_id = :c ORDER BY kind")
                .param("c", id).query(String.class).list();
        assertThat(kinds).containsExactly("ACCEPT", "CONTACT");
        assertThat(notifications.unread(department) - departmentBefore).isGreaterThanOrEqualTo(2);
        assertThat(notifications.unread(office) - officeBefore).isGreaterThanOrEqualTo(2);
        assertThat(notifications.of(department, true, 500)).anySatisfy(n -> {
            assertThat(n.link()).isEqualTo("/cases/" + id);
            assertThat(n.body()).contains("逾期未受理");
        });

        supervision.run("system");
        assertThat(jdbc.sql("SELECT count(*) FROM case_supervision WHERE case_id = :c").param("c", id)
                .query(Long.class).single()).as("each deadline is supervised once").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c AND action = 'SUPERVISE'").param("c", id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void contactingTheComplainantStopsTheFirstContactClock() {
        LocalDate recently = handling.today().minusDays(1);
        long id = register(Channel.PLATFORM, recently, "沅江市顺达建筑劳务有限公司");
        handling.contact(id, officer("jiancha"), "电话联系，约定到场核实");
        assertThat(column(id, "first_contacted_on", java.sql.Date.class).toLocalDate()).isEqualTo(handling.today());
        supervision.run("system");
        assertThat(jdbc.sql("SELECT count(*) FROM case_supervision WHERE case_id = :c AND kind = 'CONTACT'").param("c", id)
                .query(Long.class).single()).isZero();
        assertThatThrownBy(() -> handling.contact(id, officer("yinhang"), "x")).isInstanceOf(CaseRuleException.class);
    }

    @Test
    void theDepartmentSeesItsNoticesAndReadingOneOpensTheCase() throws Exception {
        LocalDate longAgo = handling.today().minusDays(40);
        long id = register(Channel.HOTLINE, longAgo, "沅江市顺达建筑劳务有限公司");
        supervision.run("system");
        // zhujian belongs to the housing & construction bureau, the department of project YJ-2021-005.
        long department = column(id, "department_id", Long.class);
        assertThat(logins.principal("zhujian").departmentId()).isEqualTo(department);
        mvc.perform(get("/notifications").with(logins.as("zhujian")))
                .andExpect(content().string(containsString("督办：" + column(id, "number", String.class))));
        long notice = notifications.of(department, true, 500).stream().filter(n -> n.link().equals("/cases/" + id))
                .findFirst().orElseThrow().id();
        String target = mvc.perform(post("/notifications/" + notice + "/read").with(logins.as("zhujian")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(target).isEqualTo("/cases/" + id);
        assertThat(notifications.of(department, true, 500)).noneMatch(n -> n.id() == notice);
        // An officer of another department cannot read (or learn of) it.
        int status = mvc.perform(post("/notifications/" + notice + "/read").with(logins.as("jiaotong")).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
    }

    @Test
    void theCalendarAdministratorMovesDeadlinesWithAHoliday() throws Exception {
        LocalDate day = LocalDate.of(2030, 3, 4); // a Monday
        LocalDate before = workingDays.plus(day.minusDays(1), 1);
        assertThat(before).isEqualTo(day);
        mvc.perform(post("/admin/calendar").with(logins.as("admin")).with(csrf()).param("day", day.toString())
                .param("kind", "HOLIDAY").param("name", "测试假日"));
        try {
            assertThat(workingDays.plus(day.minusDays(1), 1)).isEqualTo(day.plusDays(1));
            mvc.perform(get("/admin/calendar?year=2030").with(logins.as("admin")))
                    .andExpect(content().string(containsString("测试假日")));
            int denied = mvc.perform(post("/admin/calendar").with(logins.as("jiancha")).with(csrf())
                    .param("day", "2030-03-05").param("kind", "HOLIDAY").param("name", "x")).andReturn().getResponse().getStatus();
            assertThat(denied).isEqualTo(403);
        } finally {
            mvc.perform(post("/admin/calendar/" + day + "/remove").with(logins.as("admin")).with(csrf()));
        }
        assertThat(workingDays.plus(day.minusDays(1), 1)).isEqualTo(day);
    }
}
