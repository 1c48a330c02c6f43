package org.wageguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every error a browser meets is the application's own Chinese page in its layout (menu, the way back), over real
 * HTTP on the demo application — never Spring's English "Whitelabel" page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ErrorPagesTests {

    @LocalServerPort int port;

    private WebSession officer(String username) throws Exception {
        return new WebSession("http://localhost:" + port).login(username);
    }

    private static void assertOwnPage(HttpResponse<String> page, int status) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).doesNotContain("Whitelabel").doesNotContain("There was an unexpected error")
                .contains("id=\"error-page\"").contains("data-status=\"" + status + "\"")
                .contains("id=\"error-home\"").contains("回到首页")
                .contains("id=\"logout\""); // the application's layout with its menu, the officer still signed in
    }

    @Test
    void aPeriodOverFiveYearsIsRefusedWithItsChineseReason() throws Exception {
        HttpResponse<String> page = officer("zhiqianban").get("/reports/summary?from=2015-01-01&to=2021-06-30");
        assertOwnPage(page, 400);
        assertThat(page.body()).contains("期间无效").contains("最长五年");
    }

    @Test
    void theDashboardsReportButtonsPassAPeriodTheReportsAccept() throws Exception {
        WebSession s = officer("zhiqianban");
        String dashboard = s.get("/reports/dashboard").body();
        LocalDate today = LocalDate.now();
        String expected = "from=" + today.minusYears(5) + "&amp;to=" + today;
        assertThat(dashboard).contains("/reports/summary?" + expected).contains("/reports/statistics?" + expected);
        assertThat(s.get("/reports/summary?from=" + today.minusYears(5) + "&to=" + today).statusCode()).isEqualTo(200);
        assertThat(s.get("/reports/statistics?from=" + today.minusYears(5) + "&to=" + today).statusCode()).isEqualTo(200);
        assertThat(s.get("/reports/statistics").statusCode()).isEqualTo(200);
    }

    @Test
    void aParameterOfTheWrongKindIsNamedWithWhatItShouldBe() throws Exception {
        HttpResponse<String> page = officer("zhiqianban").get("/reports/summary?from=abc&to=2021-06-30");
        assertOwnPage(page, 400);
        assertThat(page.body()).contains("开始日期（from）").contains("“abc”").contains("应为日期");
    }

    @Test
    void anUnknownAddressIsTheChinese404() throws Exception {
        HttpResponse<String> page = officer("jiancha").get("/no/such/page");
        assertOwnPage(page, 404);
        assertThat(page.body()).contains("未找到");
    }

    @Test
    void aPageWithoutThePermissionIsTheChinese403WithTheWayBack() throws Exception {
        WebSession s = officer("wangge");
        HttpResponse<String> page = s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/users"))
                .header("Referer", "http://localhost:" + port + "/grid").GET());
        assertOwnPage(page, 403);
        assertThat(page.body()).contains("无权访问").contains("href=\"/grid\"").contains("返回上一页");
    }

    @Test
    void aWrongMethodIsTheChinese405() throws Exception {
        WebSession s = officer("jiancha");
        String token = s.csrf("/cases");
        HttpResponse<String> page = s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases/mine"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)));
        assertOwnPage(page, 405);
        assertThat(page.body()).contains("不支持这种访问方式");
    }

    // An upload over the limit (413, not the CSRF refusal) is proved with a real browser choosing a 30 MB file:
    // EveryPageBrowserTests.theErrorPagesAreTheApplicationsOwnAndAnUploadOverTheLimitGetsThe413Page. Tomcat sends the
    // page and closes the connection without reading the rest, which a browser shows and java.net.http reports as a
    // broken transfer while it is still sending.

    @Test
    void anEmptyFileIsToldApartFromNoFile() throws Exception {
        WebSession s = officer("zhujian");
        String empty = s.upload("/employers/import", s.csrf("/employers/import"), "employers.csv", new byte[0]).body();
        assertThat(empty).contains("文件“employers.csv”为空（0 字节）").doesNotContain("请选择要导入的文件");
        String none = s.upload("/employers/import", s.csrf("/employers/import"), "", new byte[0]).body();
        assertThat(none).contains("请选择要导入的文件").doesNotContain("为空（0 字节）");
    }
}
