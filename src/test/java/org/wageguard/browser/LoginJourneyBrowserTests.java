package org.wageguard.browser;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Every demo role signs in through a real browser, sees the home page and its navigation, and signs out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginJourneyBrowserTests {

    @LocalServerPort int port;
    Browser browser;

    @BeforeAll
    void openBrowser() throws Exception {
        browser = Browser.open(1366, 900);
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(String username, String password) {
        WebDriver d = browser.driver();
        d.get(url("/login"));
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys(password);
        browser.submit(d.findElement(By.id("login-submit")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "admin,刘建华,系统管理", "anquan,周敏,系统管理", "shenji,胡志强,安全审计", "zhiqianban,曹立新,通讯录",
            "jiancha,黄国平,通讯录", "zhujian,李卫东,通讯录", "jiaotong,彭长青,通讯录", "zongbao,陈小兵,通讯录",
            "yinhang,杨丽,通讯录", "wangge,谢春香,通讯录"})
    void eachDemoRoleSignsInSeesHomeAndSignsOut(String username, String name, String navItem) throws Exception {
        WebDriver d = browser.driver();
        login(username, "Demo@2021");
        assertThat(d.findElement(By.id("home-title")).getText()).contains(name);
        assertThat(d.findElement(By.tagName("header")).getText()).contains("首页").contains(navItem).contains("退出");
        browser.screenshot("home-" + username);
        browser.submit(d.findElement(By.id("logout")));
        assertThat(d.findElement(By.id("login-info")).getText()).contains("您已安全退出");
        d.get(url("/"));
        assertThat(d.getCurrentUrl()).contains("/login");
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
            d.get(url(page));
            assertThat(d.findElement(By.tagName("h1")).getText()).isNotBlank();
            browser.screenshot("admin" + page.replace('/', '-'));
        }
        d.get(url("/admin/api-tokens"));
        browser.submit(d.findElement(By.id("issue-token")));
        assertThat(d.findElement(By.id("issued-expires")).getText()).contains("有效期至");
        assertThat(d.findElement(By.id("tokens")).getText()).contains("有效期至");
        browser.screenshot("admin-api-token-issued");
        browser.logout();
        login("shenji", "Demo@2021");
        d.get(url("/audit/logins"));
        assertThat(d.findElement(By.id("login-log")).getText()).contains("admin");
        browser.screenshot("audit-logins");
        d.get(url("/audit/operations"));
        browser.screenshot("audit-operations");
        browser.logout();
    }
}
