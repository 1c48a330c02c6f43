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
    @Autowired org.wageguard.project.CaseOrders caseOrders;

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

    void click(String id) {
        browser.submit(d().findElement(By.id(id)));
    }

    void approveAs(String account, String caseUrl) {
        browser.logout();
        browser.login(base(), account);
        go(caseUrl);
        browser.submit(d().findElement(By.cssSelector("#approvals .do-approve")));
        browser.logout();
        browser.login(base(), "jiancha");
        go(caseUrl);
    }

    /** Records the service of a document of the case on {@code day} (送达回证). */
    void serve(String kind, LocalDate day) {
        new Select(d().findElement(By.id("service-form")).findElement(By.name("documentKind"))).selectByValue(kind);
        type("service-form", "servedOn", day.toString());
        click("do-service");
    }

    String number(long caseId, String sql) {
        return jdbc.sql(sql).param("c", caseId).query(String.class).single();
    }

    /**
     * The whole chain on one case, in the browser: filing approval (劳社部令第25号) → extension approval (《劳动保障监察条例》
     * 第十七条) → 限期改正指令书 → 行政处理决定书 served → 行政处罚事先告知书 served → 行政处罚决定书 served (fine due in 15 days,
     * 《行政处罚法》第六十七条第三款) → 申请人民法院强制执行 once the review and litigation periods have run
     * (《行政强制法》第五十三条). Time moves as in the other casework tests: the papers are dated in the past.
     */
    @Test
    void anUnheededOrderIsTakenThroughDecisionAndPenaltyToTheCourtOnceTheTermsHaveRun() throws Exception {
        LocalDate today = handling.today();
        LocalDate ordered = today.minusMonths(10);
        LocalDate decided = today.minusMonths(8).minusDays(25);
        LocalDate noticed = decided.plusDays(20);
        LocalDate fined = noticed.plusDays(4);
        long project = caseOrders.projectWithDeposit("200000.00");
        long id = intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "钟永福", MobilePhone.of("13907371702"), false, null,
                "沅江市酉丰建筑公司", project, "430981", "E", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), "拖欠工资",
                List.of(new Intake.Claimant("钟永福", null, new BigDecimal("12800"))), null, null));
        String caseUrl = "/cases/" + id;
        browser.login(base(), "jiancha");
        go(caseUrl);
        click("do-accept");
        d().findElement(By.id("inspectors")).sendKeys("黄国平、李志明");
        click("do-file");
        approveAs("jianchazhang", caseUrl);
        d().findElement(By.id("extend-reason")).sendKeys("需调取总包单位专用账户流水");
        click("do-extend");
        approveAs("juzhang", caseUrl);
        assertThat(d().findElement(By.id("approvals")).getText()).contains("王建军").contains("邓志华");

        type("order-form", "servedOn", ordered.toString());
        type("order-form", "deadline", ordered.plusDays(10).toString());
        click("do-order");
        type("decision-form", "decidedOn", decided.toString());
        type("decision-form", "deadline", decided.plusDays(15).toString());
        click("do-decision");
        serve("DECISION", decided);
        new Select(d().findElement(By.id("penalty-notice-form")).findElement(By.name("basis"))).selectByValue("LSSR_30_3");
        type("penalty-notice-form", "decidedOn", noticed.toString());
        type("penalty-notice-form", "fine", "15000");
        type("penalty-notice-form", "facts", "拒不履行行政处理决定，至今未支付拖欠的工资");
        click("do-penalty-notice");
        serve("PENALTY_NOTICE", noticed);
        type("penalty-form", "decidedOn", fined.toString());
        click("do-penalty");
        serve("PENALTY", fined);

        // Every paper is offered with its number, and each service is recorded against that number.
        String order = number(id, "SELECT number FROM payment_order WHERE case_id = :c");
        String decision = number(id, "SELECT number FROM case_decision WHERE case_id = :c AND kind = 'DECISION'");
        String notice = number(id, "SELECT number FROM case_decision WHERE case_id = :c AND kind = 'PENALTY_NOTICE'");
        String penalty = number(id, "SELECT number FROM case_decision WHERE case_id = :c AND kind = 'PENALTY'");
        assertThat(List.of(order, decision, notice, penalty)).allMatch(n -> n.startsWith("沅人社"));
        assertThat(d().findElement(By.id("orders")).getText()).contains(order);
        assertThat(d().findElements(By.cssSelector("#decision-documents a"))).extracting(e -> e.getAttribute("id"))
                .containsExactly("doc-decision", "doc-penalty-notice", "doc-penalty");
        assertThat(d().findElement(By.id("services")).getText()).contains(decision).contains(notice).contains(penalty)
                .contains("送达回证");
        assertThat(d().findElement(By.id("fine-term-" + jdbc.sql("SELECT id FROM case_decision WHERE case_id = :c AND kind = 'PENALTY'")
                .param("c", id).query(Long.class).single())).getText()).contains(penalty).contains(fined.plusDays(15).toString())
                .contains("第六十七条第三款");
        assertThat(d().findElement(By.id("chain")).getText()).contains(penalty);
        show("enforcement");
        browser.screenshot("case-enforcement-1-chain-and-fine-term");

        // The project's deposit page offers the case's order to draw on, chosen from the list.
        go("/projects/" + project + "/deposit");
        assertThat(d().findElements(By.cssSelector("#draw-order label"))).singleElement()
                .satisfies(o -> assertThat(o.getText()).contains(order).contains("尚欠 12,800.00 元"));
        show("draw-form");
        browser.screenshot("project-deposit-draw-from-orders");

        // The periods have run unheeded: the court is asked to enforce.
        go(caseUrl);
        new Select(d().findElement(By.id("resolve-form")).findElement(By.name("outcome"))).selectByValue("COURT_ENFORCEMENT");
        type("resolve-form", "note", "已向沅江市人民法院申请强制执行");
        click("do-resolve");
        assertThat(d().findElement(By.id("case-status")).getText()).isEqualTo("已处理");
        assertThat(d().getPageSource()).contains("申请人民法院强制执行 已向沅江市人民法院申请强制执行");
        show("case-status");
        browser.screenshot("case-enforcement-2-court-application");
    }
}
