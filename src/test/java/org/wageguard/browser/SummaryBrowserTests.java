package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leadership office picks the seed's half-year, sees the summary's figures with their definitions, drills from
 * "amount recovered" into the cases behind it, and looks at the meetings and training of the period.
 */
class SummaryBrowserTests extends BrowserJourney {


    @Test
    void theOfficeReadsTheHalfYearAndDrillsIntoTheMoneyRecovered() throws Exception {
        String base = base();
        browser.login(base, "zhiqianban");
        d().get(base + "/reports/summary");
        ((org.openqa.selenium.JavascriptExecutor) d()).executeScript(
                "document.getElementById('from').value='2021-01-01'; document.getElementById('to').value='2021-06-30';");
        browser.submit(d().findElement(By.id("show-summary")));
        String arrests = d().findElement(By.cssSelector("#summary-figures tr[data-key='arrests']")).getText();
        assertThat(arrests).contains("5 人");
        assertThat(d().findElement(By.id("summary-docx")).getAttribute("href")).contains("from=2021-01-01");
        browser.screenshot("summary-1-figures");
        browser.submit(d().findElement(By.cssSelector("#summary-figures tr[data-key='recovered'] a")));
        assertThat(d().getCurrentUrl()).contains("/cases?counted=true&from=2021-01-01&to=2021-06-30");
        assertThat(d().findElements(By.cssSelector("#cases-table tbody tr"))).isNotEmpty();
        browser.screenshot("summary-2-recovered-cases");
        d().get(base + "/activities?from=2021-01-01&to=2021-06-30");
        assertThat(d().findElement(By.id("activities")).getText()).contains("迎国检工作部署会").contains("两网化");
        browser.screenshot("summary-3-activities");
        browser.submit(d().findElement(By.linkText("迎国检工作部署会")));
        assertThat(d().findElement(By.id("decisions")).getText()).contains("再排查");
        browser.screenshot("summary-4-meeting");
        d().get(base + "/reports/dashboard?from=2021-01-01&to=2021-06-30");
        assertThat(d().findElements(By.cssSelector("#chart-month canvas"))).as("ECharts drew the chart").isNotEmpty();
        assertThat(d().findElement(By.id("kpi-cases")).getText()).isNotBlank();
        browser.screenshot("summary-5-dashboard");
        browser.submit(d().findElement(By.cssSelector("#table-channel a")));
        assertThat(d().findElement(By.id("counted-note")).getText()).contains("统计口径");
        browser.screenshot("summary-6-channel-drill-down");
        d().get(base + "/reports/statistics?from=2021-01-01&to=2021-06-30&rows=DEPARTMENT&columns=SECTOR");
        assertThat(d().findElement(By.id("statistics-table")).getText()).contains("沅江市住房和城乡建设局", "建筑业", "合计");
        browser.screenshot("summary-7-statistics");
        browser.submit(d().findElement(By.id("statistics-total")));
        assertThat(d().getCurrentUrl()).contains("/cases?counted=true&from=2021-01-01&to=2021-06-30");
        // The year's clue and inspection figures, and the inspections behind the second.
        d().get(base + "/reports/dashboard?from=2021-01-01&to=2021-12-31");
        String inspected = d().findElement(By.id("dashboard-inspected")).getText();
        assertThat(d().findElement(By.id("dashboard-clues")).getText()).contains("收到", "已办结", "还在跟踪");
        ((org.openqa.selenium.JavascriptExecutor) d()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", d().findElement(By.id("dashboard-clues")));
        browser.screenshot("summary-8-dashboard-clues-inspections");
        browser.submit(d().findElement(By.id("dashboard-inspected")));
        assertThat(d().findElement(By.id("inspections-total")).getText()).contains("检查在建项目 " + inspected + " 个");
        browser.screenshot("summary-9-project-inspections");
    }
}
