package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OutOfScopeException;
import org.wageguard.reporting.GridCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The town labor-security stations (乡镇/街道劳动保障所, issue 21): a grid clue lands in its town's station first, the
 * station mediates (《劳动争议调解仲裁法》第十条、第十四条), records the payments and settles a paid matter, or hands it
 * up to the bureau, which acknowledges within the region's deadline; a station sees only its own town. Each test
 * rolls back what it makes.
 */
@DemoApplicationTest
@Transactional
class StationMattersTests {

    @Autowired GridClues gridClues;
    @Autowired StationMatters stations;
    @Autowired CaseQueries queries;
    @Autowired WorkingDays workingDays;
    @Autowired GridCoverage coverage;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired java.time.Clock clock;

    LocalDate today;

    @org.junit.jupiter.api.BeforeEach
    void today() {
        today = LocalDate.now(clock);
    }

    /** A clue reported by a grid worker (wangge: 琼湖街道第三网格; nandashan1a: 南大膳镇, a town without a station). */
    long clue(String gridWorker, int workers, String amount) {
        return gridClues.report(logins.principal(gridWorker), new GridClues.Clue(null, "测试调解饭店 " + System.nanoTime(),
                workers, new BigDecimal(amount), "厨房员工两个月工资未发", List.of()));
    }

