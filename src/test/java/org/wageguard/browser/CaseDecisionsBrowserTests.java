package org.wageguard.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.casework.CaseHandling;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in the browser: a complaint refused with its ground (不予受理告知书, 《劳动保障监察条例》第二十一条第二款), and an
 * unheeded order taken to the administrative decision, the penalty notice and its service (送达回证), each offered as
 * its PDF once it applies. The PDFs' text is read back in CaseDecisionDocumentsTests.
 */
class CaseDecisionsBrowserTests extends BrowserJourney {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired org.wageguard.casework.CaseApprovals approvals;
    @Autowired JdbcClient jdbc;
    @Autowired Logins logins;

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    long register(String employer, String worker) {
        return intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, worker, MobilePhone.of("13907371701"), false, null,
                employer, null, "430981", "E", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30), "拖欠工资",
                List.of(new Intake.Claimant(worker, null, new BigDecimal("8600"))), null, null));
    }

    void type(String form, String name, String value) {
        WebElement e = d().findElement(By.id(form)).findElement(By.name(name));
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = arguments[1]", e, value);
    }

    void show(String id) {
        ((JavascriptExecutor) d()).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
                d().findElement(By.id(id)));
    }

    @Test
    void aComplaintIsRefusedWithItsGroundAndAnUnheededOrderBecomesADecisionAndAServedPenaltyNotice() throws Exception {
        browser.login(base(), "jiancha");
        long refused = register("沅江市未劳务公司", "钟永胜");
        go("/cases/" + refused);
        WebElement refuse = d().findElement(By.cssSelector("form[action$='/refuse']"));
        refuse.findElement(By.name("note")).sendKeys("双方对劳动关系存在争议");
        browser.submit(refuse.findElement(By.tagName("button")));
        new Select(d().findElement(By.id("refusal-ground-form")).findElement(By.name("ground"))).selectByValue("LABOR_DISPUTE");
        browser.submit(d().findElement(By.id("do-refusal-ground")));
        assertThat(d().findElement(By.id("doc-refusal")).getAttribute("href")).endsWith("/cases/" + refused + "/documents/refusal.pdf");
        show("decisions");
        browser.screenshot("case-decisions-1-refusal");

        OfficerPrincipal jiancha = logins.principal("jiancha");
        long ordered = register("沅江市申建筑公司", "钟永利");
        handling.accept(ordered, version(ordered), jiancha);
        long filing = approvals.requestFiling(ordered, version(ordered), jiancha, "jiancha、李志明");
        approvals.decide(ordered, filing, jdbc.sql("SELECT version FROM case_approval WHERE id = :id").param("id", filing)
                .query(Integer.class).single(), logins.principal("jianchazhang"), true, null);
        LocalDate today = handling.today();
        handling.serveOrder(ordered, version(ordered), jiancha, null, today.minusDays(20), today.minusDays(10), new BigDecimal("8600"));
        go("/cases/" + ordered);
        type("decision-form", "deadline", today.plusDays(15).toString());
        browser.submit(d().findElement(By.id("do-decision")));
        assertThat(d().findElements(By.id("doc-decision"))).hasSize(1);
        new Select(d().findElement(By.id("penalty-notice-form")).findElement(By.name("basis"))).selectByValue("LSSR_30_3");
        d().findElement(By.id("penalty-notice-form")).findElement(By.name("fine")).sendKeys("30000");
        d().findElement(By.id("penalty-notice-form")).findElement(By.name("facts")).sendKeys("拒不履行行政处理决定");
        // 第三十条 allows 2,000 to 20,000 yuan — and the decision's deadline has not passed yet: refused with the article.
        browser.submit(d().findElement(By.id("do-penalty-notice")));
        assertThat(d().findElement(By.cssSelector(".alert-danger")).getText()).contains("第三十条第一款第（三）项");
        new Select(d().findElement(By.id("penalty-notice-form")).findElement(By.name("basis"))).selectByValue("REGS_57");
        type("penalty-notice-form", "fine", "60000");
        type("penalty-notice-form", "facts", "未按月编制工资支付表并经农民工本人签字确认");
        browser.submit(d().findElement(By.id("do-penalty-notice")));
        assertThat(d().findElements(By.id("doc-penalty-notice"))).hasSize(1);
        new Select(d().findElement(By.id("service-form")).findElement(By.name("documentKind"))).selectByValue("PENALTY_NOTICE");
        d().findElement(By.id("service-form")).findElement(By.name("place")).sendKeys("项目部");
        browser.submit(d().findElement(By.id("do-service")));
        assertThat(d().findElement(By.id("services")).getText()).contains("行政处罚事先告知书").contains("直接送达").contains("送达回证");
        show("decisions");
        browser.screenshot("case-decisions-2-penalty-notice-served");
    }
}
