package org.wageguard.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's journey: a walk-in complaint of 12 workers becomes a case, is accepted, filed, assigned to 住建局
 * which answers, an order to pay is served, the contractor pays, payment is verified worker by worker, the
 * case is closed and followed up — with a screenshot at each step.
 */
class CaseJourneyBrowserTests extends BrowserJourney {



    void login(String username) {
        browser.login(base(), username);
    }

    void logout() {
        browser.logout();
    }

    void click(String id) {
        browser.submit(d().findElement(By.id(id)));
    }

    void setValue(WebElement e, String value) {
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = arguments[1]", e, value);
    }

    String status() {
        return d().findElement(By.id("case-status")).getText();
    }

    static String idNumber(int i) {
        String body = "43098119" + (70 + i) + String.format("%02d", 1 + i % 12) + "15" + String.format("%03d", 100 + i);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Test
    void aWalkInComplaintOfTwelveWorkersEndsWithTheMoneyInTheirHands() throws Exception {
        List<String> names = List.of("罗建军", "谭志明", "彭春生", "曾德华", "贺小兵", "文海波", "熊立新", "邓爱民", "龚国平",
                "汤桂英", "蒋秀兰", "符红梅");
        StringBuilder claimants = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            claimants.append(names.get(i)).append("，").append(idNumber(i)).append("，").append(6800).append('\n');
        }
        login("jiancha");
        go("/cases/new");
        d().findElement(By.id("complainantName")).sendKeys("罗建军");
        d().findElement(By.id("complainantPhone")).sendKeys("13974780001");
        new Select(d().findElement(By.id("employerId"))).selectByVisibleText("沅江市顺达建筑劳务有限公司");
        new Select(d().findElement(By.id("projectId"))).selectByVisibleText("YJ-2021-002 沅江市人民医院门急诊综合楼建设项目");
        setValue(d().findElement(By.id("periodFrom")), "2026-08-01");
        setValue(d().findElement(By.id("periodTo")), "2026-10-31");
        d().findElement(By.id("description")).sendKeys("劳务班组12人8月至10月工资未发，包工头称总包未拨付人工费");
        d().findElement(By.id("claimants")).sendKeys(claimants.toString());
        browser.screenshot("case-1-walk-in-form");
        click("register-case");
        if (!findNow(By.id("confirm-new")).isEmpty()) {
            click("confirm-new");
        }
        assertThat(status()).isEqualTo("已登记");
        assertThat(d().findElement(By.tagName("h1")).getText()).contains("群体性");
        browser.screenshot("case-2-registered");
        String caseUrl = d().getCurrentUrl().substring(d().getCurrentUrl().indexOf("/cases/"));

        click("do-accept");
        assertThat(status()).isEqualTo("已受理");
        d().findElement(By.id("inspectors")).sendKeys("黄国平、李志明");
        click("do-file");
        assertThat(status()).as("filing waits for the head of the inspection body").isEqualTo("已受理");
        assertThat(d().findElement(By.id("approvals")).getText()).contains("立案审批").contains("待审批");
        logout();

        // 立案审批 by the head of the labor inspection body (劳社部令第25号), who is shown the request on the case page.
        login("jianchazhang");
        go(caseUrl);
        browser.submit(d().findElement(By.cssSelector("#approvals .do-approve")));
        assertThat(status()).isEqualTo("已立案");
        assertThat(d().findElement(By.id("approvals")).getText()).contains("同意").contains("王建军");
        String due = d().findElement(By.id("handling-due")).getText();
        assertThat(due).isNotBlank();
        browser.screenshot("case-3-filed");
        logout();

        // 延期审批: the inspector asks, the clock moves only when the department head approves (第十七条).
        login("jiancha");
        go(caseUrl);
        d().findElement(By.id("extend-reason")).sendKeys("涉及12名农民工，需调取总包单位专用账户流水");
        click("do-extend");
        assertThat(d().findElement(By.id("extension-pending")).getText()).contains("待审批");
        assertThat(d().findElement(By.id("handling-due")).getText()).isEqualTo(due);
        logout();
        login("juzhang");
        go(caseUrl);
        browser.submit(d().findElement(By.cssSelector("#approvals .do-approve")));
        assertThat(d().findElement(By.id("handling-due")).getText()).contains("已延期").doesNotStartWith(due);
        assertThat(d().findElement(By.id("approvals")).getText()).contains("延期审批").contains("邓志华");
        browser.screenshot("case-3b-extension-approved");
        logout();

        login("zhiqianban");
        go(caseUrl);
        WebElement assign = d().findElement(By.id("assign-form"));
        new Select(assign.findElement(By.name("departmentId"))).selectByVisibleText("沅江市住房和城乡建设局");
        click("do-assign");
        assertThat(d().findElement(By.id("assignments")).getText()).contains("沅江市住房和城乡建设局").contains("待反馈");
        browser.screenshot("case-4-assigned");
        logout();

        login("zhujian");
        go(caseUrl);
        d().findElement(By.id("answer-note")).sendKeys("已约谈总包单位湖南省第六工程有限公司，承诺从专用账户代发");
        click("do-answer");
        assertThat(d().findElement(By.id("assignments")).getText()).contains("已反馈");
        browser.screenshot("case-5-department-answered");
        logout();

        login("jiancha");
        go(caseUrl);
        WebElement order = d().findElement(By.id("order-form"));
        order.findElement(By.name("number")).sendKeys("沅人社监令〔2026〕88号");
        setValue(order.findElement(By.name("servedOn")), LocalDate.now().toString());
        setValue(order.findElement(By.name("deadline")), LocalDate.now().plusDays(7).toString());
        click("do-order");
        assertThat(status()).isEqualTo("已责令限期支付");
        assertThat(d().findElement(By.id("orders")).getText()).contains("沅人社监令〔2026〕88号");
        browser.screenshot("case-6-order-to-pay");

        WebElement resolve = d().findElement(By.id("resolve-form"));
        new Select(resolve.findElement(By.name("outcome"))).selectByVisibleText("限期内支付");
        resolve.findElement(By.name("amount")).sendKeys("81600");
        resolve.findElement(By.name("note")).sendKeys("总包单位从农民工工资专用账户代发");
        click("do-resolve");
        assertThat(status()).isEqualTo("已处理");

        // The payments table (issue 15/18): each worker's payment in full, all saved at once.
        List<WebElement> rows = d().findElements(By.cssSelector("#claimants-table tbody tr"));
        assertThat(rows).hasSize(12);
        for (int i = 0; i < rows.size(); i++) {
            String k = rows.get(i).getAttribute("id").substring("claimant-".length());
            setValue(d().findElement(By.name("amount_" + k)), d().findElement(By.name("confirmed_" + k)).getAttribute("value"));
            setValue(d().findElement(By.name("evidence_" + k)), "农行代发回单 " + (1000 + i));
        }
        WebElement save = d().findElement(By.id("do-save-payments"));
        ((JavascriptExecutor) d()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
        save.click();
        Browser.awaitGone(d(), save);
        assertThat(d().findElement(By.id("paid-out")).getText()).isEqualTo("81,600.00");
        browser.screenshot("case-7-paid-worker-by-worker");
        click("do-verify");
        assertThat(status()).isEqualTo("已核实发放");
        click("do-request-close");
        logout();
        login("jianchazhang");
        go(caseUrl);
        browser.submit(d().findElement(By.cssSelector("#approvals .do-approve")));
        assertThat(status()).isEqualTo("已结案");
        assertThat(d().findElement(By.id("documents")).getText()).contains("立案审批表").contains("延期审批表").contains("结案审批表");
        logout();
        login("jiancha");
        go(caseUrl);
        d().findElement(By.id("follow-up")).sendKeys("2026年12月回访：12人工资已全部到手");
        click("do-end-tracking");
        assertThat(status()).isEqualTo("跟踪结束");
        assertThat(d().findElement(By.id("timeline")).getText()).contains("受理").contains("立案").contains("交办")
                .contains("部门反馈").contains("责令限期支付").contains("核实发放").contains("结案").contains("结束跟踪");
        browser.screenshot("case-8-closed-and-followed-up");

        go("/cases");
        browser.screenshot("case-9-list");
        go("/cases/mine");
        browser.screenshot("case-10-my-work");
    }
}
