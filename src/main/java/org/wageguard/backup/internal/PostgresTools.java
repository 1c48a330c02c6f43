package org.wageguard.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.wageguard.backup.BackupException;

/** {@code pg_dump} and {@code pg_restore} of the PostgreSQL installed on the server, run as processes. */
public final class PostgresTools {

    private final Path bin;
    private final Duration timeout;

    public PostgresTools(Path bin, Duration timeout) {
        this.bin = bin;
        this.timeout = timeout;
    }

    /** The program, or why it cannot be used (in Chinese). */
    public Path program(String name) {
        Path program = bin.resolve(name);
        if (!Files.isExecutable(program)) {
            throw new BackupException("找不到 " + name + "（" + program + "）。请在服务器上安装 PostgreSQL 15 的客户端程序"
                    + "（Debian/Ubuntu：apt-get install postgresql-client-15；或 postgresql 软件包），"
                    + "或把配置项 wageguard.backup.pg-bin 设为 pg_dump 与 pg_restore 所在的目录。");
        }
        return program;
    }

    /** What is missing for backups, or null when both programs are there. */
    public String problem() {
        try {
            program("pg_dump");
            program("pg_restore");
            return null;
        } catch (BackupException e) {
            return e.getMessage();
        }
    }

    /** The whole database in pg_dump's custom format (compressed, restorable table by table). */
    public void dump(DatabaseAddress db, Path file) {
        run(List.of(program("pg_dump").toString(), "--format=custom", "--file=" + file, "--no-password"), db, "pg_dump 导出");
    }

    /**
     * Into an empty database, in one transaction: either everything is restored or nothing. Objects belong to the
     * restoring user (the dump's owners and grants need not exist on the new server).
     */
    public void restore(DatabaseAddress db, Path file) {
        run(List.of(program("pg_restore").toString(), "--dbname=" + db.database(), "--no-owner", "--no-privileges",
                "--single-transaction", "--exit-on-error", "--no-password", file.toString()), db, "pg_restore 恢复");
    }

    public String version(String name) {
        try {
            Process p = new ProcessBuilder(program(name).toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return name;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return name;
        }
    }

    private void run(List<String> command, DatabaseAddress db, String what) {
        Path errors = null;
        try {
            errors = Files.createTempFile("wageguard-backup", ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
            builder.environment().putAll(db.environment());
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new BackupException(what + "超时（超过 " + timeout.toMinutes() + " 分钟），已中止。");
            }
            if (process.exitValue() != 0) {
                String message = Files.readString(errors, StandardCharsets.UTF_8).trim();
                if (message.length() > 800) {
                    message = "…" + message.substring(message.length() - 800);
                }
                throw new BackupException(what + "失败（退出码 " + process.exitValue() + "）：" + message);
            }
        } catch (IOException e) {
            throw new BackupException(what + "无法执行：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(what + "被中断。", e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
