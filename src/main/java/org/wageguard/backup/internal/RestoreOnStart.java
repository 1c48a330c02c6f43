package org.wageguard.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.backup.BackupException;
import org.wageguard.backup.BackupProperties;
import org.wageguard.identity.EncryptionKeyFile;

/**
 * Restores a backup folder ({@code wageguard.backup.restore-from}) into the application's database before the
 * migrations run, so that the application then starts on the restored data (and migrates it, if the backup is older
 * than the application). Refuses — and the application does not start — unless the folder's checksums hold, the
 * database is empty and the configured key file is the backup's own (it is put in place when missing).
 */
@Component
class RestoreOnStart implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(RestoreOnStart.class);

    private final BackupProperties properties;
    private final DataSource dataSource;
    private final EncryptionKeyFile keyFile;

    RestoreOnStart(BackupProperties properties, DataSource dataSource, EncryptionKeyFile keyFile) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.keyFile = keyFile;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (properties.restoreFrom() != null && !properties.restoreFrom().toString().isBlank()) {
            restore(properties.restoreFrom().toAbsolutePath().normalize());
        }
        flyway.migrate();
    }

    private void restore(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BackupException("要恢复的备份文件夹 " + folder + " 不存在。");
        }
        BackupFolder.verify(folder);
        putKeyInPlace(folder.resolve(BackupFolder.KEYS));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        int tables = jdbc.sql("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                """).query(Integer.class).single();
        DatabaseAddress db = DatabaseAddress.of(dataSource);
        if (tables > 0) {
            throw new BackupException("数据库 " + db + " 不是空库（已有 " + tables + " 张表），拒绝从备份恢复以免覆盖数据。"
                    + "请恢复到新建的空数据库；若恢复已经完成，请去掉 wageguard.backup.restore-from 后再启动。");
        }
        log.info("从备份 {} 恢复数据库 {} …", folder, db);
        new PostgresTools(properties.pgBin(), properties.timeout()).restore(db, folder.resolve(BackupFolder.DUMP));
        // The backup's own run was still running when it was taken; in the restored database it is the one restored.
        jdbc.sql("""
                UPDATE backup_run SET result = 'SUCCESS', finished_at = :now, message = :m
                 WHERE result = 'RUNNING' AND id = :id
                """).param("now", OffsetDateTime.now()).param("m", "本数据库由此备份恢复（" + OffsetDateTime.now() + "）")
                .param("id", runId(folder)).update();
        log.info("已从备份 {} 恢复数据库 {}", folder, db);
    }

    private void putKeyInPlace(Path backupKey) {
        Path target = keyFile.path();
        if (target == null) {
            throw new BackupException("未配置加密密钥文件（wageguard.crypto.key-file），无法恢复。");
        }
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(backupKey, target);
                BackupFolder.ownerOnly(target);
                log.info("已把备份中的密钥文件放到 {}", target);
            } else if (!Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(backupKey))) {
                throw new BackupException("已配置的密钥文件 " + target + " 与备份中的 wageguard.keys 不同，用它无法解密恢复的身份证号与银行卡号。"
                        + "请把备份中的 wageguard.keys 复制到该位置（或删除该文件，恢复时自动放入）后再启动。");
            }
        } catch (IOException e) {
            throw new BackupException("无法放置密钥文件 " + target + "：" + e.getMessage(), e);
        }
    }

    private static long runId(Path folder) {
        String name = folder.getFileName().toString();
        return BackupFolder.isBackupName(name) ? Long.parseLong(name.substring(name.lastIndexOf('-') + 1)) : -1;
    }
}
