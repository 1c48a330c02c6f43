package org.wageguard.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.inspection.Inspections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window (390×844) the inspector opens the rectification list on site, sees the order made
 * from a finding, and the second look closes it (screenshots inspection-*.png).
 */
class InspectionBrowserTests extends BrowserJourney {

    @Autowired Inspections inspections;
    @Autowired JdbcClient jdbc;

    @Override
    Dimension window() {
        return PHONE;
    }

    long order() {
        long department = jdbc.sql("SELECT id FROM department ORDER BY id LIMIT 1").query(Long.class).single();
        long campaign = inspections.createCampaign("夏季专项行动（浏览器测试）", Inspections.CampaignKind.SPECIAL_ACTION,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), department, List.of(department), null);
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-007'").query(Long.class).single();
        long target = inspections.addProjectTarget(campaign, project);
        long board = jdbc.sql("SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' AND i.code = 'NOTICE_BOARD'")
                .query(Long.class).single();
        long inspection = inspections.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四",
                List.of(new Inspections.Answer(board, false, "维权告示牌未公示投诉电话")), null);
        long finding = jdbc.sql("SELECT id FROM inspection_finding WHERE inspection_id = :i").param("i", inspection).query(Long.class).single();
        return inspections.order(finding, "湖南沅江建工集团", 10);
    }

    @Test
    void theSecondLookClosesTheOrderOnAPhone() throws Exception {
        long id = order();
        String base = base();
        browser.login(base, "jiancha");
        browser.driver().get(base + "/inspection/rectifications");
        WebElement card = browser.driver().findElement(By.id("order-" + id));
        assertThat(card.getText()).contains("维权告示牌未公示投诉电话").contains("整改中");
        browser.screenshot("inspection-rectifications-phone");
        card.findElement(By.name("note")).sendKeys("已补充投诉电话");
        browser.submit(card.findElement(By.cssSelector("button[value=true]")));
        assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText()).contains("整改完成");
        assertThat(browser.driver().findElement(By.id("order-" + id)).getText()).contains("已整改");
        browser.screenshot("inspection-rectified-phone");
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("RECTIFIED");
    }

    /** A real photo of a (drawn) notice board, as a phone would send it. */
    static java.nio.file.Path photo() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(120, 140, 160));
        g.fillRect(0, 0, 320, 240);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(60, 50, 200, 120);
        g.dispose();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("board", ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void anInspectorFillsTheChecklistOnSiteAFindingBecomesAnOrderAndTheSecondLookClosesIt() throws Exception {
        long lead = jdbc.sql("SELECT id FROM department WHERE name = '沅江市劳动保障监察局'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        long campaign = inspections.createCampaign("迎国检再排查（现场检查）", Inspections.CampaignKind.NATIONAL_PREPARATION,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), lead, List.of(housing), null);
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-002'").query(Long.class).single();
        long target = inspections.addProjectTarget(campaign, project);
        String base = base();
        var d = browser.driver();
        browser.login(base, "jiancha");

        d.get(base + "/inspection/campaigns/new");
        scrollToTop("campaign-form");
        browser.screenshot("inspection-0-campaign-form-phone");
        d.get(base + "/inspection/campaigns");
        browser.screenshot("inspection-1-campaigns-phone");
        browser.submit(d.findElement(By.cssSelector("#campaign-" + campaign + " a")));
        assertThat(d.findElement(By.id("progress")).getText()).isEqualTo("0/1");
        scrollToTop("campaign-summary");
        browser.screenshot("inspection-2-campaign-phone");
        browser.submit(d.findElement(By.cssSelector("#target-" + target + " a.btn")));

        // on site: the second inspector, every item answered, the board not there, with a photo
        assertThat(d.findElement(By.id("inspector-0")).getAttribute("value")).isEqualTo("黄国平");
        d.findElement(By.id("inspector-1")).sendKeys("李卫东");
        List<Long> items = jdbc.sql("""
                SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id
                 WHERE t.target_kind = 'PROJECT' AND i.enabled ORDER BY i.sort_order
                """).query(Long.class).list();
        long board = jdbc.sql("SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' AND i.code = 'NOTICE_BOARD'")
                .query(Long.class).single();
        for (long item : items) {
            WebElement label = d.findElement(By.cssSelector("label[for='answer-" + item + "-" + (item == board ? "NO" : "YES") + "']"));
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", label);
            label.click();
        }
        d.findElement(By.name("note_" + board)).sendKeys("工地大门处未设置维权信息告示牌");
        d.findElement(By.name("photo_" + board)).sendKeys(photo().toString());
        WebElement boardCard = d.findElement(By.id("item-NOTICE_BOARD"));
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", boardCard);
        browser.screenshot("inspection-3-checklist-phone");
        browser.submit(d.findElement(By.id("submit-inspection")));

        // the finding, with its photo, becomes an order
        assertThat(d.findElement(By.cssSelector(".alert-success")).getText()).contains("检查记录已保存");
        WebElement finding = d.findElement(By.cssSelector("#findings-list [id^=finding-]"));
        assertThat(finding.getText()).contains("是否设置维权信息告示牌——工地大门处未设置维权信息告示牌");
        assertThat(d.findElements(By.cssSelector("#answers img"))).hasSize(1);
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.querySelector('#answers img').naturalWidth")).intValue()).isEqualTo(320);
        assertThat(finding.findElement(By.name("responsibleParty")).getAttribute("value")).isEqualTo("湖南省第六工程有限公司");
        scrollToTop("findings-list");
        browser.screenshot("inspection-4-finding-phone");
        browser.submit(finding.findElement(By.cssSelector("button.btn-warning")));
        assertThat(d.findElement(By.cssSelector(".alert-success")).getText()).contains("整改通知已下达");
        String number = jdbc.sql("""
                SELECT o.number FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                  JOIN inspection i ON i.id = f.inspection_id WHERE i.target_id = :t
                """).param("t", target).query(String.class).single();
        assertThat(d.findElement(By.id("findings-list")).getText()).contains(number).contains("整改中");
        scrollToTop("findings-list");
        browser.screenshot("inspection-5-ordered-phone");
        assertThat(jdbc.sql("SELECT status FROM compliance_item WHERE project_id = :p AND kind = 'NOTICE_BOARD'").param("p", project)
                .query(String.class).single()).isEqualTo("MISSING");

        // the second look closes it
        d.get(base + "/inspection/rectifications");
        long order = jdbc.sql("SELECT id FROM rectification_order WHERE number = :n").param("n", number).query(Long.class).single();
        WebElement card = d.findElement(By.id("order-" + order));
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", card);
        card.findElement(By.name("note")).sendKeys("已在大门处设置告示牌");
        browser.screenshot("inspection-6-second-look-phone");
        browser.submit(card.findElement(By.cssSelector("button[value=true]")));
        assertThat(d.findElement(By.id("order-" + order)).getText()).contains("已整改");
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :id").param("id", order).query(String.class).single())
                .isEqualTo("RECTIFIED");
        d.get(base + "/inspection/campaigns/" + campaign);
        assertThat(d.findElement(By.id("progress")).getText()).isEqualTo("1/1");
        assertThat(d.findElement(By.id("rectified-rate")).getText()).isEqualTo("100.0%");
        assertThat(d.findElements(By.cssSelector("#chart-items canvas"))).isNotEmpty();
        scrollToTop("campaign-summary");
        browser.screenshot("inspection-7-dashboard-phone");
        long summer = jdbc.sql("SELECT id FROM inspection_campaign WHERE name = '2021年治欠夏季专项行动'").query(Long.class).single();
        d.get(base + "/inspection/campaigns/" + summer);
        assertThat(d.findElement(By.id("progress")).getText()).isEqualTo("20/20");
        scrollToTop("chart-items");
        browser.screenshot("inspection-7b-summer-campaign-phone");
        browser.logout();

        // transport neither leads nor joins: nothing to see
        browser.login(base, "jiaotong");
        d.get(base + "/inspection/campaigns");
        assertThat(d.findElement(By.tagName("main")).getText()).doesNotContain("迎国检再排查（现场检查）");
        d.get(base + "/inspection/campaigns/" + campaign);
        assertThat(d.getPageSource()).doesNotContain("迎国检再排查（现场检查）");
        browser.screenshot("inspection-8-other-department-phone");
        d.get(base + "/");
        browser.logout();
    }
}
