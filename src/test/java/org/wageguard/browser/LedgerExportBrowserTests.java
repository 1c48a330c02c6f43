package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The lists offer their Excel export (task forces, notices, projects), with screenshots. */
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
}
