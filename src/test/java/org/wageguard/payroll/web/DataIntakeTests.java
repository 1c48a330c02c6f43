package org.wageguard.payroll.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.imports.ImportConflictException;
import org.wageguard.shared.imports.ImportJobs;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.RealNameImports;

import tools.jackson.databind.json.JsonMapper;

/**
 * Data intake at a province's speed (issue 19): files beyond the old 100,000-row cap are streamed in, a bad last row
 * still leaves nothing applied, two imports of one project-month at once end with one current version and the
 * other told, long imports run as jobs that the API polls, and a restart fails the jobs it interrupted. Uses months
 * of 2031 on 琼湖路 (YJ-2021-004), which no demo data has, and removes what it wrote.
 */
@DemoApplicationTest
class DataIntakeTests {

    static final String PROJECT = "YJ-2021-004";
    static final String HEADER = "项目编号,身份证号,日期,工时\n";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired RealNameImports realName;
    @Autowired ImportJobs jobs;
    @Autowired org.wageguard.workforce.ImportAnswers answers;
    @Autowired org.wageguard.identity.internal.ApiTokens tokens;

    final JsonMapper json = JsonMapper.builder().build();

    /** {@code workers} workers with attendance on {@code days} days of {@code month}: workers × days rows. */
    static StringBuilder attendance(YearMonth month, int workers, int days, int seed) {
        StringBuilder csv = new StringBuilder(workers * days * 46).append(HEADER);
        for (int w = 0; w < workers; w++) {
            String id = idFor(seed, w);
            for (int d = 1; d <= days; d++) {
                csv.append(PROJECT).append(',').append(id).append(',').append(month.atDay(d)).append(",8\n");
            }
        }
        return csv;
    }

