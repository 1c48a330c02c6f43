package org.wageguard.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.wageguard.casework.GridClues;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The town labor-security station (乡镇/街道劳动保障所, issue 21): a grid worker's clue in 琼湖街道 lands in the
 * station's queue; the station officer qionghusuo records the mediation agreement and the payment and settles it at
 * the station; the leadership office then finds it counted in the station line of the grid coverage statistics.
 * Screenshots station-*.png.
 */
class StationBrowserTests extends BrowserJourney {

    @Autowired GridClues gridClues;
    @Autowired Logins logins;

    @Test
    void aStationOfficerSettlesAGridClueByMediationAndTheBureauSeesItCounted() throws Exception {
        String employer = "琼湖街道调解测试餐馆（浏览器测试）";
        long id = gridClues.report(logins.principal("wangge"), new GridClues.Clue(null, employer, 4,
                new BigDecimal("18600"), "4 名服务员 10 月、11 月工资未发", List.of()));
        String number = gridClues.number(id);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        browser.login(base(), "qionghusuo");
        go("/station");
        WebElement row = d().findElement(By.cssSelector("#station-queue tr[data-case='" + id + "']"));
        assertThat(row.getText()).contains(number, employer, "在所办理");
        browser.screenshot("station-1-queue");

        browser.submit(row.findElement(By.linkText(number)));
        d().findElement(By.id("workerParty")).sendKeys("张某等 4 名服务员");
        WebElement amount = d().findElement(By.id("agreedAmount"));
        amount.clear();
        amount.sendKeys("18000.00");
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = arguments[1]", d().findElement(By.id("payBy")),
                today.toString());
        d().findElement(By.id("terms")).sendKeys("当场以现金支付，劳动者放弃其余诉求");
        browser.submit(d().findElement(By.id("mediate")));
        assertThat(d().findElement(By.id("agreement")).getText()).contains("张某等 4 名服务员", "18,000.00");

        d().findElement(By.id("payAmount")).sendKeys("18000");
        d().findElement(By.id("evidence")).sendKeys("工资领取签字表（4 人签字）");
        browser.submit(d().findElement(By.id("pay")));
        assertThat(d().findElement(By.id("paid-total")).getText()).contains("已支付 18,000.00 元");
        browser.screenshot("station-2-matter-paid");

        browser.submit(d().findElement(By.id("settle")));
        assertThat(d().findElement(By.cssSelector(".alert-success")).getText()).contains("已由本所结案");
        assertThat(d().findElement(By.id("station-stage")).getText()).isEqualTo("所级结案");
        assertThat(findNow(By.id("handover-form"))).isEmpty();

        go("/station/ledger");
        assertThat(Integer.parseInt(d().findElement(By.cssSelector("#station-figures [data-figure='settled']")).getText()))
                .isGreaterThanOrEqualTo(1);
        assertThat(d().findElement(By.id("station-grids")).getText()).contains("琼湖街道第三网格");
        assertThat(d().findElement(By.id("station-definition")).getText()).contains("统计口径");
        browser.screenshot("station-3-ledger");
        String settled = d().findElement(By.cssSelector("#station-figures [data-figure='settled']")).getText();
        String recovered = d().findElement(By.cssSelector("#station-figures [data-figure='recovered']")).getText();
        browser.logout();

        // The bureau: the station's line in the statistics counts the settled clue, with the same figures.
        browser.login(base(), "zhiqianban");
        go("/reports/grids");
        WebElement line = d().findElement(By.cssSelector("#station-table tr[data-station='430981001']"));
        assertThat(line.getText()).contains("琼湖街道");
        assertThat(line.findElement(By.cssSelector("[data-figure='settled']")).getText()).isEqualTo(settled);
        assertThat(line.findElement(By.cssSelector("[data-figure='recovered']")).getText()).isEqualTo(recovered);
        assertThat(d().findElement(By.id("station-coverage-definition")).getText()).contains("统计口径");
        scrollToTop("station-coverage");
        browser.screenshot("station-4-bureau-statistics");
    }
}
