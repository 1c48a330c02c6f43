package org.wageguard.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 at the counter and on the case page: the inspector logs a hotline consultation and a follow-up visit of a
 * clue the platform sent back (re-checked, tracking resumes) through the forms; the office reads its regions' document prefixes. With screenshots.
 */
class ClueTrackingBrowserTests extends BrowserJourney {

    @Autowired JdbcClient jdbc;
    @Autowired CaseIntake intake;

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

        // A platform clue handled and tracked to the end, sent back by the platform: re-checked, then visited.
        long ended = intake.register(new Intake(Channel.PLATFORM, CaseKind.COMPLAINT, "熊建华", MobilePhone.of("13907372201"), false,
                null, "沅江市回访旅程建筑公司", null, "430981", "E", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30), "平台线索：拖欠工资",
                List.of(new Intake.Claimant("熊建华", null, new BigDecimal("4600"))), null, LocalDate.of(2026, 10, 9)));
        jdbc.sql("UPDATE case_file SET status = 'TRACKING_ENDED' WHERE id = :c").param("c", ended).update();
        go("/cases/" + ended);
        assertThat(d().findElements(By.id("follow-up-form"))).isEmpty();
        d().findElement(By.cssSelector("#recheck-form input[name=reason]")).sendKeys("平台退回：反映人称 12 月工资未发");
        d().findElement(By.cssSelector("#recheck-form select[name=result]")).sendKeys("仍有欠薪（恢复跟踪）");
        d().findElement(By.cssSelector("#recheck-form input[name=note]")).sendKeys("经核查仍欠 12 月工资 1600 元");
        browser.submit(d().findElement(By.id("do-recheck")));
        assertThat(d().findElement(By.id("case-status")).getText()).isEqualTo("已结案");
        assertThat(d().findElement(By.id("rechecks")).getText()).contains("平台退回", "仍有欠薪（恢复跟踪）");
        d().findElement(By.cssSelector("#follow-up-form select[name=manner]")).sendKeys("上门走访");
        d().findElement(By.cssSelector("#follow-up-form input[name=satisfied][value=false]")).click();
        d().findElement(By.cssSelector("#follow-up-form input[name=note]")).sendKeys("督促施工单位本周内补发 1600 元");
        browser.submit(d().findElement(By.id("do-follow-up")));
        assertThat(d().findElement(By.id("follow-ups")).getText()).contains("上门走访", "劳动者不满意", "督促施工单位");
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
