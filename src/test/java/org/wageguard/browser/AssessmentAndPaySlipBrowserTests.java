package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leadership office opens the 2021 assessment (self-score, evidence, gaps) and the leadership group's duties; a
 * worker verifies on the portal and opens their own pay slip.
 */
class AssessmentAndPaySlipBrowserTests extends BrowserJourney {

    @Autowired JdbcClient jdbc;
    @Autowired org.wageguard.identity.SensitiveData sensitive;
    @Autowired org.wageguard.messaging.internal.ConsoleSmsGateway sms;

    @Test
    void theOfficeOpensTheAssessmentPack() throws Exception {
        String base = base();
        browser.login(base, "zhiqianban");
        d().get(base + "/reports/assessment");
        browser.submit(d().findElement(By.linkText("2021年度保障农民工工资支付工作考核细则")));
        assertThat(d().findElement(By.id("assessment-totals")).getText()).contains("共 12 项指标，满分 100 分");
        assertThat(d().findElement(By.id("indicators")).getText()).contains("欠薪案件结案率");
        assertThat(d().findElement(By.id("pack-xlsx")).getAttribute("href")).endsWith("/pack.xlsx");
        browser.screenshot("assessment-1-self-score");
        // the correction of an indicator opens in place, with its fields labelled and filled
        var edit = d().findElements(By.cssSelector("details.indicator-edit")).get(0);
        edit.findElement(By.tagName("summary")).click();
        assertThat(edit.getText()).contains("分值", "考核内容", "撤销指标");
        assertThat(edit.findElement(By.name("content")).getAttribute("value")).isNotBlank();
        browser.screenshot("assessment-1b-edit-indicator");
        d().get(base + "/leadership");
        assertThat(d().findElement(By.id("members")).getText()).contains("组长", "王志军");
        browser.screenshot("assessment-2-leadership-group");
        browser.submit(d().findElement(By.linkText("沅江市住房和城乡建设局")));
        assertThat(d().findElement(By.id("unit-duties")).getText()).contains("第八条");
        browser.screenshot("assessment-3-member-unit");
        browser.logout();
    }

    @Test
    void aWorkerOpensTheirPaySlipOnThePortal() throws Exception {
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
        String base = base();
        d().get(base + "/portal/wages");
        d().findElement(By.id("idNumber")).sendKeys(id);
        d().findElement(By.id("name")).sendKeys("刘桂英");
        browser.submit(d().findElement(By.id("wage-send-code")));
        String code = sms.lastSentTo(phone).orElseThrow().replaceAll(".*验证码为(\\d{6}).*", "$1");
        d().findElement(By.id("code")).sendKeys(code);
        browser.submit(d().findElement(By.id("wage-verify")));
        assertThat(d().getCurrentUrl()).endsWith("/portal/wages/records");
        browser.submit(d().findElements(By.cssSelector("a.pay-slip-link")).get(0));
        assertThat(d().getCurrentUrl()).contains("/portal/wages/slip?project=");
        assertThat(d().findElement(By.id("pay-slip")).getText()).contains("刘桂英", "实发工资");
        browser.screenshot("portal-pay-slip");
    }
}
