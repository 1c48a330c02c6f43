package org.wageguard.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Masking;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, "SMS that reaches people": the bank sends a disbursement SUCCESS to a worker's card of the demo project
 * 沅江市琼湖路提质改造工程 through the ordinary disbursement import, and the labor inspector sees the wage notice
 * (工资到账提醒) to that worker's phone in the message log — the phone masked, never in full; and the inspector
 * chooses text messages for red alerts on their own page (and takes the choice back: the demo stays as it was).
 */
class SmsBrowserTests extends BrowserJourney {

    static final String PROJECT = "YJ-2021-004";

    @Autowired JdbcClient jdbc;
    @Autowired SensitiveData sensitive;
    @TempDir Path dir;

    record Worker(String name, String idNumberCipher, String phoneCipher) {
    }

    @Test
    void aDisbursementSuccessSendsTheWageNoticeSeenMaskedInTheMessageLog() throws Exception {
        Worker worker = jdbc.sql("""
                SELECT w.name, w.id_number_cipher, w.phone_cipher FROM worker w
                  JOIN employment e ON e.worker_id = w.id JOIN project p ON p.id = e.project_id
                 WHERE p.code = :code AND w.phone_cipher IS NOT NULL ORDER BY w.id LIMIT 1
                """).param("code", PROJECT).query(org.wageguard.shared.Rows.of(Worker.class)).single();
        String phone = sensitive.decryptForProcessing(worker.phoneCipher());
        String idNumber = sensitive.decryptForProcessing(worker.idNumberCipher());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth month = YearMonth.from(today);
        String transaction = "SMS" + System.currentTimeMillis();
        Path file = dir.resolve("disbursements.csv");
        Files.writeString(file, "\uFEFF项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n"
                + String.join(",", PROJECT, transaction, "6228480010012345673", worker.name(), idNumber, "6600.00",
                        today.toString(), "SUCCESS", month.toString()) + "\n", StandardCharsets.UTF_8);

        browser.login(base(), "yinhang");
        go("/workforce/imports");
        d().findElement(By.id("disbursements-file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(d().findElement(By.id("disbursements-submit")));
        assertThat(d().findElement(By.cssSelector(".alert-success[role=status]")).getText()).contains("专用账户代发流水导入完成");
        browser.logout();

        browser.login(base(), "jiancha");
        go("/messaging/sms?kind=WAGE_PAID&phone=" + phone);
        WebElement row = d().findElement(By.cssSelector("#messages tr[data-kind='WAGE_PAID']"));
        assertThat(row.findElement(By.cssSelector(".phone")).getText()).isEqualTo(Masking.mobile(phone));
        assertThat(row.getText()).contains("工资到账提醒").contains(worker.name()).contains("6600.00元").contains("尾号5673");
        // sent now, or (at night) held until the morning: either way logged, never lost
        assertThat(row.getAttribute("data-status")).isIn("SENT", "QUEUED");
        // the phone typed into the filter is the officer's own; the log itself shows it only masked
        assertThat(d().findElement(By.id("messages")).getAttribute("outerHTML")).doesNotContain(phone);
        assertThat(d().findElement(By.tagName("body")).getText()).doesNotContain("??");
        browser.scrollToTop("messages");
        browser.screenshot("sms-message-log");

        // the inspector chooses, on their own page, a text message when a red alert reaches their department
        d().findElement(By.id("sms-preferences-link")).click();
        WebElement redAlerts = d().findElement(By.id("redAlerts"));
        assertThat(redAlerts.isSelected()).isFalse();
        redAlerts.click();
        browser.submit(d().findElement(By.cssSelector("#sms-preferences button[type=submit]")));
        assertThat(d().findElement(By.cssSelector(".alert-success")).getText()).contains("短信提醒设置已保存");
        assertThat(d().findElement(By.id("redAlerts")).isSelected()).isTrue();
        browser.screenshot("sms-preferences");
        d().findElement(By.id("redAlerts")).click();
        browser.submit(d().findElement(By.cssSelector("#sms-preferences button[type=submit]")));
        assertThat(d().findElement(By.id("redAlerts")).isSelected()).isFalse();
    }
}
