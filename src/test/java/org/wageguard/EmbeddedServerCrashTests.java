package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's own PostgreSQL as an operator meets it: the whole application runs in a process of its
 * own on a persistent data directory, is killed for real (SIGKILL, as by {@code kill -9} or the kernel's
 * out-of-memory killer), starts again at the first try on the same directory with every committed row, runs a
 * durable cluster, refuses a second process on its data directory while it runs, and stops in order on SIGTERM
 * (what Ctrl-C or a service manager sends): quietly, within seconds, its database last.
 */
class EmbeddedServerCrashTests {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    @TempDir Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws IOException {
        for (Process p : started) {
            p.destroyForcibly();
        }
        Path pid = home.resolve("pg").resolve(OrphanedServer.PID_FILE);
        if (Files.exists(pid)) {
            long server = Long.parseLong(Files.readAllLines(pid).get(0).trim());
            ProcessHandle.of(server).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void killedApplicationRestartsAtFirstTryWithEveryCommittedRowOnADurableClusterAndStopsInOrder() throws Exception {
        // Three application processes in one test (the killed one, the restarted one and an intruder on its data
        // directory): a start of the whole application is the cost of this class, so the intruder tries the
        // restarted application's directory rather than a fresh application (with its own demo data) of its own.
        Application first = start();
        long orphanPid = postmasterPid();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crash_marker (note text)");
            s.execute("INSERT INTO crash_marker VALUES ('committed before the crash')");
        }

        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("the killed application's postmaster outlives it and holds the data directory")
                .contains(true);

        Application second = start();
        assertThat(second.output()).anyMatch(line -> line.contains("发现上次异常退出后遗留的内置 PostgreSQL"));
        assertThat(gone(orphanPid)).isTrue();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT note FROM crash_marker")).isEqualTo("committed before the crash");
            assertThat(single(s, "SELECT count(*) FROM project")).isEqualTo("17");
            // The library starts every server without fsync; the application's persistent cluster must not run so.
            assertThat(single(s, "SHOW fsync")).isEqualTo("on");
            assertThat(single(s, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(single(s, "SHOW full_page_writes")).isEqualTo("on");
        }
        long serverPid = postmasterPid();

        // A data directory in use by a live application is never taken over: a second process on it gives up.
        Application intruder = launch();
        assertThat(intruder.process().waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        intruder.drained().get(10, TimeUnit.SECONDS);
        assertThat(intruder.process().exitValue()).isNotZero();
        assertThat(intruder.output()).anyMatch(line -> line.contains("正被另一个运行中的 WageGuard 进程使用"));
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(second.process().isAlive()).isTrue();

        int linesBeforeStop = second.output().size();
        // SIGTERM from outside, as Ctrl-C or a service manager sends it (Process.destroy() would close our end
        // of the application's output first, and the log of its shutdown would be lost).
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(second.process().pid())).start().waitFor())
                .isZero();
        assertThat(second.process().waitFor(20, TimeUnit.SECONDS))
                .as("stopped within seconds of SIGTERM").isTrue();
        second.drained().get(10, TimeUnit.SECONDS);
        List<String> all = List.copyOf(second.output());
        List<String> shutdown = all.subList(linesBeforeStop, all.size());
        assertThat(shutdown).noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
        assertThat(gone(serverPid)).as("the database stopped with the application:%n%s", String.join("\n", shutdown))
                .isTrue();
        assertThat(shutdown).anyMatch(line -> line.contains("内置 PostgreSQL 已停止"));
        assertThat(home.resolve("pg").resolve(OrphanedServer.PID_FILE)).doesNotExist();
    }

    private record Application(Process process, List<String> output, CompletableFuture<Void> drained) {
    }

    private Application start() throws Exception {
        Application app = launch();
        try {
            await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!app.process().isAlive()) {
                    fail("application died while starting:%n%s", String.join("\n", tail(app.output())));
                }
                return app.output().stream().anyMatch(line -> line.contains("护薪 WageGuard 已就绪"));
            });
        } catch (ConditionTimeoutException e) {
            fail("application did not start in time:%n%s", String.join("\n", tail(app.output())));
        }
        return app;
    }

    private Application launch() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", classPath,
                WageGuardApplication.class.getName(), "--spring.profiles.active=demo", "--server.port=0",
                "--wageguard.database.scratch-server-url=", "--wageguard.database.data-dir=" + home.resolve("pg"),
                "--wageguard.crypto.key-file=" + home.resolve("keys").resolve("wageguard.keys"),
                "--spring.main.banner-mode=off");
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        started.add(process);
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e + ")");
            }
        });
        return new Application(process, output, drained);
    }

    /** Whether the process has exited (an exited server is reaped by the machine's init a moment later). */
    private static boolean gone(long pid) {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** The last lines of an output that may still be growing (a snapshot first). */
    private static List<String> tail(List<String> output) {
        List<String> lines = List.copyOf(output);
        return lines.subList(Math.max(0, lines.size() - 40), lines.size());
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(pidFileLines().get(0).trim());
    }

    private List<String> pidFileLines() throws IOException {
        return Files.readAllLines(home.resolve("pg").resolve(OrphanedServer.PID_FILE));
    }

    private Connection connect() throws IOException, SQLException {
        int port = Integer.parseInt(pidFileLines().get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
