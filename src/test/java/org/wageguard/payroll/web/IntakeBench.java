package org.wageguard.payroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wageguard.identity.internal.ApiTokens;
import org.wageguard.payroll.reconciliation.bench.CsvWriter;

/**
 * The intake bench of issue 19, outside the default test run (its name matches no test pattern): the month of
 * {@code bench/reconcile.sh}'s generator ({@code BENCH_WORKERS}, 1,000,000 by default) is sent through the data API
 * over a real socket with the general contractor's token (zongbao) — roster, attendance, pay sheet, disbursements, each
 * with {@code ?wait=true} — into the application's PostgreSQL, and reconciled after each import. Prints rows/s per
 * file until the answer (the import's commit) and until its job says the findings are ready (reconciliation and early
 * warning done), and in total; the application's peak heap and resident memory; the machine's load average during the
 * run; and the p50/p95 response time of the case list ({@code GET /cases} as the demo inspector jiancha, signed in,
 * over the same socket) while the attendance import runs, until its commit and until its findings are ready.
 * Run it with {@code bench/intake.sh [WORKERS]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wageguard.imports.max-size.roster=4GB", "wageguard.imports.max-size.attendance=4GB",
        "wageguard.imports.max-size.payroll=4GB", "wageguard.imports.max-size.disbursement=4GB"})
@ActiveProfiles("demo")
class IntakeBench {

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    @Test
    void aProvincesMonthThroughTheApi() throws Exception {
        String size = System.getenv().getOrDefault("BENCH_WORKERS", System.getProperty("bench.workers", "1000000"));
        int workers = Integer.parseInt(size);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-data/" + workers));
        if (!Files.exists(dir.resolve("disbursements.csv"))) {
            System.out.println("generating " + workers + " workers into " + dir + " ...");
            CsvWriter.main(new String[] {"--workers", String.valueOf(workers), "--dir", dir.toString(), "--seed", "1"});
        }
        registerProjects(dir);
        long contractor = jdbc.sql("SELECT id FROM officer WHERE username = 'zongbao'").query(Long.class).single();
        String token = tokens.issue(contractor, "intake bench", "admin").token();

        Peak peak = new Peak();
        LoadAverage load = new LoadAverage();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> lines = new ArrayList<>();
        long totalRows = 0;
        double totalSeconds = 0;
        double totalFindingsSeconds = 0;
        for (String file : List.of("roster", "attendance", "payroll", "disbursements")) {
            Path csv = dir.resolve(file + ".csv");
            long rows;
            try (var stream = Files.lines(csv)) {
                rows = stream.count() - 1;
            }
            CaseListProbe probe = file.equals("attendance") ? new CaseListProbe("http://localhost:" + port) : null;
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/" + file + "?wait=true")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/csv").timeout(Duration.ofHours(2))
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            String body = response.body();
            assertThat(response.statusCode()).as(file + ": " + (body.length() > 600 ? body.substring(0, 600) : body))
                    .isEqualTo(200);
            if (probe != null) {
                probe.mark();
            }
            // The findings follow the answer as the job's later phase: poll the job until they are ready.
            java.util.regex.Matcher job = java.util.regex.Pattern.compile("\"job\":\"([^\"]+)\"").matcher(body);
            if (body.contains("\"findings_ready\":false") && job.find()) {
                while (true) {
                    String state = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + job.group(1)))
                            .header("Authorization", "Bearer " + token).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    if (state.contains("\"findings_ready\":true")) {
                        break;
                    }
                    assertThat(state).as(file + " findings").doesNotContain("FINDINGS_FAILED");
                    Thread.sleep(100);
                }
            }
            double findingsSeconds = (System.nanoTime() - start) / 1e9;
            if (probe != null) {
                probe.stop();
                String p = probe.report();
                System.out.println("INTAKE " + p);
                lines.add(p);
            }
            totalRows += rows;
            totalSeconds += seconds;
            totalFindingsSeconds += findingsSeconds;
            String line = String.format(Locale.ROOT,
                    "%-14s %,12d rows  answer (commit) %,8.1f s %,10.0f rows/s  findings ready %,8.1f s %,10.0f rows/s",
                    file, rows, seconds, rows / seconds, findingsSeconds, rows / findingsSeconds);
            System.out.println("INTAKE " + line);
            lines.add(line);
        }
        peak.stop();
        load.stop();
        String total = String.format(Locale.ROOT,
                "%-14s %,12d rows  answer (commit) %,8.1f s %,10.0f rows/s  findings ready %,8.1f s %,10.0f rows/s",
                "total", totalRows, totalSeconds, totalRows / totalSeconds, totalFindingsSeconds,
                totalRows / totalFindingsSeconds);
        System.out.println("INTAKE " + total);
        System.out.println(String.format(Locale.ROOT, "INTAKE peak heap %,d MB, peak RSS %,d MB (max heap %,d MB), %d cores",
                peak.heap.get() >> 20, rssPeakKb() >> 10, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors()));
        long findings = jdbc.sql("SELECT count(*) FROM reconciliation_finding f JOIN project p ON p.id = f.project_id "
                + "WHERE p.code LIKE 'XM%'").query(Long.class).single();
        System.out.println("INTAKE findings stored: " + findings);
        System.out.println("INTAKE " + load.report());
    }

    /** The generator's projects (XM000001 …), registered as copies of a demo project in 沅江市. */
    void registerProjects(Path dir) throws Exception {
        List<String> codes;
        try (var stream = Files.lines(dir.resolve("roster.csv"))) {
            codes = stream.skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
        }
        List<String> columns = jdbc.sql("""
                SELECT column_name FROM information_schema.columns WHERE table_name = 'project'
                   AND column_name NOT IN ('id', 'code', 'name') AND is_generated = 'NEVER' AND column_default IS NULL
                 ORDER BY ordinal_position""").query(String.class).list();
        String list = String.join(", ", columns);
        for (String code : codes) {
            jdbc.sql("INSERT INTO project (code, name, " + list + ") SELECT :code, :name, " + list
                    + " FROM project WHERE code = 'YJ-2021-001' ON CONFLICT DO NOTHING")
                    .param("code", code).param("name", "基准项目 " + code).update();
        }
        System.out.println("INTAKE projects registered: " + codes.size());
    }

    /** The machine's 1-minute load average, sampled every 5 s during the run (the machine is shared). */
    static final class LoadAverage {
        final List<Double> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        LoadAverage() {
            timer.scheduleAtFixedRate(() -> {
                try {
                    samples.add(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
                } catch (Exception e) {
                    // no sample
                }
            }, 0, 5, TimeUnit.SECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }

        String report() {
            synchronized (samples) {
                double avg = samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                return String.format(Locale.ROOT, "load average (1 min) during the run: min %.1f, mean %.1f, max %.1f "
                        + "(%d samples, %d cores)", samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                        avg, samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), samples.size(),
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }

    /**
     * The case list as an officer sees it while an import runs: the demo inspector, signed in over the same socket,
     * asks for {@code /cases} one request after another (200 ms apart, as someone reading pages); the times until
     * {@link #mark} (the import's answer) and after it (its findings) are reported apart.
     */
    static final class CaseListProbe {
        final List<Long> untilCommit = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Long> afterCommit = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean committed;
        volatile boolean running = true;
        final AtomicLong failures = new AtomicLong();
        final Thread thread;

        CaseListProbe(String base) throws Exception {
            org.wageguard.shared.WebSession session = new org.wageguard.shared.WebSession(base).login("jiancha");
            thread = new Thread(() -> {
                while (running) {
                    long t = System.nanoTime();
                    try {
                        int status = session.get("/cases").statusCode();
                        long ms = (System.nanoTime() - t) / 1_000_000;
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                        (committed ? afterCommit : untilCommit).add(ms);
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "case-list-probe");
            thread.start();
        }

        void mark() {
            committed = true;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        String report() {
            return "case list GET /cases during the attendance import: until its commit " + stats(untilCommit)
                    + "; while its findings were prepared " + stats(afterCommit) + "; non-200 or errors: " + failures.get();
        }

        static String stats(List<Long> samples) {
            synchronized (samples) {
                if (samples.isEmpty()) {
                    return "no requests";
                }
                List<Long> sorted = samples.stream().sorted().toList();
                return String.format(Locale.ROOT, "%d requests, p50 %d ms, p95 %d ms, max %d ms", sorted.size(),
                        sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                        sorted.get(sorted.size() - 1));
            }
        }
    }

    static long rssPeakKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Samples the heap in use every 100 ms (the pools' own peaks count garbage not yet collected). */
    static final class Peak {
        final AtomicLong heap = new AtomicLong();
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Peak() {
            timer.scheduleAtFixedRate(() -> {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                heap.accumulateAndGet(used, Math::max);
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }
    }
}
