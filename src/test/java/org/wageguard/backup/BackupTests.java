package org.wageguard.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.backup.BackupRun.Kind;
import org.wageguard.backup.BackupRun.Result;
import org.wageguard.backup.internal.BackupFolder;
import org.wageguard.backup.internal.PostgresTools;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The nightly backup's settings, schedule, retention and audit, and the checks that guard a restore. */
@DemoApplicationTest
class BackupTests {

    @Autowired Backups backups;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired Clock clock;

    @AfterEach
    void switchOff() {
        backups.saveSettings(false, LocalTime.of(3, 0), 7, "admin");
    }

    private static List<Path> folders(Path directory) throws Exception {
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> BackupFolder.isBackupName(p.getFileName().toString())).sorted().toList();
        }
    }

    @Test
    void withRetentionTwoThreeRunsLeaveOnlyTheNewestTwo() throws Exception {
        backups.saveSettings(false, LocalTime.of(3, 0), 2, "admin");
        BackupRun first = backups.runNow("admin");
        BackupRun second = backups.runNow("admin");
        BackupRun third = backups.runNow("admin");
        assertThat(List.of(first, second, third)).extracting(BackupRun::result).containsOnly(Result.SUCCESS);

        assertThat(folders(backups.directory())).containsExactly(Path.of(second.folder()), Path.of(third.folder()));
        List<BackupRun> runs = backups.runs(100);
        BackupRun oldest = runs.stream().filter(r -> r.id() == first.id()).findFirst().orElseThrow();
        assertThat(oldest.deletedAt()).isNotNull();
        assertThat(runs.stream().filter(BackupRun::kept)).extracting(BackupRun::id)
                .containsExactlyInAnyOrder(second.id(), third.id());
    }

    @Test
    void aRunCutShortByARestartIsMarkedFailedByTheNextRun() {
        long stale = jdbc.sql("""
                INSERT INTO backup_run (kind, requested_by, started_at, result)
                VALUES ('SCHEDULED', 'system', now() - interval '1 day', 'RUNNING') RETURNING id
                """).query(Long.class).single();
        assertThat(backups.runNow("admin").result()).isEqualTo(Result.SUCCESS);
        BackupRun cut = backups.runs(100).stream().filter(r -> r.id() == stale).findFirst().orElseThrow();
        assertThat(cut.result()).isEqualTo(Result.FAILURE);
        assertThat(cut.message()).contains("备份未完成");
    }

    @Test
    void aBackupHoldsTheDumpAndTheKeyFileWithTheirChecksums() throws Exception {
        BackupRun run = backups.runNow("admin");
        Path folder = Path.of(run.folder());
        assertThat(folder.getParent()).isEqualTo(backups.directory());
        assertThat(folder.resolve(BackupFolder.DUMP)).isNotEmptyFile();
        assertThat(run.checksum()).isEqualTo(BackupFolder.sha256(folder.resolve(BackupFolder.DUMP)));
        assertThat(run.sizeBytes()).isEqualTo(BackupFolder.size(folder));
        assertThat(Files.readString(folder.resolve(BackupFolder.SUMS)))
                .contains(run.checksum() + "  database.dump").contains("  wageguard.keys");
        BackupFolder.verify(folder);

        // A backup changed after it was made is refused for a restore.
        Path copy = Files.createTempDirectory("tampered");
        for (String f : List.of(BackupFolder.DUMP, BackupFolder.KEYS, BackupFolder.INFO, BackupFolder.SUMS)) {
            Files.copy(folder.resolve(f), copy.resolve(f));
        }
        Files.write(copy.resolve(BackupFolder.KEYS), "x".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> BackupFolder.verify(copy)).isInstanceOf(BackupException.class)
                .hasMessageContaining("备份校验失败").hasMessageContaining("wageguard.keys");
        BackupFolder.delete(copy);
    }

    @Test
    void theNightlyBackupRunsOnceWhenItsTimeHasComeAndNotForATimeSetAfterIt() {
        jdbc.sql("DELETE FROM backup_run WHERE kind = 'SCHEDULED'").update();
        // Noon of today: the checks below step a minute and a day on, which must not cross another midnight
        // (the suite once ran this at 23:59 Beijing time, and a minute later tomorrow's backup was rightly due).
        ZonedDateTime now = LocalDate.now(clock).atTime(12, 0).atZone(clock.getZone());
        backups.saveSettings(true, LocalTime.MIDNIGHT, 7, "admin");
        // Switched on just now: today's 00:00 has passed before the setting, so tonight's is the first.
        assertThat(backups.runIfDue(now)).isEmpty();

        jdbc.sql("UPDATE backup_settings SET updated_at = now() - interval '2 days'").update();
        BackupRun run = backups.runIfDue(now).orElseThrow();
        assertThat(run.kind()).isEqualTo(Kind.SCHEDULED);
        assertThat(run.result()).isEqualTo(Result.SUCCESS);
        assertThat(run.requestedBy()).isEqualTo("system");
        assertThat(backups.runIfDue(now.plusMinutes(1))).as("today's backup is made once").isEmpty();

        backups.saveSettings(false, LocalTime.MIDNIGHT, 7, "admin");
        jdbc.sql("UPDATE backup_settings SET updated_at = now() - interval '2 days'").update();
        assertThat(backups.runIfDue(now.plusDays(1))).as("switched off").isEmpty();
    }

    @Test
    void oneBackupAtATimeAcrossInstances() throws Exception {
        // Another instance holds the lock (a connection of its own, as a second server would).
        try (var other = java.sql.DriverManager.getConnection(
                org.wageguard.backup.internal.DatabaseAddress.of(dataSource).jdbcUrl(),
                org.wageguard.backup.internal.DatabaseAddress.of(dataSource).user(),
                org.wageguard.backup.internal.DatabaseAddress.of(dataSource).password());
             var s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + Backups.LOCK + ")");
            BackupRun manual = backups.runNow("admin");
            assertThat(manual.result()).isEqualTo(Result.SKIPPED);
            assertThat(manual.message()).contains("另一个备份正在进行");
            assertThat(manual.folder()).isNull();
            assertThat(backups.run(Kind.SCHEDULED, "system", null, ZonedDateTime.now(clock))).isNull();
        }
    }

    @Autowired javax.sql.DataSource dataSource;

    @Test
    void switchingTheNightlyBackupOnIsInTheOperationLog() throws Exception {
        mvc.perform(post("/admin/backup/settings").with(logins.as("admin")).with(csrf())
                        .param("enabled", "true").param("runAt", "02:45").param("retention", "5"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "已保存。"));
        BackupSettings s = backups.settings();
        assertThat(s.enabled()).isTrue();
        assertThat(s.runAt()).isEqualTo(LocalTime.of(2, 45));
        assertThat(s.retention()).isEqualTo(5);
        assertThat(s.updatedBy()).isEqualTo("admin");
        String detail = jdbc.sql("""
                SELECT detail FROM operation_log WHERE action = 'BACKUP_SETTINGS' AND username = 'admin'
                 ORDER BY id DESC LIMIT 1
                """).query(String.class).single();
        assertThat(detail).contains("开启每日自动备份").contains("02:45").contains("保留最近 5 份");

        mvc.perform(get("/admin/backup").with(logins.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("立即备份")))
                .andExpect(content().string(containsString("已开启，每天 02:45")))
                .andExpect(content().string(containsString(backups.directory().toString())));
    }

    @Test
    void badSettingsAreRefusedInChineseAndOnlyTheSystemAdministratorMayChangeThem() throws Exception {
        mvc.perform(post("/admin/backup/settings").with(logins.as("admin")).with(csrf())
                        .param("enabled", "true").param("runAt", "02:45").param("retention", "0"))
                .andExpect(flash().attribute("error", containsString("保留份数须在 1 到 365 之间")));
        mvc.perform(post("/admin/backup/settings").with(logins.as("admin")).with(csrf())
                        .param("enabled", "true").param("runAt", "25:99").param("retention", "3"))
                .andExpect(flash().attribute("error", containsString("无法识别")));
        assertThat(backups.settings().enabled()).isFalse();

        mvc.perform(get("/admin/backup").with(logins.as("jiancha"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/backup/settings").with(logins.as("anquan")).with(csrf()).param("enabled", "true")
                .param("runAt", "02:00").param("retention", "3")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/backup/run").with(logins.as("shenji")).with(csrf())).andExpect(status().isForbidden());
        assertThat(backups.settings().enabled()).isFalse();
    }

    @Test
    void aMissingPgDumpIsNamedWithWhatToDo() {
        PostgresTools tools = new PostgresTools(Path.of("/nonexistent/pg/bin"), java.time.Duration.ofMinutes(1));
        assertThat(tools.problem()).contains("找不到 pg_dump").contains("/nonexistent/pg/bin/pg_dump")
                .contains("wageguard.backup.pg-bin");
        assertThat(backups.problem()).isNull();
    }
}
