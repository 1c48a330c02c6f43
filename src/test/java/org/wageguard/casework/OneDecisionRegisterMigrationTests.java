package org.wageguard.casework;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 700 moves the enforcement register's rows into the one register of decisions: run on the tables as they
 * were (in a scratch schema, rolled back), a served copy merges into its decision with its service day, amount and
 * challenge; a decision registered only for enforcement becomes a decision of its own; the deposit draw follows it.
 */
@DemoApplicationTest
@Transactional
class OneDecisionRegisterMigrationTests {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theEnforcementRegistersRowsMoveIntoTheOneRegisterOfDecisions() throws Exception {
        List<Long> cases = jdbc.queryForList("SELECT id FROM case_file ORDER BY id LIMIT 2", Long.class);
        long a = cases.get(0);
        long b = cases.get(1);
        jdbc.execute("CREATE SCHEMA mig_700; SET LOCAL search_path = mig_700, public");
        // The three tables as migrations 300 and 320 left them.
        jdbc.execute("""
                CREATE TABLE case_decision (
                    id BIGSERIAL PRIMARY KEY, case_id BIGINT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
                    kind VARCHAR(16) NOT NULL CHECK (kind IN ('DECISION', 'PENALTY_NOTICE', 'PENALTY')), number VARCHAR(64) NOT NULL,
                    decided_on DATE NOT NULL, deadline DATE,
                    basis VARCHAR(16) CHECK (basis IN ('LSSR_30_3', 'REGS_54', 'REGS_55', 'REGS_57')), fine NUMERIC(16, 2) CHECK (fine > 0),
                    facts VARCHAR(1000) NOT NULL, recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(), recorded_by VARCHAR(64) NOT NULL,
                    UNIQUE (case_id, kind),
                    CHECK (kind = 'DECISION' AND deadline IS NOT NULL OR kind <> 'DECISION' AND basis IS NOT NULL AND fine IS NOT NULL));
                CREATE TABLE case_enforcement_decision (
                    id BIGSERIAL PRIMARY KEY, case_id BIGINT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
                    kind VARCHAR(16) NOT NULL CHECK (kind IN ('HANDLING', 'PENALTY')), number VARCHAR(64) NOT NULL,
                    decided_on DATE NOT NULL, served_on DATE NOT NULL CHECK (served_on >= decided_on),
                    deadline DATE NOT NULL CHECK (deadline > served_on), amount NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
                    challenged_on DATE, challenge VARCHAR(500), created_by VARCHAR(64) NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now());
                CREATE TABLE case_deposit_draw (
                    id BIGSERIAL PRIMARY KEY, case_id BIGINT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
                    project_id BIGINT NOT NULL, decision_id BIGINT NOT NULL REFERENCES case_enforcement_decision (id),
                    amount NUMERIC(16, 2) NOT NULL CHECK (amount > 0), drawn_on DATE NOT NULL, drawn_by VARCHAR(64) NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """);
        jdbc.update("""
                INSERT INTO case_decision (case_id, kind, number, decided_on, deadline, facts, recorded_by)
                VALUES (?, 'DECISION', '沅人社监理〔2026〕5号', DATE '2026-01-05', DATE '2026-01-25', '', 'jiancha')
                """, a);
        long served = jdbc.queryForObject("""
                INSERT INTO case_enforcement_decision (case_id, kind, number, decided_on, served_on, deadline, amount, challenged_on,
                                                       challenge, created_by)
                VALUES (?, 'HANDLING', '沅人社监理〔2026〕5号', DATE '2026-01-05', DATE '2026-01-06', DATE '2026-01-25', 7000,
                        DATE '2026-02-01', '当事人申请行政复议', 'jiancha') RETURNING id
                """, Long.class, a);
        jdbc.update("""
                INSERT INTO case_enforcement_decision (case_id, kind, number, decided_on, served_on, deadline, amount, created_by)
                VALUES (?, 'PENALTY', '沅人社监罚决〔2026〕2号', DATE '2026-02-01', DATE '2026-02-02', DATE '2026-02-17', 3000, 'jiancha')
                """, b);
        jdbc.update("""
                INSERT INTO case_deposit_draw (case_id, project_id, decision_id, amount, drawn_on, drawn_by)
                VALUES (?, 1, ?, 7000, DATE '2026-02-10', 'jiancha')
                """, a, served);

        jdbc.execute(new String(new ClassPathResource("db/migration/casework/V2026.12.03.700__one_decision_register.sql")
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT case_id, kind, number, served_on::text AS served, deadline::text AS deadline, amount, fine, basis,
                       challenge FROM case_decision ORDER BY id
                """);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("case_id", a).containsEntry("kind", "DECISION").containsEntry("served", "2026-01-06")
                .containsEntry("deadline", "2026-01-25").containsEntry("challenge", "当事人申请行政复议");
        assertThat((java.math.BigDecimal) rows.get(0).get("amount")).isEqualByComparingTo("7000");
        assertThat(rows.get(1)).containsEntry("case_id", b).containsEntry("kind", "PENALTY").containsEntry("number", "沅人社监罚决〔2026〕2号")
                .containsEntry("served", "2026-02-02").containsEntry("deadline", "2026-02-17").containsEntry("basis", null);
        assertThat((java.math.BigDecimal) rows.get(1).get("fine")).isEqualByComparingTo("3000");
        long merged = jdbc.queryForObject("SELECT id FROM case_decision WHERE case_id = ? AND kind = 'DECISION'", Long.class, a);
        assertThat(jdbc.queryForObject("SELECT decision_id FROM case_deposit_draw", Long.class)).isEqualTo(merged);
        assertThat(jdbc.queryForObject("SELECT to_regclass('mig_700.case_enforcement_decision') IS NULL", Boolean.class)).isTrue();
    }
}
