package org.wageguard.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A walk-in complaint of 12 workers, from registration until the money is in their hands. */
@DemoApplicationTest
class CaseJourneyTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingDays workingDays;
    @Autowired CaseHandling handling;

    static String twelveWorkers() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            s.append("工人").append(i).append("，").append(idNumber(90, i)).append("，").append(5000 + i).append('\n');
        }
        return s.toString();
    }

    /** A valid GB 11643 number, computed here independently of the code under test. */
    static String idNumber(int seed, int i) {
        String body = "4309811985" + String.format("%02d", 1 + i % 12) + String.format("%02d", 10 + seed % 18) + String.format("%03d", i);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    long employer(String name) {
        return jdbc.sql("SELECT id FROM employer WHERE name = :n").param("n", name).query(Long.class).single();
    }

    long register(String employerName, boolean confirmNew) throws Exception {
        var request = post("/cases/new").with(logins.as("jiancha")).with(csrf()).param("channel", "WALK_IN")
                .param("kind", "COMPLAINT").param("complainantName", "工人0").param("complainantPhone", "13907379000")
                .param("employerId", String.valueOf(employer(employerName))).param("regionCode", "430981")
                .param("periodFrom", "2026-08-01").param("periodTo", "2026-10-31").param("description", "拖欠三个月工资")
                .param("claimants", twelveWorkers());
        if (confirmNew) {
            request.param("confirmNew", "true");
        }
        String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("registered and redirected").startsWith("/cases/");
        return Long.parseLong(location.substring("/cases/".length()));
    }

    int version(long id) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    /** The approver decides the case's pending request (立案、延期、结案审批). */
    ResultActions decide(String user, long id, String decision, String... params) throws Exception {
        record Pending(long id, int version) {
        }
        Pending p = jdbc.sql("SELECT id, version FROM case_approval WHERE case_id = :c AND status = 'PENDING'").param("c", id)
                .query(org.wageguard.shared.Rows.of(Pending.class)).single();
        var request = post("/cases/" + id + "/approvals/" + p.id() + "/" + decision).with(logins.as(user)).with(csrf())
                .param("version", String.valueOf(p.version()));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    ResultActions step(String user, long id, String step, String... params) throws Exception {
        var request = post("/cases/" + id + "/" + step).with(logins.as(user)).with(csrf()).param("version", String.valueOf(version(id)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    String caseStatus(long id) {
        return jdbc.sql("SELECT status FROM case_file WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aGroupComplaintGoesAllTheWayToTheWorkersHands() throws Exception {
        long id = register("沅江市顺达建筑劳务有限公司", true);
        assertThat(jdbc.sql("SELECT group_case FROM case_file WHERE id = :id").param("id", id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT amount_claimed FROM case_file WHERE id = :id").param("id", id).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("60066");

        step("zhujian", id, "accept").andExpect(flash().attribute("error", containsString("无权")));
        step("jiancha", id, "accept");
        step("jiancha", id, "file", "inspectors", "黄国平、李志明");
        assertThat(caseStatus(id)).as("filing waits for the inspection head's approval").isEqualTo("ACCEPTED");
        decide("jianchazhang", id, "approve");
        assertThat(caseStatus(id)).isEqualTo("FILED");

        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        step("zhiqianban", id, "assign", "departmentId", String.valueOf(housing), "days", "5");
        long assignment = jdbc.sql("SELECT id FROM case_assignment WHERE case_id = :c").param("c", id).query(Long.class).single();
        mvc.perform(post("/cases/" + id + "/assignments/" + assignment + "/answer").with(logins.as("jiaotong")).with(csrf())
                .param("note", "越权反馈")).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + id + "/assignments/" + assignment + "/answer").with(logins.as("zhujian")).with(csrf())
                .param("version", String.valueOf(jdbc.sql("SELECT version FROM case_assignment WHERE id = :a").param("a", assignment).query(Integer.class).single()))
                .param("note", "已约谈总包单位，承诺月底前支付"));
        mvc.perform(post("/cases/" + id + "/assignments/" + assignment + "/rework").with(logins.as("zhiqianban")).with(csrf())
                .param("version", String.valueOf(jdbc.sql("SELECT version FROM case_assignment WHERE id = :a").param("a", assignment).query(Integer.class).single()))
                .param("note", "未明确支付金额，请重新核实"));
        assertThat(jdbc.sql("SELECT status FROM case_assignment WHERE id = :a").param("a", assignment).query(String.class).single())
                .isEqualTo("REWORK");

        LocalDate today = handling.today();
        step("jiancha", id, "order", "number", "沅人社监令〔2026〕99号", "servedOn", today.toString(),
                "deadline", today.plusDays(10).toString(), "amount", "60066");
        step("jiancha", id, "resolve", "outcome", "REFERRED_TO_POLICE", "note", "拒不支付")
                .andExpect(flash().attribute("error", containsString("尚未届满")));
        step("jiancha", id, "resolve", "outcome", "PAID_WITHIN_DEADLINE", "amount", "60066", "note", "总包单位代付");
        assertThat(caseStatus(id)).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM employer_arrears_record a JOIN case_file c ON c.number = a.case_reference
                 WHERE c.id = :id AND a.employer_id = c.employer_id AND a.amount = c.amount_claimed""")
                .param("id", id).query(Long.class).single()).as("arrears recorded on the employer").isEqualTo(1);

        step("jiancha", id, "verify").andExpect(flash().attribute("error", containsString("逐人登记")));
        // Each worker is paid what they are owed, in full (Decree 724 Art. 3): an average for all would leave shortfalls.
        List<Long> claimants = jdbc.sql("SELECT id FROM case_claimant WHERE case_id = :c").param("c", id).query(Long.class).list();
        for (long k : claimants) {
            String owed = jdbc.sql("SELECT amount_confirmed::text FROM case_claimant WHERE id = :k").param("k", k).query(String.class).single();
            mvc.perform(post("/cases/" + id + "/claimants/" + k + "/payment").with(logins.as("jiancha")).with(csrf())
                    .param("version", "0").param("amount", owed).param("paidOn", today.toString()).param("evidence", "农行代发回单"));
        }
        step("jiancha", id, "verify");
        step("jiancha", id, "close").andExpect(flash().attribute("error", containsString("结案审批")));
        step("jiancha", id, "request-close", "note", "工资已全部发放到农民工本人");
        decide("jianchazhang", id, "approve");
        assertThat(caseStatus(id)).isEqualTo("CLOSED");
        step("jiancha", id, "end-tracking", "note", "回访：工资已全部到手");
        assertThat(caseStatus(id)).isEqualTo("TRACKING_ENDED");

        mvc.perform(get("/cases/" + id).with(logins.as("zhiqianban"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("60,066.00")))
                .andExpect(content().string(containsString("id=\"paid-out\">60,066.00")))
                .andExpect(content().string(containsString("430981********")));
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c").param("c", id).query(Long.class).single())
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void aMatterLikeAnOpenCaseIsOfferedForLinkingNotCountedTwice() throws Exception {
        register("益阳市鑫旺建筑劳务有限公司", true);
        mvc.perform(post("/cases/new").with(logins.as("jiancha")).with(csrf()).param("channel", "HOTLINE")
                        .param("kind", "COMPLAINT").param("complainantName", "工人1")
                        .param("employerId", String.valueOf(employer("益阳市鑫旺建筑劳务有限公司"))).param("regionCode", "430981")
                        .param("periodFrom", "2026-09-01").param("periodTo", "2026-09-30").param("claimants", "工人1，5001"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("可能是同一事项")));
    }

    @Test
    void twoOfficersActingOnOneCaseAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        long id = register("湖南兴湘钢结构工程有限公司", true);
        int version = version(id);
        var inspector = logins.principal("jiancha");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> accept = () -> {
                try {
                    handling.accept(id, version, inspector);
                    return "ok";
                } catch (OptimisticLockingFailureException | CaseRuleException e) {
                    // Either the version check or the state check (if the other commit landed first) tells them.
                    return "conflict";
                }
            };
            List<Future<String>> results = pool.invokeAll(List.of(accept, accept));
            List<String> outcomes = List.of(results.get(0).get(), results.get(1).get());
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "conflict");
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c AND action = 'ACCEPT'").param("c", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theWorkingDayClockSkipsTheSpringFestivalAndCountsItsMakeUpDays() {
        // Registered Wednesday 2021-02-10; 11–17 February are the holiday, Saturday the 20th a working day.
        assertThat(workingDays.plus(LocalDate.of(2021, 2, 10), 5)).isEqualTo(LocalDate.of(2021, 2, 23));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2021, 2, 7))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2021, 2, 15))).isFalse();
        assertThat(workingDays.between(LocalDate.of(2021, 2, 10), LocalDate.of(2021, 2, 23))).isEqualTo(5);
        // 60 working days from filing on 2021-04-30 pass over the May Day holiday and its make-up Saturday.
        assertThat(workingDays.plus(LocalDate.of(2021, 4, 30), 60)).isEqualTo(LocalDate.of(2021, 7, 28));
    }

    @Test
    void casesAreSeenWithinScope() throws Exception {
        mvc.perform(get("/cases").with(logins.as("zongbao"))).andExpect(status().isForbidden());
        long caseOfTransport = jdbc.sql("""
                SELECT c.id FROM case_file c JOIN department d ON d.id = c.department_id
                 WHERE d.name = '沅江市交通运输局' ORDER BY c.id LIMIT 1""").query(Long.class).single();
        mvc.perform(get("/cases/" + caseOfTransport).with(logins.as("jiaotong"))).andExpect(status().isOk());
        mvc.perform(get("/cases/" + caseOfTransport).with(logins.as("zhujian"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/mine").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("沅江市华鑫纺织服饰有限公司")));
    }
}
