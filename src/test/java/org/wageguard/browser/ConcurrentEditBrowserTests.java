package org.wageguard.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.casework.CaseHandling;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.casework.Outcome;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 in the browser: an inspector has the case page open while a colleague records the worker's payment; her
 * own save is refused with the Chinese message, her input is still in the form, and the colleague's record stands.
 */
class ConcurrentEditBrowserTests extends BrowserJourney {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired JdbcClient jdbc;
    @Autowired Logins logins;

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    @Test
    void theSecondSaveOfAWorkersPaymentIsRefusedAndTheInputKept() throws Exception {
        Long employerId = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市顺达建筑劳务有限公司'").query(Long.class).single();
        long caseId = intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "谭志明", MobilePhone.of("13907371288"),
                false, employerId, "沅江市顺达建筑劳务有限公司", null, "430981", "E", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 31), "拖欠两个月工资", List.of(new Intake.Claimant("谭志明", null, new BigDecimal("9600"))),
                null, LocalDate.of(2026, 11, 26)));
        OfficerPrincipal jiancha = logins.principal("jiancha");
        handling.accept(caseId, version(caseId), jiancha);
        handling.coordinate(caseId, version(caseId), jiancha);
        handling.resolve(caseId, version(caseId), jiancha, Outcome.MEDIATED, "调解", new BigDecimal("9600"));
        long claimant = jdbc.sql("SELECT id FROM case_claimant WHERE case_id = :c").param("c", caseId).query(Long.class).single();

        browser.login(base(), "jiancha");
        go("/cases/" + caseId);
        // Meanwhile a colleague records the payment (the same service the form calls, at the version the page shows).
        handling.recordPayment(caseId, claimant, 0, jiancha, new BigDecimal("9600.00"), LocalDate.of(2026, 11, 30), "农行代发回单 2001");

        WebElement row = d().findElement(By.id("claimant-" + claimant));
        WebElement amount = row.findElement(By.name("amount_" + claimant));
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = arguments[1]", amount, "9000.00");
        row.findElement(By.name("evidence_" + claimant)).sendKeys("现金签收单 0042");
        browser.submit(d().findElement(By.id("do-save-payments")));

        assertThat(d().findElement(By.cssSelector(".alert-danger")).getText())
                .startsWith("该记录已被其他人修改（jiancha 于 ").endsWith("请刷新后重新操作，您的输入未保存。");
        WebElement again = d().findElement(By.id("claimant-" + claimant));
        assertThat(again.findElement(By.name("evidence_" + claimant)).getAttribute("value")).isEqualTo("现金签收单 0042");
        assertThat(again.findElement(By.name("amount_" + claimant)).getAttribute("value")).isEqualTo("9000.00");
        assertThat(again.getText()).contains("2026-11-30 9,600.00");
        ((JavascriptExecutor) d()).executeScript("window.scrollTo(0, 0)");
        browser.screenshot("concurrent-edit-1-payment-refused");
        WebElement claimants = d().findElement(By.id("claimants"));
        ((JavascriptExecutor) d()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", claimants);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "concurrent-edit-2-input-kept.png"),
                claimants.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        assertThat(jdbc.sql("SELECT string_agg(evidence, ';') FROM case_payment WHERE claimant_id = :k").param("k", claimant)
                .query(String.class).single()).isEqualTo("农行代发回单 2001");
        browser.logout();
    }
}
