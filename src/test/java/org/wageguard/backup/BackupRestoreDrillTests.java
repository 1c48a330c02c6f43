package org.wageguard.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.WageGuardApplication;
import org.wageguard.backup.BackupRun.Kind;
import org.wageguard.backup.BackupRun.Result;
import org.wageguard.backup.internal.DatabaseAddress;
import org.wageguard.identity.EncryptionKeyFile;
import org.wageguard.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore drill: the nightly backup's code backs the demo database up, the backup is restored into a fresh
 * database by starting the application on it with {@code wageguard.backup.restore-from} (as docs/backup.md tells the
 * operator), and that application finds every table with the same number of rows and decrypts every worker's ID
 * number to the same value with the key file the backup carried. Works on the embedded server and on CI's server.
 */
@DemoApplicationTest
class BackupRestoreDrillTests {

    @Autowired Backups backups;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired FieldCipher cipher;
    @Autowired EncryptionKeyFile keyFile;
    @Autowired Clock clock;

    static Map<String, Long> rowCounts(JdbcClient db) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : db.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
                .query(String.class).list()) {
            counts.put(table, db.sql("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")
                    .query(Long.class).single());
        }
        return counts;
    }

    static Map<Long, String> idNumbers(JdbcClient db, FieldCipher cipher) {
        Map<Long, String> ids = new TreeMap<>();
        db.sql("SELECT id, id_number_cipher FROM worker").query((rs, n) -> ids.put(rs.getLong(1),
                cipher.decrypt(rs.getString(2)))).list();
        return ids;
    }

    @Test
    void theNightlyBackupRestoresIntoAFreshDatabaseWhereTheApplicationFindsEveryRowAndEveryIdNumber() {
        BackupRun run = backups.run(Kind.SCHEDULED, "system", null, ZonedDateTime.now(clock));
        assertThat(run.result()).as(run.message()).isEqualTo(Result.SUCCESS);
        Map<String, Long> before = rowCounts(jdbc);
        Map<Long, String> ids = idNumbers(jdbc, cipher);
        assertThat(before).hasSizeGreaterThan(50);
        assertThat(before.get("worker")).isGreaterThan(10);
        assertThat(before.get("case_file")).isGreaterThan(10);
        assertThat(ids).hasSize(before.get("worker").intValue());
        assertThat(ids.values()).allMatch(id -> id.length() == 18);

        DatabaseAddress original = DatabaseAddress.of(dataSource);
        String name = "wg_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0").update();
        DatabaseAddress fresh = original.withDatabase(name);
        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(WageGuardApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.datasource.url=" + fresh.jdbcUrl(),
                        "spring.datasource.username=" + fresh.user(),
                        "spring.datasource.password=" + (fresh.password() == null ? "" : fresh.password()),
                        "wageguard.backup.restore-from=" + run.folder(),
                        "wageguard.crypto.key-file=" + keyFile.path(),
                        "wageguard.crypto.generate-if-missing=false",
                        "wageguard.demo.enabled=false",
                        "server.port=0", "spring.main.banner-mode=off")
                .run()) {
            JdbcClient restoredDb = restored.getBean(JdbcClient.class);
            assertThat(restoredDb.sql("SELECT current_database()").query(String.class).single()).isEqualTo(name);
            // Outstanding event publications (e.g. an SMS notice whose delivery met the database outage of another
            // test) are delivered by the restored instance when it starts (republish-outstanding-events-on-restart)
            // and then removed: that table alone may shrink.
            Map<String, Long> restoredCounts = rowCounts(restoredDb);
            assertThat(restoredCounts.get("event_publication")).isLessThanOrEqualTo(before.get("event_publication"));
            restoredCounts.remove("event_publication");
            Map<String, Long> expected = new java.util.TreeMap<>(before);
            expected.remove("event_publication");
            assertThat(restoredCounts).isEqualTo(expected);
            assertThat(idNumbers(restoredDb, restored.getBean(FieldCipher.class))).isEqualTo(ids);
            assertThat(restoredDb.sql("SELECT result FROM backup_run WHERE id = :id").param("id", run.id())
                    .query(String.class).single()).isEqualTo("SUCCESS");
        } finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
        }
        assertThat(Path.of(run.folder())).isDirectory();
    }
}
