package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The task force list and the notices list offer their Excel export, with screenshots. */
class LedgerExportBrowserTests extends BrowserJourney {

    @Test
    void theTaskForceAndNoticeListsOfferTheirExport() throws Exception {
        browser.login(base(), "zhiqianban");
        go("/taskforces");
        WebElement taskForces = d().findElement(By.id("task-forces-export"));
        assertThat(taskForces.isDisplayed()).isTrue();
        assertThat(taskForces.getText()).isEqualTo("导出台账（Excel）");
        assertThat(taskForces.getAttribute("href")).endsWith("/taskforces.xlsx");
        assertThat(d().findElement(By.id("task-forces")).getText()).contains("2021年春节前");
        browser.screenshot("export-1-task-forces");
        browser.logout();

        browser.login(base(), "jiancha");
        go("/notifications");
        WebElement notices = d().findElement(By.id("notices-export"));
        assertThat(notices.isDisplayed()).isTrue();
        assertThat(notices.getText()).isEqualTo("导出（Excel）");
        assertThat(notices.getAttribute("href")).endsWith("/notifications.xlsx");
        browser.screenshot("export-2-notices");
    }
}
