package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The lists offer their Excel export, with screenshots. */
class LedgerExportBrowserTests extends BrowserJourney {

    /** The page's export link, shown, with its label. */
    WebElement offeredExport(String id, String label) {
        WebElement link = d().findElement(By.id(id));
        assertThat(link.isDisplayed()).isTrue();
        assertThat(link.getText()).isEqualTo(label);
        return link;
    }

    @Test
    void theTaskForceAndNoticeListsOfferTheirExport() throws Exception {
        browser.login(base(), "zhiqianban");
        go("/taskforces");
        WebElement taskForces = offeredExport("task-forces-export", "导出台账（Excel）");
        assertThat(taskForces.getAttribute("href")).endsWith("/taskforces.xlsx");
        assertThat(d().findElement(By.id("task-forces")).getText()).contains("2021年春节前");
        browser.screenshot("export-1-task-forces");
        browser.logout();

        browser.login(base(), "jiancha");
        go("/notifications");
        WebElement notices = offeredExport("notices-export", "导出（Excel）");
        assertThat(notices.getAttribute("href")).endsWith("/notifications.xlsx");
        browser.screenshot("export-2-notices");
    }

    @Test
    void theProjectListOffersItsLedgerWithItsFilters() throws Exception {
        browser.login(base(), "jiancha");
        go("/projects?status=UNDER_CONSTRUCTION&keyword=YJ-2021");
        WebElement projects = offeredExport("projects-export", "导出台账（Excel）");
        assertThat(projects.getAttribute("href")).contains("/projects.xlsx?keyword=YJ-2021")
                .contains("status=UNDER_CONSTRUCTION");
        assertThat(d().findElement(By.id("projects-table")).getText()).contains("YJ-2021-001");
        browser.screenshot("export-3-projects");
        browser.logout();
    }

    @Test
    void myWorkCampaignsInspectionsTheStageFilterAndTheAuditLogsOfferTheirLedgers() throws Exception {
        browser.login(base(), "jiancha");
        go("/cases/mine");
        assertThat(offeredExport("my-work-export", "导出台账（Excel）").getAttribute("href")).endsWith("/cases/mine.xlsx");
        browser.screenshot("export-4-my-work");
        go("/inspection/campaigns");
        assertThat(d().findElement(By.id("campaigns-export")).getAttribute("href")).endsWith("/inspection/campaigns.xlsx");
        browser.screenshot("export-5-campaigns");
        go("/inspection/inspections?from=2021-01-01&to=2021-12-31");
        assertThat(d().findElement(By.id("inspections-export")).getAttribute("href"))
                .endsWith("/inspection/inspections.xlsx?from=2021-01-01&to=2021-12-31");
        browser.screenshot("export-6-project-inspections");
        go("/cases?channel=PLATFORM&open=false");
        assertThat(new org.openqa.selenium.support.ui.Select(d().findElement(By.id("f-open")))
                .getFirstSelectedOption().getText()).isEqualTo("已办结");
        browser.screenshot("export-7-cases-finished-clues");
        browser.logout();

        browser.login(base(), "shenji");
        go("/audit/operations");
        assertThat(d().findElement(By.id("operation-log-export")).getAttribute("href")).contains("/audit/operations.xlsx");
        browser.screenshot("export-8-operation-log");
        go("/audit/logins");
        assertThat(d().findElement(By.id("login-log-export")).getAttribute("href")).contains("/audit/logins.xlsx");
        browser.screenshot("export-9-login-log");
        browser.logout();
    }
}
