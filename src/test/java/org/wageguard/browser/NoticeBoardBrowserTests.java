package org.wageguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.project.QrDecoding;

/**
 * Issue 20's QR codes and credit lists out, as their users meet them: the contractor's wage officer downloads the
 * rights-notice board (维权信息告示牌, 《保障农民工工资支付条例》第三十四条) from the project page, its QR code leads a
 * worker's phone to the project's notice page; anyone opens the public credit-list page of the portal.
 */
class NoticeBoardBrowserTests extends BrowserJourney {

    @Autowired JdbcClient jdbc;
    @Autowired org.wageguard.employer.CreditPublication publication;
    @Autowired java.time.Clock clock;

    @Test
    void theBoardsQrCodeOpensTheProjectsNoticePage() throws Exception {
        long id = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-004'").query(Long.class).single();
        String name = jdbc.sql("SELECT name FROM project WHERE id = :id").param("id", id).query(String.class).single();
        browser.login(base(), "zongbao");
        go("/projects/" + id);
        String href = d().findElement(By.id("notice-board")).getAttribute("href");
        // the download as the browser's session makes it (headless Chromium keeps downloads to itself)
        Cookie session = d().manage().getCookieNamed("SESSION");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        BufferedImage page = QrDecoding.render(pdf.body(), 72);
        Files.createDirectories(Browser.SCREENSHOTS);
        ImageIO.write(page, "png", Browser.SCREENSHOTS.resolve("notice-board-a3.png").toFile());
        String url = QrDecoding.decode(QrDecoding.render(pdf.body(), 100));
        assertThat(url).isEqualTo(base() + "/portal/notice?code=YJ-2021-004");
        browser.logout();

        d().get(url);
        assertThat(d().findElement(By.cssSelector("#notice h2")).getText()).isEqualTo(name);
        assertThat(d().findElement(By.id("notice")).getText()).contains("沅江市劳动保障监察局").contains("12333")
                .contains("沅江市法律援助中心");
        browser.screenshot("portal-notice-from-qr");
    }

    @Test
    void thePublicCreditPageShowsTheListingsInTheirTerm() throws Exception {
        go("/portal/credit");
        assertThat(d().findElement(By.id("credit-basis")).getText()).contains("第十三条");
        String page = d().findElement(By.tagName("main")).getText();
        // the demo's listing of 2026-01-10 (published, one year) while in its term; those of 2021 have expired
        for (var entry : publication.inTerm("", java.time.LocalDate.now(clock))) {
            assertThat(page).contains(entry.creditCode()).contains(entry.employerName());
        }
        if (java.time.LocalDate.now(clock).isBefore(java.time.LocalDate.of(2027, 1, 10))) {
            assertThat(d().findElement(By.id("credit-KEY_ATTENTION")).getText()).contains("91430981MA4QA1B23U");
        }
        assertThat(page).doesNotContain("91430981MA4L9X2Y41").doesNotContain("91430981661693528C");
        browser.screenshot("portal-credit");
    }
}
