package org.wageguard.casework;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 20, the national clue platform both ways: each platform clue's handling result (受理, 办理中, 办结) is
 * reported once per state change — never twice, never forgotten — through the exchange configured (a file to upload,
 * or the province's API, driven here against a local stub server), and the weekly "还在跟踪" list names the clues the
 * platform still shows open. Each test rolls back.
 */
@DemoApplicationTest
@Transactional
class PlatformReportsTests {

    @Autowired CaseIntake intake;
    @Autowired PlatformReports reports;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired OperationLog operationLog;
    @Autowired Clock clock;

    static final LocalDate CAME_IN = LocalDate.of(2026, 11, 2);

    long clue(String number, String region) {
        return intake.register(new Intake(Channel.PLATFORM, CaseKind.COMPLAINT, "谭国庆", null, false, null,
                "沅江市平台报送测试建筑公司", null, region, "E", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30),
                "平台线索：班组三人工资未发", List.of(new Intake.Claimant("谭国庆", null, new BigDecimal("9000"))), null,
                CAME_IN, number, 3, new BigDecimal("9000")));
    }

    void moveTo(long caseId, String status) {
        jdbc.sql("UPDATE case_file SET status = :s, accepted_on = COALESCE(accepted_on, DATE '2026-11-04') WHERE id = :c")
                .param("s", status).param("c", caseId).update();
    }

    void close(long caseId) {
        jdbc.sql("""
                UPDATE case_file SET status = 'CLOSED', outcome = 'MEDIATED', outcome_note = '经调解，施工方当场结清',
                       amount_recovered = 9000, workers_paid = 3, closed_on = DATE '2026-11-20' WHERE id = :c
                """).param("c", caseId).update();
    }

    static List<ClueExchange.Result> of(List<ClueExchange.Result> results, String clueNo) {
        return results.stream().filter(r -> r.clueNo().equals(clueNo)).toList();
    }

    List<String> reportedStates(long caseId) {
        return jdbc.sql("SELECT state FROM platform_clue_report WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query(String.class).list();
    }

    @Test
    void eachStateOfAPlatformClueIsReportedOnceAndTheClosedResultCarriesOutcomeAmountWorkersAndReply() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long c = clue("XS-PR-0001", "430981");
        // Registered, not yet accepted: nothing to report (the platform shows it as 待受理 itself).
        assertThat(of(reports.pending("430981"), "XS-PR-0001")).isEmpty();

        moveTo(c, "ACCEPTED");
        assertThat(of(reports.pending("430981"), "XS-PR-0001")).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ClueExchange.State.ACCEPTED);
            assertThat(r.acceptedOn()).isEqualTo(LocalDate.of(2026, 11, 4));
            assertThat(r.reply()).contains("2026-11-04 受理");
        });
        PlatformReports.Batch first = reports.report(jiancha);
        assertThat(of(reports.results(first.id()), "XS-PR-0001")).extracting(ClueExchange.Result::state)
                .containsExactly(ClueExchange.State.ACCEPTED);
        // Reported: not pending again (never twice), and the ledger holds the state and the day.
        assertThat(of(reports.pending("430981"), "XS-PR-0001")).isEmpty();
        assertThat(reports.ledger("430981", 500)).filteredOn(r -> r.caseId() == c).singleElement().satisfies(r -> {
            assertThat(r.lastState()).isEqualTo("ACCEPTED");
            assertThat(r.lastReportedOn()).isEqualTo(LocalDate.now(clock));
            assertThat(r.pending()).isFalse();
        });

        // The state moves on: pending again (never forgotten) — 办理中, then 办结 skipping nothing already sent.
        moveTo(c, "COORDINATING");
        assertThat(reports.ledger("430981", 500)).filteredOn(r -> r.caseId() == c).singleElement()
                .satisfies(r -> assertThat(r.pending()).isTrue());
        reports.report(jiancha);
        close(c);
        ClueExchange.Result closed = of(reports.pending("430981"), "XS-PR-0001").get(0);
        assertThat(closed.state()).isEqualTo(ClueExchange.State.CONCLUDED);
        assertThat(closed.outcome()).isEqualTo("MEDIATED");
        assertThat(closed.outcomeText()).isEqualTo("调解结案");
        assertThat(closed.amountRecovered()).isEqualByComparingTo("9000");
        assertThat(closed.workersPaid()).isEqualTo(3);
        assertThat(closed.concludedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(closed.reply()).contains("已办结", "调解结案", "经调解，施工方当场结清", "追回工资 9000.00 元", "已兑付 3 人");
        PlatformReports.Batch last = reports.report(jiancha);
        assertThat(reportedStates(c)).containsExactly("ACCEPTED", "IN_PROGRESS", "CONCLUDED");
        assertThat(of(reports.pending("430981"), "XS-PR-0001")).isEmpty();

        // The batch's clue-result form, read back as the platform's upload reads it.
        String csv = new String(PlatformResultForm.csv(reports.results(last.id())), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF线索编号,办理状态,受理日期,办结日期,办结方式代码,办结方式,追回工资金额,兑付人数,答复反映人内容,承办单位");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows).filteredOn(r -> r.get("线索编号").equals("XS-PR-0001")).singleElement().satisfies(r -> {
            assertThat(r.get("办理状态")).isEqualTo("办结");
            assertThat(r.get("受理日期")).isEqualTo("2026-11-04");
            assertThat(r.get("办结日期")).isEqualTo("2026-11-20");
            assertThat(r.get("办结方式")).isEqualTo("调解结案");
            assertThat(r.get("追回工资金额")).isEqualTo("9000.00");
            assertThat(r.get("兑付人数")).isEqualTo("3");
        });
        // The same table refuses a second report of a state, whatever calls it.
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO platform_clue_report (batch_id, case_id, clue_no, state, reply, reported_on)
                VALUES (:b, :c, 'XS-PR-0001', 'CONCLUDED', '重复', CURRENT_DATE)
                """).param("b", last.id()).param("c", c).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void aRefusedClueIsReportedConcludedWithTheReasonAndAClueOfAnotherRegionIsNotOurs() {
        long refused = clue("XS-PR-0002", "430981");
        jdbc.sql("UPDATE case_file SET status = 'REFUSED', refusal_reason = '系劳动争议，已告知申请仲裁', closed_on = DATE '2026-11-05' WHERE id = :c")
                .param("c", refused).update();
        long away = clue("XS-PR-0003", "430903");
        moveTo(away, "ACCEPTED");
        assertThat(of(reports.pending("430981"), "XS-PR-0002")).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ClueExchange.State.CONCLUDED);
            assertThat(r.acceptedOn()).isNull();
            assertThat(r.outcome()).isEqualTo("REFUSED");
            assertThat(r.reply()).isEqualTo("经审查不予受理：系劳动争议，已告知申请仲裁");
        });
        assertThat(of(reports.pending("430981"), "XS-PR-0003")).isEmpty();
        assertThat(of(reports.pending("430903"), "XS-PR-0003")).hasSize(1);
        assertThat(reports.stillOpen("430981")).extracting(PlatformReports.OpenClue::clueNo).doesNotContain("XS-PR-0003");
    }

    @Test
    void theStillTrackedListNamesCluesThePlatformShowsOpenWithDaysOpenAndTheLastAction() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long c = clue("XS-PR-0004", "430981");
        moveTo(c, "COORDINATING");
        jdbc.sql("INSERT INTO case_event (case_id, on_day, by_username, action, note) VALUES (:c, DATE '2026-11-10', 'jiancha', 'CONTACT', '电话联系施工方')")
                .param("c", c).update();
        assertThat(reports.stillOpen("430981")).filteredOn(o -> o.caseId() == c).singleElement().satisfies(o -> {
            assertThat(o.daysOpen()).isEqualTo(ChronoUnit.DAYS.between(CAME_IN, LocalDate.now(clock)));
            assertThat(o.lastReportedState()).isNull();
            assertThat(o.lastAction()).isEqualTo("CONTACT");
            assertThat(o.lastActionOn()).isEqualTo(LocalDate.of(2026, 11, 10));
            assertThat(o.pending()).isTrue();
        });
        reports.report(jiancha);
        assertThat(reports.stillOpen("430981")).filteredOn(o -> o.caseId() == c).singleElement().satisfies(o -> {
            assertThat(o.lastReportedState()).isEqualTo("IN_PROGRESS");
            assertThat(o.pending()).isFalse();
            assertThat(o.lastAction()).isEqualTo("PLATFORM_REPORT");
        });
        // Reported 办结: the platform no longer shows it open.
        close(c);
        reports.report(jiancha);
        assertThat(reports.stillOpen("430981")).extracting(PlatformReports.OpenClue::caseId).doesNotContain(c);
    }

    @Test
    void theHttpExchangePostsTheFormToTheProvincesApiAndAFailedDeliveryRecordsNothing() throws Exception {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        long c = clue("XS-PR-0005", "430981");
        close(c);
        try (MockWebServer platform = new MockWebServer()) {
            platform.enqueue(new MockResponse().setResponseCode(503).setBody("维护中"));
            platform.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody("{\"receipt\":\"HN-20261203-0042\"}"));
            platform.start();
            PlatformReports viaApi = new PlatformReports(jdbc, new HttpClueExchange(platform.url("/api/clue-results").uri(),
                    "province-token", Duration.ofSeconds(5)), operationLog, clock);

            // The platform is down: the officer is told why, nothing is recorded, the result stays pending.
            assertThatThrownBy(() -> viaApi.report(jiancha)).isInstanceOf(CaseRuleException.class)
                    .hasMessageContaining("报送失败").hasMessageContaining("HTTP 503");
            assertThat(reportedStates(c)).isEmpty();
            assertThat(of(viaApi.pending("430981"), "XS-PR-0005")).hasSize(1);
            platform.takeRequest();

            PlatformReports.Batch batch = viaApi.report(jiancha);
            assertThat(batch.exchange()).isEqualTo("HTTP");
            assertThat(batch.receipt()).isEqualTo("HN-20261203-0042");
            assertThat(reportedStates(c)).containsExactly("CONCLUDED");
            RecordedRequest sent = platform.takeRequest();
            assertThat(sent.getMethod()).isEqualTo("POST");
            assertThat(sent.getPath()).isEqualTo("/api/clue-results");
            assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer province-token");
            String body = sent.getBody().readUtf8();
            assertThat(body).contains("\"clue_no\":\"XS-PR-0005\"", "\"state\":\"办结\"", "\"outcome\":\"MEDIATED\"",
                    "\"amount_recovered\":\"9000.00\"", "\"workers_paid\":3", "\"concluded_on\":\"2026-11-20\"");
        }
    }

    @Test
    void theFileExchangeWritesTheFormToTheOutbox(@TempDir Path outbox) throws Exception {
        ClueExchange.Result result = new ClueExchange.Result(1, "XS-PR-0006", ClueExchange.State.CONCLUDED,
                LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 20), "MEDIATED", "调解结案", new BigDecimal("9000.00"), 3,
                "您反映的问题已办结", "沅江市人力资源和社会保障局");
        ClueExchange.Receipt receipt = new FileClueExchange(outbox, clock).send(List.of(result));
        Path written = Path.of(receipt.reference());
        assertThat(written.getParent()).isEqualTo(outbox);
        assertThat(written.getFileName().toString()).startsWith("线索办理结果-").endsWith(".csv");
        List<String> lines = Files.readAllLines(written, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("XS-PR-0006,办结,2026-11-04,2026-11-20,MEDIATED,调解结案,9000.00,3,您反映的问题已办结,沅江市人力资源和社会保障局");
        assertThat(new FileClueExchange(null, clock).send(List.of(result)).reference()).endsWith(".csv");
        try (var listed = Files.list(outbox)) {
            assertThat(listed.toList()).hasSize(1);
        }
    }
}
