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
 * Issue 15 in the browser: the payments table of a case (《保障农民工工资支付条例》第三条、第十一条). Two workers'
 * payments are saved at once; the one paid 9,000 of 9,800 shows the shortfall, and 核实发放 is refused until its reason
 * is recorded.
 */
class PaymentsTableBrowserTests extends BrowserJourney {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired JdbcClient jdbc;
    @Autowired Logins logins;

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    void type(String name, String value) {
        WebElement e = d().findElement(By.name(name));
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = arguments[1]", e, value);
    }

    @Test
    void aShortfallShowsInTheTableAndBlocksVerificationUntilItsReasonIsRecorded() throws Exception {
        Long employerId = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市顺达建筑劳务有限公司'").query(Long.class).single();
        long caseId = intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "汤国强", MobilePhone.of("13907371601"),
                false, employerId, "沅江市顺达建筑劳务有限公司", null, "430981", "E", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 31), "拖欠两个月工资", List.of(new Intake.Claimant("汤国强", null, new BigDecimal("9800")),
                        new Intake.Claimant("汤国富", null, new BigDecimal("6400"))), null, LocalDate.of(2026, 11, 26)));
        OfficerPrincipal jiancha = logins.principal("jiancha");
        handling.accept(caseId, version(caseId), jiancha);
        handling.coordinate(caseId, version(caseId), jiancha);
        handling.resolve(caseId, version(caseId), jiancha, Outcome.MEDIATED, "调解协议（2026-11-28）", null);
        long qiang = jdbc.sql("SELECT id FROM case_claimant WHERE case_id = :c AND name = '汤国强'").param("c", caseId).query(Long.class).single();
        long fu = jdbc.sql("SELECT id FROM case_claimant WHERE case_id = :c AND name = '汤国富'").param("c", caseId).query(Long.class).single();

        browser.login(base(), "jiancha");
        go("/cases/" + caseId);
        type("amount_" + qiang, "9000");
        type("paidOn_" + qiang, "2026-11-30");
        d().findElement(By.name("evidence_" + qiang)).sendKeys("农行代发回单 3001");
        type("amount_" + fu, "6400");
        type("paidOn_" + fu, "2026-11-30");
        d().findElement(By.name("evidence_" + fu)).sendKeys("现金签收单 0007");
        browser.submit(d().findElement(By.id("do-save-payments")));
        assertThat(d().findElement(By.cssSelector(".alert-success")).getText()).contains("已保存 2 笔发放记录");
        assertThat(d().findElement(By.id("claimant-" + qiang)).findElement(By.className("shortfall")).getText()).contains("800.00");
        assertThat(d().findElement(By.id("shortfall")).getText()).isEqualTo("800.00");

        browser.submit(d().findElement(By.id("do-verify")));
        assertThat(d().findElement(By.cssSelector(".alert-danger")).getText()).contains("汤国强（核定 9800.00 元，已发放 9000.00 元，差额 800.00 元）");
        WebElement claimants = d().findElement(By.id("claimants"));
        ((JavascriptExecutor) d()).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", claimants);
        browser.screenshot("case-payments-1-shortfall");

        d().findElement(By.name("reason_" + qiang)).sendKeys("工人签字确认的和解协议：余款 800 元放弃");
        browser.submit(d().findElement(By.id("do-save-payments")));
        browser.submit(d().findElement(By.id("do-verify")));
        assertThat(d().findElement(By.id("case-status")).getText()).isEqualTo("已核实发放");
        ((JavascriptExecutor) d()).executeScript("window.scrollTo(0, 0)");
        browser.screenshot("case-payments-2-verified");
        browser.logout();
    }
}
