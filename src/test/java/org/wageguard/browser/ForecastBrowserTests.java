package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leadership office's festival exposure forecast (春节前欠薪风险测算, issue 21): the county's totals, a town, one of
 * its projects and the worker rows behind its figure — each worker's unpaid days and the rate they are counted at.
 */
class ForecastBrowserTests extends BrowserJourney {

    @Test
    void theLeadershipOfficeDrillsDownFromATownToAProjectToAWorkersUnpaidDays() throws Exception {
        browser.login(base(), "zhiqianban");
        go("/monitoring/forecast");
        assertThat(d().findElement(By.id("total-exposure")).getText()).isNotEqualTo("0.00");
        assertThat(d().findElement(By.id("forecast-definition")).getText()).contains("日工资标准", "专户余额", "兜底保障");
        browser.screenshot("forecast-1-county");

        WebElement town = d().findElement(By.cssSelector("#forecast-towns tbody a"));
        String townName = town.getText();
        browser.submit(town);
        assertThat(d().findElement(By.id("region-filter")).getText()).contains(townName);
        browser.screenshot("forecast-2-town");

        WebElement project = d().findElement(By.cssSelector("#forecast-projects tbody a"));
        String projectName = project.getText();
        browser.submit(project);
        assertThat(d().findElement(By.className("wg-page-title")).getText()).isEqualTo(projectName);
        WebElement worker = d().findElement(By.cssSelector("#forecast-workers tbody tr"));
        assertThat(Integer.parseInt(worker.findElement(By.className("unpaid-days")).getText())).isPositive();
        assertThat(worker.getText()).contains("2026-11：").contains("本人工资表");
        browser.screenshot("forecast-3-project");
        browser.logout();
    }
}
