package org.wageguard.workforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.Projects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration of rosters replaced the old way (a new file superseded the project's whole roster and its absent
 * workers vanished with the superseded rows) to the history model: nobody is lost.
 */
@DemoApplicationTest
class RosterMigrationTests {

    static final String MIGRATION = "db/migration/workforce/V2026.12.03.10__roster_history.sql";

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired Rosters rosters;
    @Autowired org.wageguard.identity.SensitiveData sensitive;

    /** The migration's data step: the workers a superseding roster left out come back as closed periods. */
    void migrateDroppedWorkers() throws IOException {
        String sql = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        jdbc.sql(sql.substring(sql.lastIndexOf("INSERT INTO employment")).replace(";", "")).update();
    }

    long rosterVersion(long project, String status, String day) {
        return jdbc.sql("""
                INSERT INTO data_import (kind, project_id, file_name, content_hash, row_count, status, created_at,
                    roster_mode, effective_date, left_count)
                VALUES ('ROSTER', :p, :f, repeat('0', 64), 1, :s, CAST(:d AS DATE) + TIME '10:00' AT TIME ZONE 'Asia/Shanghai',
                    'FULL', CAST(:d AS DATE), 0) RETURNING id
                """).param("p", project).param("f", "旧花名册-" + day + ".csv").param("s", status).param("d", day)
                .query(Long.class).single();
    }

    long worker(String hash, String name) {
        return jdbc.sql("""
                INSERT INTO worker (id_number_cipher, id_number_hash, id_number_masked, id_verified, name)
                VALUES (:cipher, :h, '430981********0000', TRUE, :n) RETURNING id""").param("h", hash).param("n", name)
                .param("cipher", sensitive.encrypt("430981199001010000"))
                .query(Long.class).single();
    }

    void line(long worker, long project, String name, long version, String entry, boolean current) {
        jdbc.sql("""
                INSERT INTO employment (worker_id, project_id, worker_name, bank_card_cipher, bank_card_hash,
                    bank_card_masked, contract_signed, entry_date, source_import_id, source_row, current)
                VALUES (:w, :p, :n, :card, 'h', '6228 **** **** 0000', TRUE, CAST(:e AS DATE), :v, 2, :c)
                """).param("card", sensitive.encrypt("6228480010000000000")).param("w", worker).param("p", project).param("n", name).param("e", entry).param("v", version)
                .param("c", current).update();
    }

    @Test
    void workersLeftOutByASupersedingRosterComeBackAsClosedPeriodsAndNobodyIsLost() throws IOException {
        RosterSite site = new RosterSite(jdbc, projects, realName, payroll, disbursements);
        long p = site.projectId;
        // The old way: the September roster listed 甲 and 乙; the November one only 甲 and 丙, superseding it.
        long september = rosterVersion(p, "SUPERSEDED", "2026-09-01");
        long november = rosterVersion(p, "CURRENT", "2026-11-05");
        jdbc.sql("UPDATE data_import SET replaced_by = :n WHERE id = :s").param("n", november).param("s", september).update();
        long a = worker("migration-a-" + p, "甲迁移"), b = worker("migration-b-" + p, "乙迁移"), c = worker("migration-c-" + p, "丙迁移");
        line(a, p, "甲迁移", september, "2026-08-20", false);
        line(b, p, "乙迁移", september, "2026-08-20", false);
        line(a, p, "甲迁移", november, "2026-08-20", true);
        line(c, p, "丙迁移", november, "2026-11-02", true);

        migrateDroppedWorkers();
        migrateDroppedWorkers(); // a second run finds nothing more to do

        assertThat(rosters.departed(p)).extracting(d -> d.line().name() + " " + d.line().entryDate() + "~"
                + d.line().exitDate() + " " + d.exitFileName()).containsExactly("乙迁移 2026-08-20~2026-11-05 旧花名册-2026-11-05.csv");
        assertThat(rosters.roster(p)).extracting(Rosters.Line::name).containsExactlyInAnyOrder("甲迁移", "丙迁移");
        assertThat(rosters.rosterForProcessing(p, java.time.YearMonth.of(2026, 9))).extracting(Rosters.RosterRecord::name)
                .containsExactlyInAnyOrder("甲迁移", "乙迁移");
        // The superseded rows stay as they were.
        assertThat(jdbc.sql("SELECT count(*) FROM employment WHERE project_id = :p AND NOT current").param("p", p)
                .query(Long.class).single()).isEqualTo(2);
        List<String> versions = jdbc.sql("SELECT status FROM data_import WHERE project_id = :p ORDER BY id").param("p", p)
                .query(String.class).list();
        assertThat(versions).containsExactly("SUPERSEDED", "CURRENT");
    }
}
