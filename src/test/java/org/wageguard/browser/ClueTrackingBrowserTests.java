package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 at the counter and on the case page: the inspector logs a hotline consultation and a follow-up visit of a
 * closed clue through the forms; the office reads its regions' document prefixes. With screenshots.
 */
class ClueTrackingBrowserTests extends BrowserJourney {

    @Autowired JdbcClient jdbc;

    @Test
    void theInspectorLogsAConsultationAndAFollowUpVisitAndTheOfficeReadsItsPrefixes() throws Exception {
        browser.login(base(), "jiancha");
        go("/cases");
        browser.submit(d().findElement(By.id("consultations-link")));
        d().findElement(By.id("c-person")).sendKeys("熊建明");
        d().findElement(By.id("c-question")).sendKeys("包工头跑路了，工资找谁要？");
        d().findElement(By.id("c-answer")).sendKeys("告知总承包单位先行清偿（《保障农民工工资支付条例》第三十条），可到一厅式窗口投诉");
        browser.submit(d().findElement(By.id("c-submit")));
        assertThat(d().findElement(By.cssSelector(".alert")).getText()).contains("咨询已登记");
        assertThat(d().findElement(By.id("consultations")).getText()).contains("熊建明", "来电", "包工头跑路了");
        assertThat(d().findElement(By.id("consultation-count")).getText()).matches("期间内咨询 \\d+ 次：来电 \\d+ 次，来访 \\d+ 次。");
        browser.screenshot("clue-tracking-1-consultations");

        long closed = jdbc.sql("SELECT id FROM case_file WHERE status = 'CLOSED' AND region_code LIKE '430981%' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        go("/cases/" + closed);
        d().findElement(By.cssSelector("#follow-up-form select[name=manner]")).sendKeys("上门走访");
        d().findElement(By.cssSelector("#follow-up-form input[name=satisfied][value=true]")).click();
        d().findElement(By.cssSelector("#follow-up-form input[name=note]")).sendKeys("工资已全部到手，无新增欠薪");
        browser.submit(d().findElement(By.id("do-follow-up")));
        assertThat(d().findElement(By.id("follow-ups")).getText()).contains("上门走访", "劳动者满意", "工资已全部到手");
        assertThat(d().findElement(By.id("recheck-form")).isDisplayed()).isTrue();
        browser.screenshot("clue-tracking-2-follow-up");
        browser.logout();

        browser.login(base(), "zhiqianban");
        go("/cases/mine");
        browser.submit(d().findElement(By.id("prefixes-link")));
        assertThat(d().findElement(By.cssSelector("#prefixes tr[data-region='430981']")).getText()).contains("沅江市", "沅");
        browser.screenshot("clue-tracking-3-prefixes");
    }
}
