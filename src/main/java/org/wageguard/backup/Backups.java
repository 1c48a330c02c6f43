package org.wageguard.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.backup.BackupRun.Kind;
import org.wageguard.backup.BackupRun.Result;
import org.wageguard.backup.internal.BackupFolder;
import org.wageguard.backup.internal.DatabaseAddress;
import org.wageguard.backup.internal.PostgresTools;
import org.wageguard.identity.EncryptionKeyFile;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * Backs up the database (pg_dump) and the encryption key file into one dated folder with SHA-256 sums, on demand or
 * every night at the time set; keeps the newest N successful backups and deletes the older folders. One backup at a
 * time across application instances: a PostgreSQL advisory lock held by a connection of its own for the whole run.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    /** The advisory-lock key of backups (issue 17). */
    static final long LOCK = 17_017_001L;

    private static final String RUNS = """
            SELECT id, kind, requested_by, started_at, finished_at, result, folder, size_bytes, checksum, message,
                   deleted_at
              FROM backup_run""";

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final BackupProperties properties;
    private final EncryptionKeyFile keyFile;
    private final OperationLog operationLog;
    private final Clock clock;
    private final PostgresTools tools;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wageguard-backup");
        t.setDaemon(true);
        return t;
    });

    Backups(JdbcClient jdbc, DataSource dataSource, BackupProperties properties, EncryptionKeyFile keyFile,
            OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
        this.keyFile = keyFile;
        this.operationLog = operationLog;
        this.clock = clock;
        this.tools = new PostgresTools(properties.pgBin(), properties.timeout());
    }

    public BackupSettings settings() {
        return jdbc.sql("SELECT enabled, run_at, retention, updated_at, updated_by FROM backup_settings WHERE id = 1")
                .query(Rows.of(BackupSettings.class)).single();
    }

    /** Changes the nightly backup, written to the operation log. */
    @Transactional
    public BackupSettings saveSettings(boolean enabled, LocalTime runAt, int retention, String username) {
        if (runAt == null) {
            throw new BackupException("请填写每天备份的时间（时:分）。");
        }
        if (retention < 1 || retention > BackupSettings.MAX_RETENTION) {
            throw new BackupException("保留份数须在 1 到 " + BackupSettings.MAX_RETENTION + " 之间。");
        }
        LocalTime at = runAt.withSecond(0).withNano(0);
        jdbc.sql("""
                UPDATE backup_settings SET enabled = :enabled, run_at = :runAt, retention = :retention,
                       updated_at = :now, updated_by = :username WHERE id = 1
                """).param("enabled", enabled).param("runAt", at).param("retention", retention)
                .param("now", OffsetDateTime.now(clock)).param("username", username).update();
        operationLog.record("BACKUP_SETTINGS", "backup_settings", 1, (enabled ? "开启" : "关闭") + "每日自动备份，时间 "
                + at + "，保留最近 " + retention + " 份，备份目录 " + properties.directory());
        return settings();
    }

    /** The newest backups first. */
    public List<BackupRun> runs(int limit) {
        return jdbc.sql(RUNS + " ORDER BY started_at DESC, id DESC LIMIT :limit").param("limit", limit).query(Rows.of(BackupRun.class)).list();
    }

    public Path directory() {
        return properties.directory();
    }

    public Path pgBin() {
        return properties.pgBin();
    }

    /** Why backups cannot run on this server (a missing pg_dump), or null. */
    public String problem() {
        return tools.problem();
    }

    /** A backup now, by an administrator, waiting for it. Written to the operation log. */
    public BackupRun runNow(String username) {
        recordRequest();
        return run(Kind.MANUAL, username, null, ZonedDateTime.now(clock));
    }

    /**
     * A backup now, by an administrator, in the background (a large database takes minutes; the page lists it as
     * running). Written to the operation log at once.
     */
    public void start(String username) {
        recordRequest();
        background.execute(() -> {
            try {
                run(Kind.MANUAL, username, null, ZonedDateTime.now(clock));
            } catch (RuntimeException e) {
                log.error("备份失败", e);
            }
        });
    }

    private void recordRequest() {
        operationLog.record("BACKUP_RUN", "backup_run", null, "立即备份，备份目录 " + properties.directory());
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }

    /**
     * The nightly backup, if it is switched on, today's time has come, the settings were not changed after it (a time
     * set at noon for 03:00 means tomorrow), and no instance has made today's yet. A server that was down at the time
     * makes it when it comes up the same day.
     */
    public Optional<BackupRun> runIfDue(ZonedDateTime now) {
        BackupSettings s = settings();
        if (!s.enabled()) {
            return Optional.empty();
        }
        ZonedDateTime slot = now.toLocalDate().atTime(s.runAt()).atZone(now.getZone());
        if (now.isBefore(slot) || !slot.toOffsetDateTime().isAfter(s.updatedAt()) || scheduledSince(slot)) {
            return Optional.empty();
        }
        return Optional.ofNullable(run(Kind.SCHEDULED, "system", slot, now));
    }

    private boolean scheduledSince(ZonedDateTime slot) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM backup_run WHERE kind = 'SCHEDULED' AND started_at >= :slot)")
                .param("slot", slot.toOffsetDateTime()).query(Boolean.class).single();
    }

    /**
     * One backup, under the advisory lock. Returns the run as recorded; null when a scheduled run finds the slot
     * already served (by another instance) or the lock held. A manual run that finds the lock held is recorded as
     * skipped, so the administrator sees why.
     */
    BackupRun run(Kind kind, String requestedBy, ZonedDateTime slot, ZonedDateTime now) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                if (kind == Kind.SCHEDULED) {
                    return null;
                }
                long id = insert(kind, requestedBy, now, Result.SKIPPED, "另一个备份正在进行（本机或其他实例），本次未执行。");
                return find(id);
            }
            try {
                if (slot != null && scheduledSince(slot)) {
                    return null;
                }
                // Holding the lock, no backup is in progress anywhere: a run still marked running was cut short.
                jdbc.sql("""
                        UPDATE backup_run SET result = 'FAILURE', finished_at = :now,
                               message = '备份未完成：执行它的进程中途停止（如重启或断电），未产生可用的备份。'
                         WHERE result = 'RUNNING'
                        """).param("now", now.toOffsetDateTime()).update();
                return backUp(kind, requestedBy, now);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new BackupException("无法连接数据库以开始备份：" + e.getMessage(), e);
        }
    }

    private static boolean advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private BackupRun backUp(Kind kind, String requestedBy, ZonedDateTime started) {
        long id = insert(kind, requestedBy, started, Result.RUNNING, null);
        Path directory = properties.directory();
        String name = "wageguard-" + FOLDER_TIME.format(started) + "-" + id;
        Path partial = directory.resolve("." + name + ".partial");
        Path folder = directory.resolve(name);
        try {
            Path key = keyFile.path();
            if (key == null || !Files.isRegularFile(key)) {
                throw new BackupException("找不到加密密钥文件 " + key + "，没有它备份无法恢复身份证号与银行卡号，本次未备份。");
            }
            Files.createDirectories(directory);
            BackupFolder.delete(partial);
            Files.createDirectories(partial);
            BackupFolder.ownerOnly(partial);
            DatabaseAddress db = DatabaseAddress.of(dataSource);
            tools.dump(db, partial.resolve(BackupFolder.DUMP));
            BackupFolder.ownerOnly(partial.resolve(BackupFolder.DUMP));
            Files.copy(key, partial.resolve(BackupFolder.KEYS), StandardCopyOption.COPY_ATTRIBUTES);
            BackupFolder.ownerOnly(partial.resolve(BackupFolder.KEYS));
            Files.writeString(partial.resolve(BackupFolder.INFO), info(id, kind, requestedBy, started, db),
                    StandardCharsets.UTF_8);
            Map<String, String> sums = BackupFolder.writeSums(partial,
                    List.of(BackupFolder.DUMP, BackupFolder.KEYS, BackupFolder.INFO));
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            long size = BackupFolder.size(folder);
            jdbc.sql("""
                    UPDATE backup_run SET result = 'SUCCESS', finished_at = :now, folder = :folder, size_bytes = :size,
                           checksum = :sum WHERE id = :id
                    """).param("now", OffsetDateTime.now(clock)).param("folder", folder.toString())
                    .param("size", size).param("sum", sums.get(BackupFolder.DUMP)).param("id", id).update();
            log.info("备份完成：{}（{} 字节）", folder, size);
            applyRetention();
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof BackupException ? e.getMessage() : "备份失败：" + e;
            log.error("备份失败：{}", reason, e);
            try {
                BackupFolder.delete(partial);
            } catch (IOException ignored) {
                // reported below with the run
            }
            jdbc.sql("UPDATE backup_run SET result = 'FAILURE', finished_at = :now, message = :m WHERE id = :id")
                    .param("now", OffsetDateTime.now(clock)).param("m", truncate(reason, 2000)).param("id", id).update();
            if (kind == Kind.SCHEDULED) {
                operationLog.recordOutcome("BACKUP_RUN", "backup_run", id, "每日自动备份失败：" + truncate(reason, 800),
                        OperationLog.Result.FAILURE);
            }
        }
        return find(id);
    }

    private String info(long id, Kind kind, String requestedBy, ZonedDateTime started, DatabaseAddress db) {
        String server = jdbc.sql("SHOW server_version").query(String.class).single();
        String schema = jdbc.sql("SELECT max(version) FROM flyway_schema_history WHERE success")
                .query(String.class).optional().orElse("");
        return "护薪 WageGuard 备份\n"
                + "run=" + id + "\n"
                + "kind=" + kind + "\n"
                + "requested_by=" + requestedBy + "\n"
                + "started_at=" + started.toOffsetDateTime() + "\n"
                + "database=" + db + "\n"
                + "server_version=" + server + "\n"
                + "pg_dump=" + tools.version("pg_dump") + "\n"
                + "schema_version=" + schema + "\n"
                + "key_file=" + keyFile.path() + "\n"
                + "restore=java -jar wageguard.jar --wageguard.backup.restore-from=<本文件夹> （空库；见 docs/backup.md）\n";
    }

    /** Keeps the newest N successful backups; deletes the folders of older ones and records when. */
    private void applyRetention() {
        int keep = settings().retention();
        List<BackupRun> kept = jdbc.sql(RUNS + " WHERE result = 'SUCCESS' AND deleted_at IS NULL ORDER BY started_at DESC, id DESC")
                .query(Rows.of(BackupRun.class)).list();
        for (BackupRun old : kept.subList(Math.min(keep, kept.size()), kept.size())) {
            Path folder = old.folder() == null ? null : Path.of(old.folder());
            try {
                if (folder != null && BackupFolder.isBackupName(folder.getFileName().toString())) {
                    BackupFolder.delete(folder);
                }
                jdbc.sql("UPDATE backup_run SET deleted_at = :now WHERE id = :id")
                        .param("now", OffsetDateTime.now(clock)).param("id", old.id()).update();
                log.info("按保留份数 {} 删除旧备份 {}", keep, folder);
            } catch (IOException e) {
                log.warn("无法删除旧备份 {}：{}", folder, e.getMessage());
            }
        }
    }

    private long insert(Kind kind, String requestedBy, ZonedDateTime at, Result result, String message) {
        return jdbc.sql("""
                INSERT INTO backup_run (kind, requested_by, started_at, result, message, finished_at)
                VALUES (:kind, :by, :now, :result, :message, CASE WHEN :result = 'RUNNING' THEN NULL ELSE :now END)
                RETURNING id
                """).param("kind", kind.name()).param("by", requestedBy).param("now", at.toOffsetDateTime())
                .param("result", result.name()).param("message", message).query(Long.class).single();
    }

    private BackupRun find(long id) {
        return jdbc.sql(RUNS + " WHERE id = :id").param("id", id).query(Rows.of(BackupRun.class)).single();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
