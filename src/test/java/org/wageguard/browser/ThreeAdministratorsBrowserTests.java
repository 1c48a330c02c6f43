package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 三员分立 in a real browser: admin opens an account (no role, a generated one-time password shown once), anquan
 * grants it a business role, the new officer must change the one-time password before anything else, and shenji
 * finds all three acts in the operation log (screenshots sanyuan-*.png).
 */
class ThreeAdministratorsBrowserTests extends BrowserJourney {

    @Autowired JdbcClient jdbc;

    private void signIn(String username, String password) {
        go("/login");
        d().findElement(By.id("username")).sendKeys(username);
        d().findElement(By.id("password")).sendKeys(password);
        browser.submit(d().findElement(By.id("login-submit")));
    }

    @Test
    void anAccountOpenedByTheSystemAdministratorGetsItsRoleFromTheSecurityAdministrator() throws Exception {
        browser.login(base(), "admin");
        go("/admin/users/new");
        assertThat(findNow(By.name("roles"))).as("no role on the system administrator's form").isEmpty();
        assertThat(d().findElement(By.id("no-roles-hint")).getText()).contains("安全管理员授予");
        d().findElement(By.id("username")).sendKeys("xinjiancha");
        d().findElement(By.id("displayName")).sendKeys("邓新民");
        d().findElement(By.id("title")).sendKeys("劳动保障监察员");
        browser.screenshot("sanyuan-1-admin-opens-account");
        browser.submit(d().findElement(By.id("save-user")));
        String oneTime = d().findElement(By.id("one-time-password")).getText();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
        assertThat(d().findElement(By.id("user-detail")).getText()).doesNotContain("劳动监察员");
        browser.screenshot("sanyuan-2-one-time-password-shown-once");
        String userPage = d().getCurrentUrl().replace(base(), "");
        d().navigate().refresh();
        assertThat(findNow(By.id("one-time-password"))).as("shown once").isEmpty();
        browser.logout();

        browser.login(base(), "anquan");
        go(userPage);
        assertThat(findNow(By.id("role-SYSTEM_ADMIN"))).as("no administrator role offered").isEmpty();
        assertThat(findNow(By.cssSelector("form[action$='/reset-password']"))).as("no password reset").isEmpty();
        d().findElement(By.id("role-LABOR_INSPECTOR")).click();
        browser.submit(d().findElement(By.id("save-roles")));
        assertThat(d().findElement(By.id("user-detail")).getText()).contains("劳动监察员");
        browser.screenshot("sanyuan-3-security-admin-grants-role");
        go("/admin/users/" + jdbc.sql("SELECT id FROM officer WHERE username = 'admin'").query(Long.class).single());
        assertThat(d().findElement(By.id("grant-admin-account")).getText()).contains("三员分立");
        browser.screenshot("sanyuan-4-admin-account-not-grantable");
        browser.logout();

        signIn("xinjiancha", oneTime);
        assertThat(d().getCurrentUrl()).endsWith("/password");
        assertThat(d().findElement(By.id("one-time-notice")).getText()).contains("一次性密码");
        browser.screenshot("sanyuan-5-first-login-must-change");
        go("/cases");
        assertThat(d().getCurrentUrl()).as("every other page leads back").endsWith("/password");
        d().findElement(By.id("oldPassword")).sendKeys(oneTime);
        d().findElement(By.id("newPassword")).sendKeys("Deng#Xinmin2026");
        d().findElement(By.id("confirmPassword")).sendKeys("Deng#Xinmin2026");
        browser.submit(d().findElement(By.cssSelector("form[action$='/password'] button[type=submit]")));
        assertThat(d().findElement(By.id("home-title")).getText()).contains("邓新民");
        browser.screenshot("sanyuan-6-own-password-then-home");
        browser.logout();

        browser.login(base(), "shenji");
        long id = jdbc.sql("SELECT id FROM officer WHERE username = 'xinjiancha'").query(Long.class).single();
        go("/audit/operations?target=officer:" + id);
        String log = d().findElement(By.id("operation-log")).getText();
        assertThat(log).contains("新增用户", "授予角色", "修改一次性密码", "admin", "anquan", "xinjiancha")
                .doesNotContain(oneTime);
        browser.screenshot("sanyuan-7-audit-sees-all-three-acts");
        browser.logout();
    }
}
