package org.wageguard.browser;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.portal.PortalVisits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's portal journey on a phone-sized window: a worker files a complaint without login and gets a query
 * code, the labor inspector accepts the case, and the worker sees the new status by code and phone.
 */
class PortalBrowserTests extends BrowserJourney {

    @Autowired JdbcClient jdbc;
    @Autowired org.wageguard.identity.SensitiveData sensitive;
    @Autowired org.wageguard.messaging.internal.ConsoleSmsGateway sms;

    @Override
    Dimension window() {
        return PHONE;
    }

    void type(String id, String value) {
        d().findElement(By.id(id)).sendKeys(value);
    }

    /**
     * Dates the form's signed stamp a minute back, as if the worker had taken a minute to fill it in: the portal
     * refuses a form sent faster than a person could (PortalSubmissionTests proves that refusal); the journey does not
     * wait it out. The stamp is signed for the browser's session, whose id its cookie carries.
     */
    void filledInAMinuteAgo() {
        Cookie session = d().manage().getCookieNamed("SESSION");
        String stamp = PortalVisits.stamp(sensitive,
                PortalVisits.sessionId(new jakarta.servlet.http.Cookie(session.getName(), session.getValue())),
                Instant.now().minusSeconds(60));
        ((JavascriptExecutor) d()).executeScript("document.getElementById('stamp').value = arguments[0]", stamp);
    }

    @Test
    void aWorkerComplainsAndFollowsTheCaseFromAPhone() throws Exception {
        go("/portal");
        browser.screenshot("portal-1-home");
        d().findElement(By.id("portal-submit")).click();
        d().findElement(By.id("portal-form"));
        type("name", "罗永兵");
        type("phone", "13907378801");
        type("idNumber", idNumber());
        type("employerName", "沅江市门户浏览器测试劳务公司");
        type("projectName", "琼湖路提质改造");
        d().findElement(By.id("amount")).clear();
        type("amount", "24500");
        d().findElement(By.id("workers")).clear();
        type("workers", "4");
        type("description", "2026年9月、10月两个月工资未发，班组4人");
        browser.screenshot("portal-2-form");
        filledInAMinuteAgo();
        browser.submit(d().findElement(By.id("portal-send")));
        String code = d().findElement(By.id("query-code")).getText().trim();
        assertThat(code).matches("[A-Z2-9]{10}");
        browser.screenshot("portal-3-code");

        long caseId = jdbc.sql("SELECT case_id FROM portal_submission WHERE query_code = :c").param("c", code)
                .query(Long.class).single();
        d().manage().deleteAllCookies();
        browser.login(base(), "jiancha");
        go("/cases/" + caseId);
        assertThat(d().findElement(By.id("case-status")).getText()).contains("已登记");
        browser.submit(d().findElement(By.id("do-accept")));
        assertThat(d().findElement(By.id("case-status")).getText()).contains("已受理");
        browser.screenshot("portal-4-officer-accepted");
        browser.logout();

        go("/portal/follow");
        type("code", code);
        type("follow-phone", "13907378801");
        browser.submit(d().findElement(By.id("follow-send")));
        assertThat(d().findElement(By.id("progress-status")).getText()).isEqualTo("已受理");
        assertThat(d().findElement(By.id("progress")).getText()).doesNotContain("罗永兵").doesNotContain("沅江市门户浏览器测试劳务公司");
        browser.screenshot("portal-5-status");
    }

    /** A valid GB 11643 number, computed here independently of the code under test. */
    static String idNumber() {
        String body = "43098119790315108";
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Test
    void aWorkerChecksTheirOwnWagesWithACodeSentToTheirPhone() throws Exception {
        record Demo(String idCipher, String phoneCipher) {
        }
        Demo w = jdbc.sql("SELECT id_number_cipher AS id_cipher, phone_cipher FROM worker WHERE name = '刘桂英' AND phone_cipher IS NOT NULL LIMIT 1")
                .query(Demo.class).single();
        String id = sensitive.decryptForProcessing(w.idCipher());
        String phone = sensitive.decryptForProcessing(w.phoneCipher());
        // Other tests of this context asked codes for the same demo worker within the hour (at most five are sent an
        // hour): start from none, so that the code read below is the one this request sends.
        jdbc.sql("DELETE FROM portal_wage_code WHERE worker_id IN (SELECT id FROM worker WHERE name = '刘桂英')").update();
        jdbc.sql("DELETE FROM portal_attempt").update();
        WebDriver d = browser.driver();
        go("/portal");
        browser.submit(d.findElement(By.id("portal-wages")));
        d.findElement(By.id("idNumber")).sendKeys(id);
        d.findElement(By.id("name")).sendKeys("刘桂英");
        browser.screenshot("portal-wages-1-form");
        browser.submit(d.findElement(By.id("wage-send-code")));
        assertThat(d.findElement(By.id("code-sent")).getText()).contains("验证码已发送");
        String code = sms.lastSentTo(phone).orElseThrow().replaceAll(".*验证码为(\\d{6}).*", "$1");
        d.findElement(By.id("code")).sendKeys(code);
        browser.screenshot("portal-wages-2-code");
        browser.submit(d.findElement(By.id("wage-verify")));
        assertThat(d.getCurrentUrl()).endsWith("/portal/wages/records");
        assertThat(d.getPageSource()).contains("2026年9月", "已足额发放");
        browser.screenshot("portal-wages-3-records");
        browser.submit(d.findElement(By.id("wage-leave")));
        go("/portal/wages/records");
        assertThat(d.getCurrentUrl()).endsWith("/portal/wages");
    }
}