    OfficerPrincipal station() {
        return logins.principal("qionghusuo");
    }

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM station_matter WHERE case_id = :c").param("c", caseId).query(Integer.class)
                .single();
    }

    boolean inBureauQueue(long caseId) {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        return queries.myWork(jiancha.scope(), jiancha.permissions(), jiancha.departmentId()).stream()
                .anyMatch(r -> r.id() == caseId);
    }

    StationMatters.Agreement agreement(String amount, LocalDate payBy) {
        return new StationMatters.Agreement("测试调解饭店（法定代表人 王某）", "刘某等 3 名厨房员工", today,
                new BigDecimal(amount), payBy, "当场支付");
    }

    @Test
    void aGridClueLandsInItsTownsStationNotInTheBureausQueue() {
        long id = clue("wangge", 3, "12000");
        assertThat(stations.queue(station().scope())).extracting(StationMatters.Matter::caseId).contains(id);
        assertThat(stations.find(station().scope(), id).orElseThrow().stage()).isEqualTo("AT_STATION");
        assertThat(inBureauQueue(id)).as("the bureau's queue while the station holds it").isFalse();

        // In a town without a station the clue goes to the bureau as before.
        long elsewhere = clue("nandashan1a", 2, "6000");
        assertThat(jdbc.sql("SELECT count(*) FROM station_matter WHERE case_id = :c").param("c", elsewhere)
                .query(Long.class).single()).isZero();
        assertThat(inBureauQueue(elsewhere)).isTrue();

        // Handed up, it is the bureau's: in its queue, with the acceptance clock from the handover.
        stations.handUp(station(), id, version(id), "用人单位拒不到场调解");
        assertThat(inBureauQueue(id)).isTrue();
    }

    @Test
    void aStationOfficerNeverSeesAnotherTownsClues() throws Exception {
        long id = clue("wangge", 3, "12000");
        OfficerPrincipal other = logins.principal("yanzhihusuo");
        assertThat(stations.queue(other.scope())).extracting(StationMatters.Matter::caseId).doesNotContain(id);
        assertThat(stations.find(other.scope(), id)).isEmpty();
        assertThatThrownBy(() -> stations.mediate(other, id, version(id), agreement("12000", today)))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> stations.handUp(other, id, version(id), "越权移交")).isInstanceOf(OutOfScopeException.class);
        assertThat(stations.figures(other.scope(), today, today)).extracting(StationMatters.Figures::regionCode)
                .doesNotContain("430981001");

        mvc.perform(get("/station/matters/" + id).with(logins.as("yanzhihusuo"))).andExpect(status().isNotFound());
        mvc.perform(post("/station/matters/" + id + "/settle").param("version", "0").with(csrf())
                .with(logins.as("yanzhihusuo"))).andExpect(status().isNotFound());
        mvc.perform(get("/station/matters/" + id).with(logins.as("qionghusuo"))).andExpect(status().isOk());
        // The station has no view of the bureau's case files, nor the grid worker of the station's pages.
        mvc.perform(get("/cases/" + id).with(logins.as("qionghusuo"))).andExpect(status().isForbidden());
        mvc.perform(get("/station").with(logins.as("wangge"))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/station").with(logins.as("yanzhihusuo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("胭脂湖街道劳动保障所").doesNotContain(gridClues.number(id));
    }

    @Test
    void laborDisputeMediationLawArticle14_theAgreementNamesThePartiesTheAmountAndThePaymentDay() {
        long id = clue("wangge", 3, "12000");
        assertThatThrownBy(() -> stations.mediate(station(), id, version(id), new StationMatters.Agreement(" ", "刘某",
                today, new BigDecimal("12000"), today, null))).hasMessageContaining("调解当事人");
        assertThatThrownBy(() -> stations.mediate(station(), id, version(id), agreement("12000", today.minusDays(1))))
                .hasMessageContaining("约定支付期限不能早于协议达成日期");
        assertThatThrownBy(() -> stations.mediate(station(), id, version(id), agreement("0", today)))
                .hasMessageContaining("金额应大于 0");
        assertThatThrownBy(() -> stations.mediate(station(), id, version(id), new StationMatters.Agreement("甲", "乙",
                today.minusDays(1), new BigDecimal("100"), today, null))).hasMessageContaining("协议达成日期应在");

        stations.mediate(station(), id, version(id), agreement("11500.50", today.plusDays(3)));
        StationMatters.Matter m = stations.find(station().scope(), id).orElseThrow();
        assertThat(m.mediated()).isTrue();
        assertThat(m.agreedAmount()).isEqualByComparingTo("11500.50");
        assertThat(m.agreedPayBy()).isEqualTo(today.plusDays(3));
        assertThat(m.employerParty()).contains("王某");
        assertThat(m.mediatedBy()).isEqualTo("qionghusuo");
        // The mediation period is the fifteen days of Art. 14(3), counted from receipt.
        assertThat(m.mediationDue()).isEqualTo(m.receivedOn().plusDays(StationMatters.MEDIATION_DAYS));
        assertThat(queries.timeline(id)).extracting(CaseQueries.Event::action).contains("STATION_RECEIVE", "STATION_MEDIATE");
    }

    @Test
    void aMediatedMatterIsSettledOnlyWhenTheAgreedAmountIsPaidAndThenTheStatisticsCountIt() {
        long id = clue("wangge", 3, "12000");
        assertThatThrownBy(() -> stations.pay(station(), id, version(id), today, new BigDecimal("100"), 1,
                StationMatters.Manner.CASH, "签字表")).hasMessageContaining("尚未记录调解协议");
        assertThatThrownBy(() -> stations.settle(station(), id, version(id))).hasMessageContaining("尚未达成调解协议");

        stations.mediate(station(), id, version(id), agreement("12000", today));
        assertThatThrownBy(() -> stations.pay(station(), id, version(id), today, new BigDecimal("100"), 4,
                StationMatters.Manner.CASH, "签字表")).hasMessageContaining("领取人数应在 1 到线索涉及人数（3 人）之间");
        stations.pay(station(), id, version(id), today, new BigDecimal("7000.00"), 3, StationMatters.Manner.CASH,
                "工资领取签字表");
        assertThatThrownBy(() -> stations.settle(station(), id, version(id)))
                .hasMessageContaining("尚未足额支付（已支付 7000.00 元，协议金额 12000.00 元）");
        stations.pay(station(), id, version(id), today, new BigDecimal("5000.00"), 3,
                StationMatters.Manner.BANK_TRANSFER, "转账回单 001");
        stations.settle(station(), id, version(id));

        Map<String, Object> c = jdbc.sql("""
                SELECT status, outcome, amount_recovered, amount_paid_out, workers_paid, closed_on FROM case_file WHERE id = :c
                """).param("c", id).query().singleRow();
        assertThat(c).containsEntry("status", "CLOSED").containsEntry("outcome", "MEDIATED").containsEntry("workers_paid", 3);
        assertThat((BigDecimal) c.get("amount_recovered")).isEqualByComparingTo("12000");
        assertThat((BigDecimal) c.get("amount_paid_out")).isEqualByComparingTo("12000");
        assertThat(jdbc.sql("SELECT count(*) FROM counted_case WHERE id = :c").param("c", id).query(Long.class).single())
                .as("a settled matter is a counted case").isEqualTo(1);
        assertThatThrownBy(() -> stations.handUp(station(), id, version(id), "再移交")).hasMessageContaining("已不在本所办理");

        // The station's ledger and the bureau's station line read the same figures.
        StationMatters.Figures mine = stations.figures(station().scope(), today, today).get(0);
        GridCoverage.StationRow bureau = coverage.stations(logins.principal("zhiqianban").scope(), today, today).stream()
                .filter(r -> r.regionCode().equals("430981001")).findFirst().orElseThrow();
        assertThat(mine.settled()).isGreaterThanOrEqualTo(1).isEqualTo(bureau.settled());
        assertThat(mine.recovered()).isGreaterThanOrEqualTo(new BigDecimal("12000")).isEqualByComparingTo(bureau.recovered());
        assertThat(mine.workersPaid()).isGreaterThanOrEqualTo(3).isEqualTo(bureau.workersPaid());
        assertThat(mine.received()).isEqualTo(bureau.received());
    }

    @Test
    void aHandoverHasTheRegionsAcknowledgementDeadlineAndShowsRedOnBothSidesWhenUnacknowledgedPastIt() {
        long id = clue("wangge", 3, "12000");
        assertThatThrownBy(() -> stations.handUp(station(), id, version(id), "  ")).hasMessageContaining("移交原因");
        // No law fixes the deadline: the region's setting (the city's here, the town inherits it), else 3 working days.
        assertThat(stations.acknowledgeDays("430981001")).isEqualTo(StationMatters.DEFAULT_ACKNOWLEDGE_DAYS);
        stations.setAcknowledgeDays(logins.principal("zhiqianban"), "430981", 2);
        assertThat(stations.acknowledgeDays("430981001")).isEqualTo(2);
        assertThatThrownBy(() -> stations.setAcknowledgeDays(logins.principal("zhiqianban"), "430981", 0))
                .hasMessageContaining("1 至 15");
        assertThatThrownBy(() -> stations.setAcknowledgeDays(logins.principal("zhiqianban"), "430903", 2))
                .isInstanceOf(OutOfScopeException.class);

        stations.handUp(station(), id, version(id), "用人单位拒绝调解");
        StationMatters.Matter m = stations.find(station().scope(), id).orElseThrow();
        assertThat(m.acknowledgeDue()).isEqualTo(workingDays.plus(today, 2));
        assertThat(m.overdue()).isFalse();
        assertThatThrownBy(() -> stations.mediate(station(), id, version(id), agreement("100", today)))
                .hasMessageContaining("已不在本所办理");

        // Past its deadline unacknowledged: red for the station and for the bureau.
        jdbc.sql("UPDATE station_matter SET acknowledge_due = :d WHERE case_id = :c").param("d", today.minusDays(1))
                .param("c", id).update();
        assertThat(stations.find(station().scope(), id).orElseThrow().overdue()).isTrue();
        OfficerPrincipal jiancha = logins.principal("jiancha");
        assertThat(stations.handovers(jiancha.scope())).filteredOn(x -> x.caseId() == id).singleElement()
                .matches(StationMatters.Matter::overdue);

        stations.acknowledge(jiancha, id, version(id));
        StationMatters.Matter acknowledged = stations.find(station().scope(), id).orElseThrow();
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("jiancha");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        assertThat(acknowledged.overdue()).isFalse();
        assertThatThrownBy(() -> stations.acknowledge(jiancha, id, version(id))).hasMessageContaining("已经签收");
        assertThat(queries.timeline(id)).extracting(CaseQueries.Event::action).contains("STATION_HAND_UP",
                "STATION_ACKNOWLEDGE");
    }

    @Test
    void aMatterTheBureauHasTakenOverIsNoLongerTheStations() {
        long id = clue("wangge", 3, "12000");
        jdbc.sql("UPDATE case_file SET status = 'ACCEPTED' WHERE id = :c").param("c", id).update();
        assertThatThrownBy(() -> stations.mediate(station(), id, version(id), agreement("12000", today)))
                .hasMessageContaining("监察机构已直接办理");
        assertThatThrownBy(() -> stations.handUp(station(), id, version(id), "移交")).hasMessageContaining("监察机构已直接办理");
    }

    @Test
    void laborDisputeMediationLawArticle14_aMatterStillAtTheStationAfterFifteenDaysIsOverdue() {
        long id = clue("wangge", 3, "12000");
        assertThat(stations.find(station().scope(), id).orElseThrow().overdue()).isFalse();
        jdbc.sql("UPDATE station_matter SET received_on = :r, mediation_due = :d WHERE case_id = :c")
                .param("r", today.minusDays(16)).param("d", today.minusDays(1)).param("c", id).update();
        assertThat(stations.find(station().scope(), id).orElseThrow().overdue()).isTrue();
    }
}
