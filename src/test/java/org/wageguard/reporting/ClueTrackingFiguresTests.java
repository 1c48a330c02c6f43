package org.wageguard.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Consultations;
import org.wageguard.casework.Intake;
import org.wageguard.identity.Logins;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the dashboard's 还在跟踪 counts the clues closed and still followed up (not the unhandled ones), 已办结
 * only those whose tracking ended (or refused, withdrawn); the work summary says so and counts consultations apart.
 */
@DemoApplicationTest
class ClueTrackingFiguresTests {

    static final LocalDate FROM = LocalDate.of(2019, 3, 1);
    static final LocalDate TO = LocalDate.of(2019, 3, 31);

    @Autowired Dashboard dashboard;
    @Autowired WorkSummary summary;
    @Autowired CaseIntake intake;
    @Autowired Consultations consultations;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    Map<String, Long> clues() {
        Map<String, Long> m = new java.util.HashMap<>();
        dashboard.figures("430981", FROM, TO, Map.of()).clues().forEach(c -> m.put(c.key(), c.count()));
        return m;
    }

    void clue(String worker, String status) {
        long id = intake.register(new Intake(Channel.PLATFORM, CaseKind.COMPLAINT, worker, MobilePhone.of("13907372101"), false,
                null, "沅江市看板跟踪公司", null, "430981", "E", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 2, 28),
                "平台线索：拖欠工资", List.of(new Intake.Claimant(worker, null, new BigDecimal("3000"))), null, LocalDate.of(2019, 3, 12)));
        jdbc.sql("UPDATE case_file SET status = :s WHERE id = :c").param("s", status).param("c", id).update();
    }

    @Test
    void stillTrackedCountsClosedCluesUnderFollowUpAndFinishedOnlyThoseWhoseTrackingEnded() {
        Map<String, Long> before = clues();
        clue("看板甲", "FILED");
        clue("看板乙", "CLOSED");
        clue("看板丙", "TRACKING_ENDED");
        Map<String, Long> after = clues();
        assertThat(after.get("received") - before.get("received")).isEqualTo(3);
        assertThat(after.get("tracked") - before.get("tracked")).as("closed, still followed up").isEqualTo(1);
        assertThat(after.get("finished") - before.get("finished")).as("tracking ended").isEqualTo(1);
        assertThat(dashboard.figures("430981", FROM, TO, Map.of()).clues()).filteredOn(c -> c.key().equals("tracked"))
                .singleElement().satisfies(c -> assertThat(c.link()).contains("channel=PLATFORM", "status=CLOSED"));
        assertThat(summary.figures("430981", FROM, TO).value("clues")).contains("在办 1 条", "结案后持续跟踪 1 条", "已办结 1 条");
    }

    @Test
    void theWorkSummaryCountsConsultationsApartFromCasesAndClues() {
        LocalDate day = LocalDate.now().minusDays(5);
        String before = summary.figures("430981", day, day).value("consultations");
        consultations.record(logins.principal("zhiqianban"), new Consultations.Entry(Consultations.Way.HOTLINE, day, null, null,
                Consultations.Topic.WAGE_ARREARS, "老板说年底才发工资合法吗？", "告知工资应至少每月支付一次", null));
        String after = summary.figures("430981", day, day).value("consultations");
        assertThat(after).isNotEqualTo(before).matches("\\d+ 次（来电 \\d+ 次，来访 \\d+ 次）");
        long total = jdbc.sql("SELECT count(*) FROM consultation WHERE region_code LIKE '430981%' AND consulted_on = :d")
                .param("d", day).query(Long.class).single();
        assertThat(after).startsWith(total + " 次");
    }
}
