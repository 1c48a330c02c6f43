package org.wageguard.casework;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.Notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, the calendar every legal clock counts on (《劳动保障监察条例》第十七条 counts working days): 2027's holidays
 * and make-up days are in, provisional until checked against the State Council's notice, and the leadership office is
 * warned 60 days before the calendar runs out.
 */
@DemoApplicationTest
class WorkCalendar2027Tests {

    @Autowired WorkingDays workingDays;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired Notifications notifications;

    @Test
    void deadlinesRunningInto2027SkipItsHolidaysAndCountItsMakeUpDays() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 1))).as("元旦").isFalse();
        assertThat(workingDays.plus(LocalDate.of(2026, 12, 31), 1)).as("the first working day of 2027").isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(workingDays.plus(LocalDate.of(2027, 2, 4), 1)).as("春节 2027-02-05 … 02-13").isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 31))).as("a Sunday worked for 春节").isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 4, 5))).as("清明").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 5, 5))).as("劳动节").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 6, 9))).as("端午").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 9, 15))).as("中秋").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 10, 7))).as("国庆").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 10, 9))).as("a Saturday worked for 国庆").isTrue();
        assertThat(workingDays.exceptions(2027)).isNotEmpty().allMatch(WorkingDays.Exception::provisional);
        assertThat(workingDays.coverage(LocalDate.of(2026, 12, 3)).provisionalYears()).contains(2027);
    }

    @Test
    void theCalendarPageMarksTheProvisionalDaysAndTheLeadershipOfficeSeesItWithoutChangingIt() throws Exception {
        String admin = mvc.perform(get("/admin/calendar").param("year", "2027").with(logins.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("id=\"calendar-provisional\"").contains("暂定").contains("calendar-form");
        String office = mvc.perform(get("/admin/calendar").param("year", "2027").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(office).contains("暂定").doesNotContain("calendar-form");
    }

    @Test
    void theLeadershipOfficeIsWarnedSixtyDaysBeforeTheCalendarRunsOutAndOnlyOnce() {
        assertThat(workingDays.coverage(LocalDate.of(2027, 10, 31)).warn()).isFalse();
        WorkingDays.Coverage c = workingDays.coverage(LocalDate.of(2027, 11, 1));
        assertThat(c.warn()).isTrue();
        assertThat(c.runsOutOn()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(workingDays.warnIfRunningOut(LocalDate.of(2027, 10, 31), notifications)).isZero();
        assertThat(workingDays.warnIfRunningOut(LocalDate.of(2027, 11, 2), notifications)).isPositive();
        assertThat(workingDays.warnIfRunningOut(LocalDate.of(2027, 11, 3), notifications)).as("once").isZero();
        long office = notifications.leadershipOffice("430981").orElseThrow();
        assertThat(notifications.of(office, false, 50)).anyMatch(n -> n.kind().equals("CALENDAR")
                && n.body().contains("2027-12-31") && n.body().contains("2028"));
    }

    @Test
    @Transactional
    void theCalendarPageWarnsWhenTheCalendarRunsOutWithinSixtyDays() throws Exception {
        // As it stood before 2027 was entered: the calendar ends on 2026-12-31, 28 days after today's demo day.
        jdbc.sql("DELETE FROM work_calendar WHERE day >= '2027-01-01'").update();
        String page = mvc.perform(get("/admin/calendar").with(logins.as("zhiqianban"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"calendar-warning\"").contains("工作日历将于 2026-12-31 用尽");
    }
}
