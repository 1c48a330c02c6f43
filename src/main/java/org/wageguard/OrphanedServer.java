package org.wageguard;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the application's own data directory by an application process that
 * died without stopping it (kill -9, an out-of-memory kill, a crashed terminal). Its postmaster keeps the
 * data directory locked, so the next start would wait for a server that can never start and give up. Before
 * the embedded server is started on a persistent data directory, such an orphan is stopped with PostgreSQL's
 * fast shutdown (SIGINT: the dead application's sessions are rolled back, every committed transaction is
 * kept, a checkpoint is written) and the start goes on.
 * <p>
 * A server whose data directory is still held by a live application (the embedded library's {@code epg-lock}
 * file is locked by that process) is never touched: the start fails with a message instead. A
 * {@code postmaster.pid} naming a process that is gone, or one that is not a PostgreSQL server of this
 * directory (its number reused after a reboot), is stale and removed.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

    /** The lock file the embedded library holds for as long as a live process uses the data directory. */
    static final String LIBRARY_LOCK = "epg-lock";

    static final String PID_FILE = "postmaster.pid";

    private static final long STOP_WAIT_SECONDS = 60;

    private OrphanedServer() {
    }

    static void recover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveOwner(dataDir);
        Optional<Long> pid = pidOf(pidFile);
        Optional<ProcessHandle> server = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (server.isEmpty() || !isServerOf(server.get(), dataDir)) {
            log.warn("内置 PostgreSQL 数据目录 {} 留有过期的 {}（进程 {} 已不存在），已清除", dataDir, PID_FILE,
                    pid.map(String::valueOf).orElse("?"));
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle orphan = server.get();
        log.warn("发现上次异常退出后遗留的内置 PostgreSQL（进程 {}，数据目录 {}），正在快速关闭后重新启动", orphan.pid(), dataDir);
        fastShutdown(orphan);
        try {
            orphan.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("遗留的内置 PostgreSQL（进程 " + orphan.pid() + "）在 " + STOP_WAIT_SECONDS
                    + " 秒内未停止；请手工停止该进程后再启动", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("等待遗留的内置 PostgreSQL 停止时出错", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("等待遗留的内置 PostgreSQL 停止时被中断", e);
        }
        log.info("遗留的内置 PostgreSQL 已停止（进程 {}）", orphan.pid());
    }

    /** Refuses to go on when another live process still uses this data directory. */
    private static void requireNoLiveOwner(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(LIBRARY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("内置 PostgreSQL 数据目录 " + dataDir
                        + " 正被另一个运行中的 WageGuard 进程使用；同一数据目录只能由一个进程使用，请先停止它");
            }
            lock.release();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IllegalStateException("内置 PostgreSQL 数据目录 " + dataDir + " 已由本进程使用", e);
        }
    }

    private static Optional<Long> pidOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The process is a PostgreSQL server started on exactly this data directory. */
    static boolean isServerOf(ProcessHandle process, Path dataDir) {
        Optional<String> command = process.info().command();
        Optional<String[]> arguments = process.info().arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return false;
        }
        if (!Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return false;
        }
        String[] args = arguments.get();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().equals(dataDir)) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's fast shutdown is SIGINT, which the JDK cannot send (destroy() sends SIGTERM, a smart one). */
    private static void fastShutdown(ProcessHandle server) throws IOException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).redirectErrorStream(true).start();
        try {
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                throw new IllegalStateException("无法停止遗留的内置 PostgreSQL（进程 " + server.pid() + "）：" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("停止遗留的内置 PostgreSQL 时被中断", e);
        }
    }
}
