package org.wageguard.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window (390×844) the grid worker wangge confirms an overdue employer unchanged and reports a clue
 * with a photo in a few taps; a labor inspector then finds it in intake on the grid channel (screenshots grid-*.png).
 */
class GridBrowserTests extends BrowserJourney {

    @Autowired JdbcClient jdbc;

    @Override
    Dimension window() {
        return PHONE;
    }

    long employer(String creditCode) {
        return jdbc.sql("SELECT id FROM employer WHERE credit_code = :c").param("c", creditCode).query(Long.class).single();
    }

    @Test
    void aGridWorkerConfirmsAnEmployerAndReportsAClueThatReachesIntake() throws Exception {
        go("/login");
        assertThat(d().findElement(By.id("portal-link")).getAttribute("href")).endsWith("/portal");
        browser.screenshot("grid-0-login-phone");

        browser.login(base(), "wangge");
        go("/grid");
        assertThat(d().findElement(By.id("my-grid-title")).getText()).isEqualTo("琼湖街道第三网格");
        long canteen = employer("92430981MA4L3W7X5N");
        WebElement card = d().findElement(By.id("employer-" + canteen));
        assertThat(card.getText()).contains("沅江市兴记煲仔饭店", "逾期");
        browser.screenshot("grid-1-my-grid-phone");

        browser.submit(card.findElement(By.cssSelector(".confirm-refresh")));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(d().findElement(By.cssSelector(".alert-success")).getText()).contains("已核实")
                .contains(today.plusMonths(6).toString());
        assertThat(d().findElement(By.id("employer-" + canteen)).getText()).contains("已核实")
                .contains(today.toString());
        scrollTo(d().findElement(By.id("employer-" + canteen)));
        browser.screenshot("grid-2-confirmed-phone");
        assertThat(jdbc.sql("SELECT refreshed_by FROM employer WHERE id = :id").param("id", canteen)
                .query(String.class).single()).isEqualTo("wangge");

        // The clue, from the hotel's card: the employer is already chosen.
        long hotel = employer("91430981MA4M8N2P9H");
        browser.submit(d().findElement(By.id("employer-" + hotel)).findElement(By.linkText("报送欠薪线索")));
        assertThat(d().findElement(By.id("employerId")).getAttribute("value")).isEqualTo(String.valueOf(hotel));
        d().findElement(By.id("workers")).sendKeys("7");
        d().findElement(By.id("amount")).sendKeys("52000");
        String description = "酒店客房部7名保洁员9月至11月工资未发（浏览器测试）";
        d().findElement(By.id("description")).sendKeys(description);
        d().findElement(By.id("photos")).sendKeys(photo().toAbsolutePath().toString());
        browser.screenshot("grid-3-clue-form-phone");
        browser.submit(d().findElement(By.id("submit-clue")));
        String flash = d().findElement(By.cssSelector(".alert-success")).getText();
        assertThat(flash).contains("已报送");
        String number = jdbc.sql("SELECT number FROM case_file WHERE description LIKE :d").param("d", "%" + description)
                .query(String.class).single();
        assertThat(flash).contains(number);
        assertThat(d().findElement(By.cssSelector(".reported-clue")).getText()).contains("沅江市洞庭大酒店", number, "已登记");
        browser.screenshot("grid-4-clue-reported-phone");
        browser.logout();

        // The labor inspector sees it in intake on the grid channel, with the grid's street and the photo.
        browser.login(base(), "jiancha");
        go("/cases?channel=GRID&status=REGISTERED");
        WebElement row = d().findElement(By.xpath("//tr[.//a[text()='" + number + "']]"));
        assertThat(row.getText()).contains("沅江市洞庭大酒店");
        scrollTo(row);
        browser.screenshot("grid-5-intake-phone");
        browser.submit(row.findElement(By.linkText(number)));
        String facts = d().findElement(By.id("case-facts")).getText();
        assertThat(facts).contains("网格报送", "谢春香", "琼湖街道第三网格", description);
        WebElement img = d().findElement(By.cssSelector("#case-photos img"));
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) d())
                .executeScript("return arguments[0].naturalWidth", img)).intValue()).isEqualTo(320);
        scrollTo(img);
        browser.screenshot("grid-6-case-phone");
        assertThat(jdbc.sql("SELECT region_code FROM case_file WHERE number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("430981001");

        // The bureau's views: the grids with their workers, the refreshes overdue first, the coverage figures.
        go("/grid");
        assertThat(d().getCurrentUrl()).endsWith("/grids");
        assertThat(d().findElement(By.id("grids-table")).getText()).contains("琼湖街道第三网格", "谢春香", "赵红梅");
        scrollTo(d().findElement(By.cssSelector("#grids-table tr[data-grid='430981001-03']")));
        browser.screenshot("grid-7-grids-phone");
        browser.submit(d().findElement(By.id("refresh-list")));
        WebElement first = d().findElement(By.cssSelector("#refresh-table tbody tr"));
        assertThat(first.getAttribute("class")).contains("table-danger");
        assertThat(first.getText()).contains("逾期");
        scrollTo(first);
        browser.screenshot("grid-8-refresh-list-phone");
        go("/reports/grids");
        WebElement coverage = d().findElement(By.cssSelector("#coverage-table tr[data-grid='430981001-03']"));
        assertThat(coverage.getText()).contains("琼湖街道第三网格");
        scrollTo(coverage);
        browser.screenshot("grid-9-coverage-phone");
    }

    void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) d())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    /** A small real PNG, as a phone camera's photo would be a real JPEG. */
    static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xF4, 0xE3, 0xC1));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0xB0, 0x22, 0x22));
        g.fillRect(40, 60, 240, 120);
        g.dispose();
        Path file = Files.createTempFile("grid-clue-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
