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

    void top() {
        ((org.openqa.selenium.JavascriptExecutor) d()).executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
    }

    /** The other pages this work touched, as their users see them (screenshots touched-1..8). */
    @Test
    void theTouchedPagesAsTheirUsersSeeThem() throws Exception {
        browser.login(base(), "jiancha");
        go("/monitoring/credit");
        WebElement proposal = d().findElement(By.cssSelector("#credit-proposals tbody a"));
        browser.submit(proposal);
        assertThat(d().findElement(By.id("proposal-status")).getText()).isNotBlank();
        browser.screenshot("touched-1-credit-proposal");
        go("/inspection/rectifications");
        assertThat(d().findElement(By.id("rectifications-export")).getAttribute("href")).endsWith("/inspection/rectifications.xlsx");
        browser.screenshot("touched-2-rectifications");
        go("/inspection/campaigns");
        browser.submit(d().findElements(By.cssSelector("main a[href*='/inspection/campaigns/']")).stream()
                .filter(a -> !a.getAttribute("href").endsWith("/new")).findFirst().orElseThrow());
        scrollToTop("campaign-edit");
        WebElement addTargets = d().findElement(By.id("add-targets"));
        assertThat(addTargets.isDisplayed()).as("the campaign's edit form offers adding targets").isTrue();
        assertThat(addTargets.getText()).isEqualTo("增加检查对象");
        assertThat(d().findElement(By.id("add-targets-form")).getAttribute("action")).matches(".*/inspection/campaigns/\\d+/targets");
        browser.screenshot("touched-3-campaign-edit");
        top();
        browser.logout();

        browser.login(base(), "zhujian");
        go("/projects");
        browser.submit(d().findElement(By.linkText("YJ-2021-004")));
        scrollToTop("labor-transfers");
        assertThat(d().findElement(By.id("labor-transfers")).getText()).contains("ABC");
        browser.screenshot("touched-4-project-transfers");
        top();
        browser.submit(d().findElement(By.id("project-alerts")));
        assertThat(d().getCurrentUrl()).contains("projectId=", "all=true");
        assertThat(d().findElement(By.id("alert-table")).getText()).contains("沅江市琼湖路提质改造工程");
        assertThat(d().findElement(By.id("project-filter")).getText()).contains("仅列出一个项目的预警");
        browser.screenshot("touched-7-board-of-a-project");
        top();
        browser.logout();

        browser.login(base(), "zhiqianban");
        go("/reports/dashboard?from=2021-01-01&to=2026-12-31");
        scrollToTop("dashboard-alerts");
        assertThat(d().findElements(By.cssSelector("#chart-compliance canvas"))).isNotEmpty();
        browser.screenshot("touched-5-dashboard-alerts");
        top();
        go("/activities?from=2021-01-01&to=2021-06-30");
        assertThat(d().findElement(By.id("activities-export")).getAttribute("href")).contains("/activities.xlsx");
        browser.screenshot("touched-6-activities");
        browser.logout();
        go("/portal/wages");
        WebElement sendCode = d().findElement(By.id("wage-send-code"));
        assertThat(sendCode.isDisplayed() && sendCode.isEnabled()).as("the demo's SMS sender lets a worker ask a code").isTrue();
        assertThat(sendCode.getText()).isEqualTo("获取验证码");
        assertThat(findNow(By.id("sms-not-configured"))).isEmpty();
        browser.screenshot("touched-8-portal-wages");
    }
}
