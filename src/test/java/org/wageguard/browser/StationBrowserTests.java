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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.wageguard.casework.GridClues;
import org.wageguard.casework.StationMatters;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The town labor-security station (乡镇/街道劳动保障所, issue 21): a grid worker's clue in 琼湖街道 lands in the
 * station's queue; the station officer qionghusuo records the mediation agreement and the payment and settles it at
 * the station; the leadership office then finds it counted in the station line of the grid coverage statistics.
 * Screenshots station-*.png.
 */
class StationBrowserTests extends BrowserJourney {

    @Autowired GridClues gridClues;
    @Autowired StationMatters stations;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    /** Reports as the grid worker signed in, as the clue form would. */
    long asGridWorker(java.util.function.LongSupplier report) {
        OfficerPrincipal wangge = logins.principal("wangge");
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(wangge, null, wangge.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return report.getAsLong();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aStationOfficerSettlesAGridClueByMediationAndTheBureauSeesItCounted() throws Exception {
        String employer = "琼湖街道调解测试餐馆（浏览器测试）";
        long id = asGridWorker(() -> gridClues.report(logins.principal("wangge"), new GridClues.Clue(null, employer, 4,
                new BigDecimal("18600"), "4 名服务员 10 月、11 月工资未发", List.of())));
        // A second clue the station hands up, the bureau not acknowledging it in time (red on both sides).
        long handedUp = asGridWorker(() -> gridClues.report(logins.principal("wangge"), new GridClues.Clue(null,
                "琼湖街道移交测试工地（浏览器测试）", 12, new BigDecimal("96000"), "12 名工人三个月工资未发，老板失联", List.of())));
        stations.handUp(logins.principal("qionghusuo"), handedUp, 0, "用人单位负责人失联，无法调解");
        jdbc.sql("UPDATE station_matter SET acknowledge_due = acknowledge_due - 10 WHERE case_id = :c")
                .param("c", handedUp).update();
        String number = gridClues.number(id);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        browser.login(base(), "qionghusuo");
        assertThat(d().findElement(By.id("home-title")).getText()).contains("罗建新");
        browser.screenshot("station-0-home");
        go("/station");
        assertThat(d().findElement(By.cssSelector("#station-queue tr[data-case='" + handedUp + "']")).getAttribute("class"))
                .contains("table-danger");
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

        // The handovers: the one past its deadline unacknowledged is red; the office sets the deadline here.
        go("/stations/handovers");
        WebElement late = d().findElement(By.cssSelector("#handovers tr[data-case='" + handedUp + "']"));
        assertThat(late.getAttribute("class")).contains("table-danger");
        assertThat(late.getText()).contains("琼湖街道", "负责人失联", "逾期");
        assertThat(d().findElement(By.id("station-setting")).getText()).contains("法律未规定");
        browser.screenshot("station-5-handovers");
    }
}
