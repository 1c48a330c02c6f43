package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OutOfScopeException;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, the seed's "对各欠薪线索进行再核查和持续跟踪": a handled clue is followed up by visits with a date, an
 * officer, a manner and the worker's satisfaction; a handled clue the platform sends back or the complainant disputes
 * is re-checked — also after tracking ended — and wages still owed bring it back under follow-up and into the
 * department's clue ledger.
 */
@DemoApplicationTest
class ClueTrackingTests {

    @Autowired CaseIntake intake;
    @Autowired ClueTracking tracking;
    @Autowired ClueLedgers ledgers;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long department(String name) {
        return jdbc.sql("INSERT INTO department (name, region_code, kind) VALUES (:n, '430981', 'INDUSTRY') RETURNING id")
                .param("n", name).query(Long.class).single();
    }

    long clue(String region, String worker, String phone, Long department, String status) {
        long id = intake.register(new Intake(Channel.PLATFORM, CaseKind.COMPLAINT, worker, MobilePhone.of(phone), false, null,
                "沅江市跟踪回访建筑公司", null, region, "E", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30),
                "平台线索：拖欠工资", List.of(new Intake.Claimant(worker, null, new BigDecimal("5200"))), null,
                LocalDate.of(2026, 10, 8)));
        jdbc.sql("UPDATE case_file SET department_id = :d, status = :s WHERE id = :c").param("d", department)
                .param("s", status).param("c", id).update();
        return id;
    }

    String status(long caseId) {
        return jdbc.sql("SELECT status FROM case_file WHERE id = :c").param("c", caseId).query(String.class).single();
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :c").param("c", caseId).query(Integer.class).single();
    }

    @Test
    void followUpVisitsRecordTheDayTheOfficerTheMannerAndWhetherTheWorkerIsSatisfied() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long department = department("沅江市回访测试局");
        long closed = clue("430981", "彭志强", "13907371801", department, "CLOSED");
        LocalDate today = LocalDate.now();

        tracking.recordFollowUp(closed, jiancha, today.minusDays(3), ClueTracking.Manner.PHONE, true, "工资已全部到手，无新增欠薪");
        tracking.recordFollowUp(closed, jiancha, today, ClueTracking.Manner.VISIT, false, "反映 10 月加班费未结清");

        assertThat(tracking.followUps(closed)).extracting(ClueTracking.FollowUp::visitedOn, ClueTracking.FollowUp::visitedBy,
                ClueTracking.FollowUp::manner, ClueTracking.FollowUp::satisfied).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(today.minusDays(3), "jiancha", "PHONE", true),
                        org.assertj.core.groups.Tuple.tuple(today, "jiancha", "VISIT", false));
        assertThat(jdbc.sql("SELECT note FROM case_event WHERE case_id = :c AND action = 'FOLLOW_UP' ORDER BY id")
                .param("c", closed).query(String.class).list()).last().asString().contains("上门走访", "劳动者不满意");
        // The department's ledger shows the latest visit and its result.
        ledgers.issue("system", "430981");
        ClueLedgers.Ledger ledger = ledgers.ledgers("430981", Set.of(department), 1).get(0);
        assertThat(ledgers.items(ledger.id())).singleElement().satisfies(i -> {
            assertThat(i.lastFollowUpOn()).isEqualTo(today);
            assertThat(i.lastSatisfied()).isFalse();
        });

        // No visit dated in the future or before the clue came in; the manner and the worker's answer are required.
        assertThatThrownBy(() -> tracking.recordFollowUp(closed, jiancha, today.plusDays(1), ClueTracking.Manner.PHONE, true, "回访"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("回访日期应在登记日 2026-10-08");
        assertThatThrownBy(() -> tracking.recordFollowUp(closed, jiancha, today, null, null, "回访"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("回访方式");
        assertThatThrownBy(() -> tracking.recordFollowUp(closed, jiancha, today, ClueTracking.Manner.PHONE, true, " "))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("请写明回访情况");
    }

    @Test
    void aFollowUpVisitComesAfterTheResultAndBeforeTrackingEndsInTheOfficersScopeOnly() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long open = clue("430981", "彭志远", "13907371802", null, "FILED");
        long ended = clue("430981", "彭志高", "13907371803", null, "TRACKING_ENDED");
        long away = clue("430903", "彭志明", "13907371804", null, "CLOSED");
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> tracking.recordFollowUp(open, jiancha, today, ClueTracking.Manner.PHONE, true, "回访"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("“已立案”的事项不能记录回访");
        assertThatThrownBy(() -> tracking.recordFollowUp(ended, jiancha, today, ClueTracking.Manner.PHONE, true, "回访"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("请先再核查");
        assertThatThrownBy(() -> tracking.recordFollowUp(away, jiancha, today, ClueTracking.Manner.PHONE, true, "回访"))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> tracking.recordFollowUp(open, logins.principal("yinhang"), today, ClueTracking.Manner.PHONE, true, "回访"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tracking.followUps(open)).isEmpty();
        assertThat(tracking.followUps(away)).isEmpty();
    }

    @Test
    void aClueWhoseTrackingEndedIsReCheckedAndWagesStillOwedBringItBackIntoTheLedger() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long department = department("沅江市再核查测试局");
        long ended = clue("430981", "龚建华", "13907371805", department, "TRACKING_ENDED");
        LocalDate today = LocalDate.now();
        assertThat(ledgers.holdings("430981")).filteredOn(h -> h.departmentId() == department).singleElement()
                .satisfies(h -> assertThat(h.held()).isZero());

        // The complainant disputes it; the re-check finds the handling stood: tracking stays ended.
        tracking.recordRecheck(ended, version(ended), jiancha, ClueTracking.RequestedBy.COMPLAINANT, "反映人称尚欠 800 元",
                today.minusDays(1), ClueTracking.Result.CONFIRMED, "调取银行代发记录，5200 元已于 11 月到账");
        assertThat(status(ended)).isEqualTo("TRACKING_ENDED");

        // The platform sends it back; wages are still owed: tracking resumes and the department holds it again.
        tracking.recordRecheck(ended, version(ended), jiancha, ClueTracking.RequestedBy.PLATFORM, "平台退回：反映人不满意",
                today, ClueTracking.Result.ARREARS_REMAIN, "经核查仍欠 12 月工资 1600 元");
        assertThat(status(ended)).isEqualTo("CLOSED");
        assertThat(tracking.rechecks(ended)).extracting(ClueTracking.Recheck::checkedBy, ClueTracking.Recheck::requestedBy,
                ClueTracking.Recheck::result, ClueTracking.Recheck::statusBefore).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("jiancha", "COMPLAINANT", "CONFIRMED", "TRACKING_ENDED"),
                        org.assertj.core.groups.Tuple.tuple("jiancha", "PLATFORM", "ARREARS_REMAIN", "TRACKING_ENDED"));
        assertThat(jdbc.sql("SELECT status_to FROM case_event WHERE case_id = :c AND action = 'RECHECK' ORDER BY id")
                .param("c", ended).query(String.class).list()).containsExactly(null, "CLOSED");
        assertThat(ledgers.holdings("430981")).filteredOn(h -> h.departmentId() == department).singleElement()
                .satisfies(h -> assertThat(h.held()).isEqualTo(1));
        ledgers.issue("system", "430981");
        ClueLedgers.Ledger ledger = ledgers.ledgers("430981", Set.of(department), 1).get(0);
        assertThat(ledgers.items(ledger.id())).singleElement().satisfies(i -> {
            assertThat(i.caseId()).isEqualTo(ended);
            assertThat(i.rechecks()).isEqualTo(2);
        });
        // Follow-up visits go on now.
        tracking.recordFollowUp(ended, jiancha, today, ClueTracking.Manner.PHONE, false, "督促补发 1600 元");
        assertThat(tracking.followUps(ended)).hasSize(1);
    }

    @Test
    void aReCheckIsOfAHandledClueWithItsReasonAndFindingByAnInspector() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long open = clue("430981", "龚建军", "13907371806", null, "ACCEPTED");
        long ended = clue("430981", "龚建国", "13907371807", null, "TRACKING_ENDED");
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> tracking.recordRecheck(open, version(open), jiancha, ClueTracking.RequestedBy.PLATFORM,
                "平台退回", today, ClueTracking.Result.CONFIRMED, "属实"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("再核查针对已作出处理结果的线索");
        assertThatThrownBy(() -> tracking.recordRecheck(ended, version(ended), jiancha, ClueTracking.RequestedBy.PLATFORM,
                "", today, ClueTracking.Result.CONFIRMED, "属实"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("请写明再核查的原因");
        assertThatThrownBy(() -> tracking.recordRecheck(ended, version(ended), jiancha, null, "平台退回", today, null, "属实"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("核查结论");
        // An industry officer answers assignments; re-checking is the inspectorate's.
        assertThatThrownBy(() -> tracking.recordRecheck(ended, version(ended), logins.principal("zhujian"),
                ClueTracking.RequestedBy.PLATFORM, "平台退回", today, ClueTracking.Result.ARREARS_REMAIN, "仍欠"))
                .isInstanceOf(AccessDeniedException.class);
        // A form read before someone else changed the case is stale, and nothing is written.
        int stale = version(ended) - 1;
        assertThatThrownBy(() -> tracking.recordRecheck(ended, stale, jiancha, ClueTracking.RequestedBy.PLATFORM, "平台退回",
                today, ClueTracking.Result.ARREARS_REMAIN, "仍欠"))
                .isInstanceOf(org.wageguard.shared.StaleEditException.class);
        assertThat(tracking.rechecks(ended)).isEmpty();
        assertThat(status(ended)).isEqualTo("TRACKING_ENDED");
    }
}
