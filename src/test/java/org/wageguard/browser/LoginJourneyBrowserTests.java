package org.wageguard.browser;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through a real browser: a wrong password is told in Chinese; the administration pages render. (Every demo
 * role's sign-in, home page, navigation and sign-out are checked where each role walks its pages:
 * {@link EveryPageBrowserTests}.)
 */
class LoginJourneyBrowserTests extends BrowserJourney {

    private void login(String username, String password) {
        WebDriver d = browser.driver();
        go("/login");
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys(password);
        browser.submit(d.findElement(By.id("login-submit")));
    }

    @Test
    void aWrongPasswordShowsTheReasonInChinese() throws Exception {
        login("jiaotong", "not-the-password");
        assertThat(browser.driver().findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
        assertThat(Files.exists(browser.screenshot("login-wrong-password"))).isTrue();
    }

    @Test
    void theAdministrationPagesRender() throws Exception {
        WebDriver d = browser.driver();
        login("admin", "Demo@2021");
        for (String page : new String[] {"/admin/users", "/admin/departments", "/admin/regions", "/admin/sectors",
                "/admin/dictionaries", "/admin/roles", "/directory", "/admin/users/new", "/admin/api-tokens", "/admin/calendar", "/notifications", "/admin/departments/new", "/password"}) {
            go(page);
            assertThat(d.findElement(By.tagName("h1")).getText()).isNotBlank();
            browser.screenshot("admin" + page.replace('/', '-'));
        }
        go("/admin/api-tokens");
        browser.submit(d.findElement(By.id("issue-token")));
        assertThat(d.findElement(By.id("issued-expires")).getText()).contains("有效期至");
        assertThat(d.findElement(By.id("tokens")).getText()).contains("有效期至");
        browser.screenshot("admin-api-token-issued");
        browser.logout();
        login("shenji", "Demo@2021");
        go("/audit/logins");
        assertThat(d.findElement(By.id("login-log")).getText()).contains("admin");
        browser.screenshot("audit-logins");
        go("/audit/operations");
        browser.screenshot("audit-operations");
        browser.logout();
    }
}
