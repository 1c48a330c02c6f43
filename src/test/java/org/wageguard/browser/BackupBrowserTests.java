package org.wageguard.browser;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.wageguard.backup.Backups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system administrator switches the nightly backup on at /admin/backup and makes one now; the page lists it with
 * its size and result (screenshots backup-*.png).
 */
class BackupBrowserTests extends BrowserJourney {

    @Autowired Backups backups;

    @AfterEach
    void switchOff() {
        backups.saveSettings(false, LocalTime.of(3, 0), 7, "admin");
    }

    @Test
    void theAdministratorSwitchesTheNightlyBackupOnAndBacksUpNow() throws Exception {
        browser.login(base(), "admin");
        go("/");
        assertThat(d().findElement(By.cssSelector("a[href='/admin/backup']")).getAttribute("textContent"))
                .isEqualTo("数据备份");
        go("/admin/backup");
        assertThat(d().findElement(By.id("backup-state")).getText()).isEqualTo("未开启");
        assertThat(d().findElement(By.id("backup-directory")).getText()).isEqualTo(backups.directory().toString());

        WebElement enabled = d().findElement(By.id("backup-enabled"));
        if (!enabled.isSelected()) {
            enabled.click();
        }
        WebElement time = d().findElement(By.id("backup-time"));
        ((org.openqa.selenium.JavascriptExecutor) d()).executeScript("arguments[0].value = '02:30'", time);
        WebElement retention = d().findElement(By.id("backup-retention"));
        retention.clear();
        retention.sendKeys("3");
        browser.submit(d().findElement(By.id("backup-save")));
        assertThat(d().findElement(By.cssSelector(".alert-success")).getText()).contains("已保存");
        assertThat(d().findElement(By.id("backup-state")).getText()).isEqualTo("已开启，每天 02:30");

        browser.submit(d().findElement(By.id("backup-now")));
        assertThat(d().findElement(By.cssSelector(".alert-success")).getText()).contains("备份已开始");
        new WebDriverWait(d(), Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("backup-runs")).findElements(By.tagName("tr")).get(1).getText()
                    .contains("成功");
        });
        String newest = d().findElement(By.id("backup-runs")).findElements(By.tagName("tr")).get(1).getText();
        assertThat(newest).contains("手动", "admin", "成功", "wageguard-", "SHA-256");
        browser.screenshot("backup-1-admin-page");
    }
}
