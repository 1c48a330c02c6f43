package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labor inspector's early-warning journey: the board with its charts, a red alert acknowledged and turned into a
 * case, and the project's risk grade saying why it is red; the leadership office's rule catalogue.
 */
class MonitoringBrowserTests extends BrowserJourney {

    @Test
    void aRedAlertIsAcknowledgedTurnedIntoACaseAndTheProjectSaysWhyItIsRed() throws Exception {
        browser.login(base(), "jiancha");
        go("/monitoring/alerts");
        assertThat(d().findElement(By.id("chart-rule")).findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(Integer.parseInt(d().findElement(By.id("count-RED")).getText())).isPositive();
        browser.screenshot("monitoring-1-board");

        go("/monitoring/alerts?severity=RED&status=OPEN&rule=R05");
        // The demo's project whose bank paid two workers' wages onto one card (other journeys add their own alerts).
        WebElement first = d().findElements(By.linkText("锦绣华府商住楼建设项目")).get(0);
        String subject = first.getText();
        browser.submit(first);
        assertThat(d().findElement(By.id("alert-severity")).getText()).isEqualTo("红色");
        assertThat(d().findElement(By.id("alert-reason")).getText()).contains("收取多人工资");
        assertThat(d().findElement(By.id("alert-evidence")).getText()).contains("卡号");
        browser.screenshot("monitoring-2-alert");

        browser.submit(d().findElement(By.id("acknowledge")));
        assertThat(d().findElement(By.id("alert-status")).getText()).contains("已签收");
        browser.submit(d().findElement(By.id("to-case")));
        assertThat(d().getCurrentUrl()).matches(".*/cases/\\d+$");
        assertThat(d().getPageSource()).contains("由预警转立");
        browser.screenshot("monitoring-3-case");

        go("/monitoring/risk?grade=RED");
        WebElement row = d().findElements(By.cssSelector("#risk-projects tbody tr")).stream()
                .filter(r -> r.getText().contains(subject)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("红色", "非本人卡或一卡多人");
        browser.screenshot("monitoring-4-risk");

        go("/monitoring/credit");
        assertThat(d().findElement(By.id("credit-proposals")).getText()).contains("湖南华盛建设工程有限公司");
        browser.screenshot("monitoring-5-credit");
        browser.logout();

        browser.login(base(), "zhiqianban");
        go("/monitoring/rules");
        assertThat(d().findElement(By.id("rule-R03")).getText()).contains("低于最低工资标准");
        assertThat(d().findElement(By.id("R03-monthlyMinimumWage")).getAttribute("value")).isEqualTo("1700");
        browser.screenshot("monitoring-6-rules");
        browser.logout();
    }
}
