package org.wageguard.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three administrators exist from installation: a role no account holds gets its account at the next start,
 * holding that role alone, on a one-time password printed once to the log. Rolled back after each test.
 */
@DemoApplicationTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class AdministratorAccountsTests {

    @Autowired AdministratorAccounts administrators;
    @Autowired OfficerAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    @Test
    void aMissingAdministratorIsCreatedWithAOneTimePasswordPrintedOnce(CapturedOutput output) {
        // As on an installation whose audit administrator account was never made.
        jdbc.sql("DELETE FROM officer_role WHERE role_code = 'AUDIT_ADMIN'").update();

        // The installation's region, as wageguard.installation.region-code sets it.
        AdministratorAccounts installation = new AdministratorAccounts(jdbc, accounts, "430981");
        installation.run(null);

        var row = jdbc.sql("SELECT id, password_hash, password_must_change FROM officer WHERE username = 'auditadmin'")
                .query().singleRow();
        assertThat(jdbc.sql("SELECT role_code FROM officer_role WHERE officer_id = :id").param("id", row.get("id"))
                .query(String.class).list()).containsExactly("AUDIT_ADMIN");
        assertThat((Boolean) row.get("password_must_change")).isTrue();
        assertThat(jdbc.sql("SELECT region_code FROM officer WHERE username = 'auditadmin'").query(String.class).single())
                .isEqualTo("430981");
        Matcher printed = Pattern.compile("auditadmin（区划 430981），一次性密码 (\\S+) ").matcher(output.getOut());
        assertThat(printed.find()).as("the one-time password in the log").isTrue();
        assertThat(encoder.matches(printed.group(1), (String) row.get("password_hash"))).isTrue();
        // The administrators that exist are left alone, and nothing is added twice.
        assertThat(jdbc.sql("SELECT count(*) FROM officer WHERE username IN ('sysadmin', 'secadmin')")
                .query(Long.class).single()).isZero();
        installation.run(null);
        administrators.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM officer_role WHERE role_code = 'AUDIT_ADMIN'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void withoutTheInstallationsRegionNoAdministratorIsGuessedIntoAProvince() {
        jdbc.sql("DELETE FROM officer_role WHERE role_code = 'SECURITY_ADMIN'").update();

        assertThatThrownBy(() -> new AdministratorAccounts(jdbc, accounts, " ").run(null))
                .hasMessageContaining("wageguard.installation.region-code");
        assertThatThrownBy(() -> new AdministratorAccounts(jdbc, accounts, "999999").run(null))
                .hasMessageContaining("999999").hasMessageContaining("不在行政区划代码表中");
        assertThat(jdbc.sql("SELECT count(*) FROM officer WHERE username = 'secadmin'").query(Long.class).single())
                .isZero();
        // Where every administrator role is held (here the demo's admin, anquan and shenji), nothing is needed.
        jdbc.sql("INSERT INTO officer_role (officer_id, role_code) SELECT id, 'SECURITY_ADMIN' FROM officer WHERE username = 'anquan'")
                .update();
        new AdministratorAccounts(jdbc, accounts, "").run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM officer WHERE username IN ('sysadmin', 'secadmin', 'auditadmin')")
                .query(Long.class).single()).isZero();
    }
}
