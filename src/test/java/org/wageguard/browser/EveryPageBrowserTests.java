package org.wageguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The first hour of every demo role (issue 18): a real browser walks every page a role reaches from its home page
 * and menu (and the known list pages, also those the role may not open), two links deep, and fails on
 *
 * <ul>
 * <li>an English word outside {@link #ALLOWED} (proper nouns, units, file kinds and standards),</li>
 * <li>an error page that is not the application's own (Spring's "Whitelabel", a bare status, a page without the
 * application's layout),</li>
 * <li>a code shown as text where a name belongs (a rule code such as {@code PAID_TO_OTHER_CARD}).</li>
 * </ul>
 *
 * Each role's home page is saved as a screenshot ({@code home-<username>.png}); so are the error pages.
 */
class EveryPageBrowserTests extends BrowserJourney {

    /** Words of Latin letters a Chinese officer reads as they are. */
    static final Set<String> ALLOWED = Set.of(
            // the product, file kinds, formats and units
            "WageGuard", "Excel", "Word", "PDF", "CSV", "XLSX", "xlsx", "csv", "docx", "pdf", "JPEG", "PNG", "UTF",
            "MB", "KB", "GB", "ID", "API", "URL", "QR", "SMS", "HTTP", "HTTPS", "CSRF", "SHA", "AES", "GCM", "SM",
            "ECharts", "Luhn", "Bearer", "token", "wg",
            // standards and codes printed as such (GB/T 2260, GB 11643, the case and project numbers of the demo)
            "T", "YJ", "AJ", "XS", "JC", "ZG", "TF", "HD", "DB", "PT", "DEMO", "ABC", "UTC", "CST",
            // the demo's own account names, shown where an account is named (user administration, logs)
            "admin", "anquan", "shenji", "zhiqianban", "jiancha", "zhujian", "jiaotong", "zongbao", "yinhang",
            "wangge", "system", "qionghu", "yanzhihu", "qionghusuo", "yanzhihusuo", "nandashan", "caowei", "nanzui", "shengban", "jianchazhang", "juzhang",
            // browsers and addresses in the login log
            "Mozilla", "Chrome", "HeadlessChrome", "Safari", "AppleWebKit", "KHTML", "like", "Gecko", "Linux",
            "Windows", "NT", "Win", "x", "X", "localhost", "ip", "IP", "IPv", "GET", "POST",
            // proper nouns of the demo and of interfaces
            "KTV", "OpenAPI",
            // the column names of the region file as the import expects them
            "code", "name", "level");
    /** The code tables themselves, where codes are the content (each with its Chinese meaning beside it). */
    static final Set<String> CODE_TABLES = Set.of("/admin/dictionaries");

    /** A word of Latin letters; parts of file names, paths and identifiers (a.b, a-b, a/b, a_b) are not words. */
    static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_.@/-])[A-Za-z]{2,}(?![A-Za-z0-9_./-])");
    static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b");
    static final List<String> KNOWN = List.of("/cases", "/cases/mine", "/cases/clues", "/cases/clocks", "/taskforces",
            "/employers", "/employers/import", "/projects", "/projects/import", "/compliance", "/workforce/imports",
            "/inspection/campaigns", "/inspection/rectifications", "/inspection/inspections", "/inspection/templates",
            "/monitoring/alerts", "/monitoring/risk", "/monitoring/credit", "/monitoring/rules", "/reports/dashboard",
            "/reports/summary", "/reports/statistics", "/reports/grids", "/grids", "/grids/refresh", "/grid",
            "/grid/clue", "/activities", "/notifications", "/directory", "/password", "/admin/users", "/admin/roles",
            "/admin/departments", "/admin/regions", "/admin/sectors", "/admin/dictionaries", "/admin/calendar",
            "/admin/api-tokens", "/admin/backup", "/audit/logins", "/audit/operations", "/portal", "/portal/follow",
            "/portal/wages");
    static final int PAGES_PER_ROLE = 100;

    /**
     * Each role signs in through the login form, sees its home page with its name and navigation, walks its pages,
     * and signs out (the sign-in and sign-out of each role are checked here, in the one login of the walk).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "admin,刘建华,系统管理", "anquan,周敏,系统管理", "shenji,胡志强,安全审计", "zhiqianban,曹立新,通讯录",
            "jiancha,黄国平,通讯录", "zhujian,李卫东,通讯录", "jiaotong,彭长青,通讯录", "zongbao,陈小兵,通讯录",
            "yinhang,杨丽,通讯录", "wangge,谢春香,通讯录"})
    void everyPageOfTheRoleIsChineseTheApplicationsOwnAndShowsNoCode(String username, String name, String navItem)
            throws Exception {
        browser.login(base(), username);
        assertThat(d().findElement(By.id("home-title")).getText()).contains(name);
        assertThat(d().findElement(By.tagName("header")).getText()).contains("首页").contains(navItem).contains("退出");
        browser.screenshot("home-" + username);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {"/", "0"});
        for (String known : KNOWN) {
            queue.add(new String[] {known, "1"});
        }
        while (!queue.isEmpty() && seen.size() < PAGES_PER_ROLE) {
            String[] next = queue.poll();
            String path = next[0];
            int depth = Integer.parseInt(next[1]);
            if (!seen.add(path)) {
                continue;
            }
            go(path);
            problems.addAll(check(path));
            if (depth < 2) {
                for (String link : links()) {
                    if (!seen.contains(link)) {
                        queue.add(new String[] {link, String.valueOf(depth + 1)});
                    }
                }
            }
            if (path.startsWith("/portal")) {
                // The public portal has no menu and no session: back into the officer's pages afterwards.
                go("/");
            }
        }
        assertThat(problems).as(username + " walked " + seen.size() + " pages").isEmpty();
        assertThat(seen.size()).isGreaterThan(10);

        go("/");
        browser.submit(d().findElement(By.id("logout")));
        assertThat(d().findElement(By.id("login-info")).getText()).contains("您已安全退出");
        go("/");
        assertThat(d().getCurrentUrl()).contains("/login");
    }

    /** What is wrong with the page the browser shows, as lines naming the page. */
    List<String> check(String path) {
        JavascriptExecutor js = (JavascriptExecutor) d();
        String text = String.valueOf(js.executeScript("return document.body ? document.body.innerText : '';"));
        String html = d().getPageSource();
        List<String> problems = new ArrayList<>();
        if (html.contains("Whitelabel") || html.contains("There was an unexpected error")
                || !(html.contains("wg-navbar") || html.contains("wg-login") || html.contains("portal"))) {
            problems.add(path + ": not the application's own page: " + first(text, 200));
        }
        if (CODE_TABLES.contains(path.contains("?") ? path.substring(0, path.indexOf('?')) : path)) {
            return problems;
        }
        Set<String> english = new TreeSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!ALLOWED.contains(m.group()) && !ALLOWED.contains(m.group().replaceAll("[0-9]+$", ""))) {
                english.add(m.group());
            }
        }
        if (!english.isEmpty()) {
            problems.add(path + ": English words " + english + " in: " + context(text, english.iterator().next()));
        }
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            problems.add(path + ": a code shown as text: " + code.group() + " in: " + context(text, code.group()));
        }
        return problems;
    }

    /** The application's pages a GET link leads to (no downloads, no sign-out, no other hosts). */
    List<String> links() {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) ((JavascriptExecutor) d()).executeScript(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));");
        List<String> out = new ArrayList<>();
        for (String href : hrefs) {
            if (href == null || !href.startsWith("/") || href.startsWith("//")) {
                continue;
            }
            String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            if (bare.matches(".*\\.(xlsx|pdf|docx|csv|png|jpg|jpeg|yaml|js|css|svg)$") || bare.contains("/template")
                    || bare.startsWith("/logout") || bare.startsWith("/api/") || bare.contains("/photos/")
                    || bare.contains("/evidence/") || bare.contains("/download") || bare.startsWith("/webjars")
                    || bare.contains("/problems")) {
                continue;
            }
            out.add(path);
        }
        return out;
    }

    private static String context(String text, String word) {
        int i = text.indexOf(word);
        return first(text.substring(Math.max(0, i - 40)), 100).replace('\n', ' ');
    }

    private static String first(String text, int n) {
        return text.length() <= n ? text : text.substring(0, n);
    }

    @Test
    void theErrorPagesAreTheApplicationsOwnAndAnUploadOverTheLimitGetsThe413Page() throws Exception {
        browser.login(base(), "zhiqianban");
        go("/reports/dashboard");
        browser.submit(d().findElement(By.id("summary-link")));
        assertThat(d().findElement(By.cssSelector("h1.wg-page-title")).getText()).startsWith("工作总结");

        go("/reports/summary?from=2015-01-01&to=2021-06-30");
        assertThat(d().findElement(By.id("error-message")).getText()).contains("期间无效");
        assertThat(check("/reports/summary (400)")).isEmpty();
        browser.screenshot("error-400");

        go("/no/such/page");
        assertThat(d().findElement(By.id("error-title")).getText()).isEqualTo("未找到");
        assertThat(check("/no/such/page (404)")).isEmpty();
        browser.screenshot("error-404");

        go("/admin/users");
        assertThat(d().findElement(By.id("error-title")).getText()).isEqualTo("无权访问");
        assertThat(check("/admin/users (403)")).isEmpty();
        browser.screenshot("error-403");

        go("/");
        browser.logout();
        browser.login(base(), "zhujian");
        Path big = Files.createTempFile("employers", ".csv");
        try {
            try (var out = Files.newOutputStream(big)) {
                byte[] line = "91430981MA4L0000XX,某某建筑劳务有限公司,有限责任公司\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (long written = 0; written < 30L * 1024 * 1024; written += line.length) {
                    out.write(line);
                }
            }
            go("/employers/import");
            d().findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(big.toString());
            browser.submit(d().findElement(By.id("import-submit")));
            assertThat(d().findElement(By.id("error-title")).getText()).isEqualTo("文件过大");
            assertThat(d().findElement(By.id("error-message")).getText()).contains("单个文件 20 MB").doesNotContain("CSRF");
            assertThat(check("/employers/import (413)")).isEmpty();
            browser.screenshot("error-413");
            browser.submit(d().findElement(By.id("error-back")));
            assertThat(d().findElement(By.id("import-form")).isDisplayed()).isTrue();
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