    /** A valid, distinct ID number per seed and worker: region 4309xx, birth dates from 1960 on. */
    static String idFor(int seed, int worker) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(worker / 900);
        return org.wageguard.workforce.TestIds.valid("4309" + String.format("%02d", 81 + seed) + birth.toString().replace("-", "")
                + String.format("%03d", worker % 900 + 100));
    }

    OfficerPrincipal inspector() {
        return logins.principal("jiancha");
    }

    String token(String username) {
        long officer = jdbc.sql("SELECT id FROM officer WHERE username = :u").param("u", username).query(Long.class).single();
        return tokens.issue(officer, "大批量导入测试", "admin").token();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> body(MvcResult result) throws Exception {
        return json.readValue(result.getResponse().getContentAsString(StandardCharsets.UTF_8), Map.class);
    }

    long currentRows(YearMonth month) {
        return jdbc.sql("""
                SELECT count(*) FROM attendance a JOIN project p ON p.id = a.project_id
                 WHERE p.code = :c AND a.current AND a.work_date >= :from AND a.work_date < :to""")
                .param("c", PROJECT).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query(Long.class).single();
    }

    List<Long> versions(YearMonth month, String status) {
        return jdbc.sql("""
                SELECT i.id FROM data_import i JOIN project p ON p.id = i.project_id
                 WHERE p.code = :c AND i.kind = 'ATTENDANCE' AND i.month = :m AND i.status = :s""")
                .param("c", PROJECT).param("m", month.atDay(1)).param("s", status).query(Long.class).list();
    }

    @AfterEach
    void removeWhatTheTestsWrote() {
        jdbc.sql("""
                DELETE FROM attendance WHERE source_import_id IN (SELECT id FROM data_import
                 WHERE kind = 'ATTENDANCE' AND month >= DATE '2031-01-01' AND month < DATE '2032-01-01')""").update();
        jdbc.sql("UPDATE data_import SET replaced_by = NULL WHERE month >= DATE '2031-01-01' AND month < DATE '2032-01-01'").update();
        jdbc.sql("DELETE FROM data_import WHERE kind = 'ATTENDANCE' AND month >= DATE '2031-01-01' AND month < DATE '2032-01-01'").update();
        jdbc.sql("DELETE FROM reconciliation_finding WHERE month >= DATE '2031-01-01' AND month < DATE '2032-01-01'").update();
        jdbc.sql("DELETE FROM reconciliation_run WHERE month >= DATE '2031-01-01' AND month < DATE '2032-01-01'").update();
        jdbc.sql("""
                DELETE FROM worker w WHERE w.created_by IN ('jiancha', 'zongbao') AND w.name = '（未登记姓名）'
                   AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.worker_id = w.id)
                   AND NOT EXISTS (SELECT 1 FROM employment e WHERE e.worker_id = w.id)
                   AND NOT EXISTS (SELECT 1 FROM payroll_line l WHERE l.worker_id = w.id)
                   AND NOT EXISTS (SELECT 1 FROM reconciliation_finding f WHERE f.worker_id = w.id)""").update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileOf300000RowsIsTakenInAsAJobThatTheApiPolls() throws Exception {
        YearMonth month = YearMonth.of(2031, 1);
        byte[] file = attendance(month, 10_000, 30, 0).toString().getBytes(StandardCharsets.UTF_8);
        String token = token("zongbao");
        MvcResult posted = mvc.perform(post("/api/v1/attendance").param("wait", "false").contentType("text/csv")
                .content(file).header("Authorization", "Bearer " + token)).andReturn();
        Map<String, Object> answer = body(posted);
        if (posted.getResponse().getStatus() == 202) {
            assertThat(posted.getResponse().getHeader("Location")).isEqualTo(answer.get("job"));
            long id = ((Number) answer.get("id")).longValue();
            assertThat(jobs.await(id, Duration.ofMinutes(5))).as("the job ends").isPresent();
            // The import answered at its commit; its reconciliation and early warning are the job's later phase.
            assertThat(jobs.awaitFindings(id, Duration.ofMinutes(5))).as("the findings follow").isTrue();
            MvcResult polled = mvc.perform(get("/api/v1/jobs/" + id).header("Authorization", "Bearer " + token)).andReturn();
            assertThat(polled.getResponse().getStatus()).isEqualTo(200);
            Map<String, Object> job = body(polled);
            assertThat(job).containsEntry("state", "DONE").containsEntry("status", 200).containsEntry("phase", "DONE")
                    .containsEntry("findings_ready", true).containsKey("findings_ready_at");
            assertThat(((Number) job.get("rows_read")).longValue()).isEqualTo(300_000);
            answer = (Map<String, Object>) job.get("result");
            assertThat(answer).as("the answer at the commit").containsEntry("findings_ready", false);
        } else {
            assertThat(posted.getResponse().getStatus()).isEqualTo(200);
            String url = String.valueOf(answer.get("job"));
            assertThat(jobs.awaitFindings(Long.parseLong(url.substring(url.lastIndexOf('/') + 1)),
                    Duration.ofMinutes(5))).as("the findings follow").isTrue();
        }
        assertThat(answer).containsEntry("applied", true).containsEntry("rows", 300_000);
        assertThat((List<?>) answer.get("reconciled")).hasSize(1);
        assertThat(currentRows(month)).isEqualTo(300_000);
        assertThat(versions(month, "CURRENT")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM reconciliation_run r JOIN project p ON p.id = r.project_id "
                + "WHERE p.code = :c AND r.month = :m").param("c", PROJECT).param("m", month.atDay(1))
                .query(Long.class).single()).as("the month was reconciled after the import").isEqualTo(1);
        // Another officer cannot see the job.
        long id = jdbc.sql("SELECT max(id) FROM import_job WHERE owner = 'zongbao'").query(Long.class).single();
        assertThat(mvc.perform(get("/api/v1/jobs/" + id).header("Authorization", "Bearer " + token("yinhang")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    long runs(YearMonth month) {
        return jdbc.sql("SELECT count(*) FROM reconciliation_run r JOIN project p ON p.id = r.project_id "
                + "WHERE p.code = :c AND r.month = :m").param("c", PROJECT).param("m", month.atDay(1))
                .query(Long.class).single();
    }

    /**
     * {@code ?wait=true} answers at the import's commit: applied, {@code findings_ready: false}, the sentence that the
     * months are being reconciled and the job's URL; the job then shows phase RECONCILING (对账/预警) until its findings
     * are ready ({@code findings_ready: true}, phase DONE), on the API and on the job's page. {@code ?wait=findings}
     * answers once the findings are ready, as every small import did before; anything else is a 400.
     */
    @Test
    @SuppressWarnings("unchecked")
    void waitTrueAnswersAtTheCommitAndTheJobSaysWhenTheFindingsAreReady() throws Exception {
        YearMonth month = YearMonth.of(2031, 5);
        String token = token("zongbao");
        MvcResult posted = mvc.perform(post("/api/v1/attendance").param("wait", "true").contentType("text/csv")
                .content(attendance(month, 50, 10, 4).toString().getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(200);
        Map<String, Object> answer = body(posted);
        assertThat(answer).containsEntry("applied", true).containsEntry("rows", 500).containsEntry("findings_ready", false);
        assertThat((List<?>) answer.get("reconciled")).hasSize(1);
        assertThat(String.valueOf(answer.get("message"))).contains("正在对 1 个项目月份对账和预警");
        String url = String.valueOf(answer.get("job"));
        assertThat(url).startsWith("/api/v1/jobs/");
        long id = Long.parseLong(url.substring("/api/v1/jobs/".length()));
        assertThat(currentRows(month)).as("applied at the answer").isEqualTo(500);

        assertThat(jobs.awaitFindings(id, Duration.ofMinutes(2))).as("the findings follow").isTrue();
        Map<String, Object> job = body(mvc.perform(get(url).header("Authorization", "Bearer " + token)).andReturn());
        assertThat(job).containsEntry("state", "DONE").containsEntry("phase", "DONE").containsEntry("status", 200)
                .containsEntry("findings_ready", true).containsKey("findings_ready_at");
        assertThat(runs(month)).as("the month was reconciled after the answer").isEqualTo(1);
        String page = mvc.perform(get("/workforce/imports/jobs/" + id + "/progress").with(logins.as("zongbao")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-findings-ready=\"true\"", "对账和预警已完成").doesNotContain("hx-trigger");

        YearMonth next = YearMonth.of(2031, 6);
        Map<String, Object> waited = body(mvc.perform(post("/api/v1/attendance").param("wait", "findings")
                .contentType("text/csv").content(attendance(next, 50, 10, 4).toString().getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)).andReturn());
        assertThat(waited).containsEntry("applied", true).containsEntry("findings_ready", true);
        assertThat(String.valueOf(waited.get("message"))).contains("对账结果已可查看");
        assertThat(runs(next)).as("reconciled before the answer").isEqualTo(1);

        MvcResult bad = mvc.perform(post("/api/v1/attendance").param("wait", "soon").contentType("text/csv")
                .content(attendance(next, 1, 1, 4).toString().getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(String.valueOf(body(bad).get("message"))).contains("wait 只能是");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadRowAtTheVeryEndOfA150000RowFileLeavesNothingApplied() throws Exception {
        YearMonth month = YearMonth.of(2031, 2);
        StringBuilder csv = attendance(month, 5_000, 28, 1);
        csv.append(PROJECT).append(',').append(idFor(1, 1)).append(",2031-02-30,8\n");
        long lastRow = 5_000 * 28 + 2;
        MvcResult result = mvc.perform(post("/api/v1/attendance").param("wait", "true").contentType("text/csv")
                .content(csv.toString().getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token("zongbao"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Map<String, Object> answer = body(result);
        assertThat(answer).containsEntry("applied", false).containsEntry("problem_count", 1);
        assertThat((List<Map<String, Object>>) answer.get("problems")).singleElement().satisfies(p -> {
            assertThat(((Number) p.get("row")).longValue()).isEqualTo(lastRow);
            assertThat(p.get("column")).isEqualTo("日期（date）");
            assertThat(p.get("reason")).isEqualTo("日期应为 YYYY-MM-DD 格式的真实日期");
        });
        assertThat(String.valueOf(answer.get("message"))).contains("未导入任何数据");
        assertThat(currentRows(month)).isZero();
        assertThat(versions(month, "CURRENT")).isEmpty();
    }

    @Test
    void twoImportsOfOneProjectMonthAtOnceEndWithOneVersionCurrentAndTheOtherTold() throws Exception {
        YearMonth month = YearMonth.of(2031, 3);
        byte[] first = attendance(month, 300, 20, 2).toString().getBytes(StandardCharsets.UTF_8);
        byte[] second = attendance(month, 200, 25, 2).toString().getBytes(StandardCharsets.UTF_8);
        OfficerPrincipal officer = inspector();
        CountDownLatch firstApplying = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ImportProgress holdWhileApplying = new ImportProgress() {
            @Override
            public void phase(Phase phase) {
                if (phase == Phase.APPLYING) {
                    firstApplying.countDown();
                    try {
                        secondDone.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        CompletableFuture<ImportOutcome> a = CompletableFuture.supplyAsync(() -> realName.attendance("甲.csv",
                new ByteArrayInputStream(first), false, officer, holdWhileApplying));
        assertThat(firstApplying.await(2, TimeUnit.MINUTES)).as("the first import is being applied").isTrue();
        try {
            assertThatThrownBy(() -> realName.attendance("乙.csv", new ByteArrayInputStream(second), false, officer,
                    ImportProgress.NONE)).isInstanceOf(ImportConflictException.class)
                    .hasMessageContaining("另一份考勤正在导入").hasMessageContaining("未写入任何数据");
        } finally {
            secondDone.countDown();
        }
        ImportOutcome applied = a.get(2, TimeUnit.MINUTES);
        assertThat(applied.applied()).isTrue();
        assertThat(applied.rows()).isEqualTo(300 * 20);
        assertThat(versions(month, "CURRENT")).hasSize(1);
        assertThat(versions(month, "SUPERSEDED")).isEmpty();
        assertThat(currentRows(month)).isEqualTo(300 * 20);
    }

    @Test
    void aRestartFailsTheJobsItInterruptedWithNothingApplied() {
        long id = jdbc.sql("""
                INSERT INTO import_job (kind, file_name, owner, state, phase, rows_read)
                VALUES ('attendance', '中断.csv', 'jiancha', 'RUNNING', 'APPLYING', 1200) RETURNING id""")
                .query(Long.class).single();
        jobs.failLeftovers();
        ImportJobs.Job job = jobs.find(id, "jiancha").orElseThrow();
        assertThat(job.state()).isEqualTo("FAILED");
        assertThat(job.message()).contains("服务器重新启动").contains("未写入任何数据");
        assertThat(jobs.find(id, "yinhang")).as("only its owner sees a job").isEmpty();
    }

    /**
     * The roster is on the streamed pipeline: a file beyond the old 100,000-row cap is taken in (it was refused
     * "超过 100000 行" before reading a row), and a worker listed again later in the file is the later row.
     */
    @Test
    void aRosterOf100001RowsIsTakenInAndTheLaterRowOfAWorkerWins() {
        long projectId = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", PROJECT).query(Long.class).single();
        StringBuilder csv = new StringBuilder(100_002 * 90).append("项目编号,身份证号,姓名,工资卡号,是否签订劳动合同,进场日期,班组\n");
        int workers = 1_000;
        for (int row = 0; row < 100_001; row++) {
            int w = row % workers;
            csv.append(PROJECT).append(',').append(idFor(5, w)).append(",大批").append(w).append(",6228480010000000011,Y,")
                    .append("2031-06-01,").append(row >= 100_001 - workers ? "末行班组" : "班组" + row).append('\n');
        }
        try {
            ImportOutcome outcome = realName.roster("花名册.csv",
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false, inspector());
            assertThat(outcome.applied()).as("a roster of 100,001 rows is no longer refused").isTrue();
            assertThat(outcome.problemCount()).isZero();
            assertThat(outcome.rows()).as("one line per worker: the later row replaces the earlier").isEqualTo(workers);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM employment e WHERE e.project_id = :p AND e.current AND e.entry_date = DATE '2031-06-01'
                       AND e.team = '末行班组'""").param("p", projectId).query(Long.class).single()).isEqualTo(workers);
        } finally {
            jdbc.sql("""
                    DELETE FROM employment WHERE project_id = :p AND entry_date = DATE '2031-06-01'""")
                    .param("p", projectId).update();
            jdbc.sql("DELETE FROM data_import WHERE kind = 'ROSTER' AND project_id = :p AND file_name = '花名册.csv'")
                    .param("p", projectId).update();
            jdbc.sql("""
                    DELETE FROM worker w WHERE w.name LIKE '大批%' AND w.created_by = 'jiancha'
                       AND NOT EXISTS (SELECT 1 FROM employment e WHERE e.worker_id = w.id)
                       AND NOT EXISTS (SELECT 1 FROM reconciliation_finding f WHERE f.worker_id = w.id)""").update();
        }
    }

    /**
     * The progress page as the officer who sent the file sees it (import_job): while the import is being applied the
     * page shows the phase and the rows read and checked, and polls itself every second; when the job is done the
     * same page shows the result and stops polling. Nobody else sees the job.
     */
    @Test
    void theProgressPageShowsTheRunningPhaseAndRowsThenTheResult() throws Exception {
        YearMonth month = YearMonth.of(2031, 4);
        byte[] file = attendance(month, 100, 20, 3).toString().getBytes(StandardCharsets.UTF_8);
        OfficerPrincipal officer = logins.principal("zongbao");
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long id = jobs.start("attendance", "进度.csv", "zongbao", progress -> answers.answer("attendance", "考勤",
                () -> realName.attendance("进度.csv", new ByteArrayInputStream(file), false, officer, new ImportProgress() {
                    @Override
                    public void phase(Phase phase) {
                        progress.phase(phase);
                        if (phase == Phase.APPLYING) {
                            applying.countDown();
                            try {
                                release.await(2, TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }

                    @Override
                    public void read(long rowsSoFar) {
                        progress.read(rowsSoFar);
                    }

                    @Override
                    public void checked(long rows) {
                        progress.checked(rows);
                    }

                    @Override
                    public void applied(long rows) {
                        progress.applied(rows);
                    }
                })));
        try {
            assertThat(applying.await(2, TimeUnit.MINUTES)).as("the import is being applied").isTrue();
            String running = mvc.perform(get("/workforce/imports/jobs/" + id).with(logins.as("zongbao")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(running).contains("导入进度", "进度.csv", "data-state=\"RUNNING\"", "data-phase=\"APPLYING\"",
                    "正在写入", "已读取 2,000 行，通过校验 2,000 行，已写入 0 行", "hx-trigger=\"every 1s\"",
                    "/workforce/imports/jobs/" + id + "/progress");
            assertThat(mvc.perform(get("/workforce/imports/jobs/" + id).with(logins.as("zhujian"))).andReturn()
                    .getResponse().getStatus()).as("another officer does not see the job").isEqualTo(404);
        } finally {
            release.countDown();
        }
        assertThat(jobs.await(id, Duration.ofMinutes(2))).as("the job ends").isPresent();
        String done = mvc.perform(get("/workforce/imports/jobs/" + id + "/progress").with(logins.as("zongbao")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(done).contains("data-state=\"DONE\"", "import-job-result", "考勤导入完成：写入 2,000 行", "对账结果已可查看",
                "已读取 2,000 行，通过校验 2,000 行，已写入 2,000 行").doesNotContain("hx-trigger", "正在写入");
    }
}
