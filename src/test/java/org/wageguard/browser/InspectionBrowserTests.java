package org.wageguard.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wageguard.inspection.Inspections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window (390×844) the inspector opens the rectification list on site, sees the order made
 * from a finding, and the second look closes it (screenshots inspection-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionBrowserTests {

    @LocalServerPort int port;
    @Autowired Inspections inspections;
    @Autowired JdbcClient jdbc;
    Browser browser;

    @BeforeAll
    void open() throws Exception {
        browser = Browser.open(390, 844);
    }

    @AfterAll
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
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
        String base = "http://localhost:" + port;
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
}
