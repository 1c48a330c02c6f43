package org.wageguard.backup.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wageguard.DemoApplicationTest;
import org.wageguard.backup.BackupException;
import org.wageguard.backup.BackupProperties;
import org.wageguard.backup.BackupRun;
import org.wageguard.backup.Backups;
import org.wageguard.identity.EncryptionKeyFile;
import org.wageguard.shared.crypto.KeyFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A restore at start refuses, in Chinese, what would lose data: a database in use, a key that is not the backup's. */
@DemoApplicationTest
class RestoreOnStartTests {

    @Autowired Backups backups;
    @Autowired DataSource dataSource;
    @Autowired EncryptionKeyFile keyFile;

    private RestoreOnStart restoring(Path folder, Path key) {
        BackupProperties properties = new BackupProperties(backups.directory(), backups.pgBin(), Duration.ofMinutes(5),
                folder);
        return new RestoreOnStart(properties, dataSource, new EncryptionKeyFile(key));
    }

    @Test
    void aDatabaseThatIsNotEmptyIsNeverRestoredOver() {
        BackupRun run = backups.runNow("admin");
        assertThatThrownBy(() -> restoring(Path.of(run.folder()), keyFile.path()).migrate(null))
                .isInstanceOf(BackupException.class).hasMessageContaining("不是空库").hasMessageContaining("拒绝从备份恢复");
    }

    @Test
    void aKeyFileOtherThanTheBackupsIsRefusedAndAMissingOneIsPutInPlace() throws Exception {
        BackupRun run = backups.runNow("admin");
        Path dir = Files.createTempDirectory("restore-key");
        Path other = dir.resolve("other.keys");
        KeyFiles.generate(other);
        assertThatThrownBy(() -> restoring(Path.of(run.folder()), other).migrate(null))
                .isInstanceOf(BackupException.class).hasMessageContaining("与备份中的 wageguard.keys 不同");

        Path missing = dir.resolve("keys/wageguard.keys");
        assertThatThrownBy(() -> restoring(Path.of(run.folder()), missing).migrate(null))
                .hasMessageContaining("不是空库");
        assertThat(Files.readAllBytes(missing)).isEqualTo(Files.readAllBytes(keyFile.path()));
    }

    @Test
    void aFolderThatIsNotABackupIsRefused() throws Exception {
        Path empty = Files.createTempDirectory("not-a-backup");
        assertThatThrownBy(() -> restoring(empty, keyFile.path()).migrate(null))
                .isInstanceOf(BackupException.class).hasMessageContaining("SHA256SUMS").hasMessageContaining("不是完整的备份");
    }
}
