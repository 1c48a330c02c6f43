package org.wageguard.shared;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one optimistic-locking write, on a table of its own in the real PostgreSQL. */
@DemoApplicationTest
class VersionedTests {

    @Autowired JdbcClient jdbc;

    @BeforeEach
    void aTable() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS versioned_probe (
                    id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, note VARCHAR(100), version INT NOT NULL DEFAULT 0,
                    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), updated_by VARCHAR(64) NOT NULL DEFAULT 'system')
                """).update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS versioned_bare (code VARCHAR(10) PRIMARY KEY, note VARCHAR(100), version INT NOT NULL DEFAULT 0)").update();
        jdbc.sql("DELETE FROM versioned_probe").update();
        jdbc.sql("DELETE FROM versioned_bare").update();
        jdbc.sql("INSERT INTO versioned_probe (id, owner_id, note) VALUES (1, 7, 'first')").update();
        jdbc.sql("INSERT INTO versioned_bare (code, note) VALUES ('A', 'first')").update();
    }

    record Probe(String note, int version, String updatedBy) {
    }

    Probe probe() {
        return jdbc.sql("SELECT note, version, updated_by FROM versioned_probe WHERE id = 1").query(Probe.class).single();
    }

    @Test
    void aSaveAtTheCurrentVersionWritesCountsUpAndStampsWho() {
        assertThat(Versioned.update(jdbc, "versioned_probe", "note = :n").param("n", "second").by("jiancha").row(1L, 0))
                .isTrue();
        assertThat(probe()).isEqualTo(new Probe("second", 1, "jiancha"));
    }

    @Test
    void aSaveAtAnOldVersionIsRefusedWithWhoSavedAndNothingIsWritten() {
        Versioned.update(jdbc, "versioned_probe", "note = :n").param("n", "first officer").by("jiancha").row(1L, 0);
        assertThatThrownBy(() -> Versioned.update(jdbc, "versioned_probe", "note = :n").param("n", "second officer")
                .by("jiancha2").row(1L, 0))
                .isInstanceOfSatisfying(StaleEditException.class, e -> {
                    assertThat(e.savedBy()).isEqualTo("jiancha");
                    assertThat(e.savedAt()).isNotNull();
                    assertThat(e.table()).isEqualTo("versioned_probe");
                    assertThat(e.getMessage()).startsWith("该记录已被其他人修改（jiancha 于 ").endsWith("请刷新后重新操作，您的输入未保存。");
                });
        assertThat(probe()).isEqualTo(new Probe("first officer", 1, "jiancha"));
    }

    @Test
    void aRowOutsideItsConditionOrMissingIsNotThereRatherThanStale() {
        assertThat(Versioned.update(jdbc, "versioned_probe", "note = :n").param("n", "x").where("owner_id = :o")
                .param("o", 8L).row(1L, 0)).isFalse();
        assertThat(Versioned.update(jdbc, "versioned_probe", "note = :n").param("n", "x").row(2L, 0)).isFalse();
        assertThatThrownBy(() -> Versioned.update(jdbc, "versioned_probe", "note = :n").param("n", "x").existingRow(2L, 0))
                .isInstanceOf(org.springframework.dao.EmptyResultDataAccessException.class);
        assertThat(probe()).isEqualTo(new Probe("first", 0, "system"));
    }

    @Test
    void anotherKeyAndATableWithoutStampsWork() {
        assertThat(Versioned.update(jdbc, "versioned_bare", "note = :n").param("n", "second").key("code").by("jiancha")
                .row("A", 0)).isTrue();
        assertThatThrownBy(() -> Versioned.update(jdbc, "versioned_bare", "note = :n").param("n", "third").key("code")
                .row("A", 0))
                .isInstanceOf(StaleEditException.class).hasMessage("该记录已被其他人修改，请刷新后重新操作，您的输入未保存。");
        assertThat(jdbc.sql("SELECT note || '/' || version FROM versioned_bare").query(String.class).single())
                .isEqualTo("second/1");
    }

    @Test
    void aSystemWriteCountsTheVersionUpSoThatAnOpenFormIsStale() {
        assertThat(Versioned.update(jdbc, "versioned_probe", "note = :n").param("n", "balance").rowAtAnyVersion(1L)).isEqualTo(1);
        assertThatThrownBy(() -> Versioned.requireVersion(jdbc, "versioned_probe", 1L, 0))
                .isInstanceOf(StaleEditException.class);
        Versioned.requireVersion(jdbc, "versioned_probe", 1L, 1);
    }

    @Test
    void onlyNamesBecomeSql() {
        assertThatThrownBy(() -> Versioned.update(jdbc, "probe; DROP TABLE x", "note = 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Versioned.update(jdbc, "versioned_probe", "note = 1").key("id OR 1=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
