package org.wageguard.browser;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The industry officer's journey of issue 3: register a project, bind its special account to the bank branch that
 * holds it and record the other items, lodge the wage deposit, and see the project's row in the compliance matrix turn green.
 */
class ProjectComplianceBrowserTests extends BrowserJourney {

    private void type(String id, String value) {
        WebElement e = d().findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private void date(String id, LocalDate value) {
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = arguments[1]", d().findElement(By.id(id)),
                value.toString());
    }

    private void item(String kind) {
        browser.submit(d().findElement(By.cssSelector("#compliance-items tr[data-kind='" + kind + "'] a")));
    }

    @Test
    void anIndustryOfficerRegistersAProjectAndSeesItsRowTurnGreen() throws Exception {
        LocalDate contract = LocalDate.now().minusDays(10);
        browser.login(base(), "zhujian");

        go("/projects/new");
        type("code", "YJ-2026-901");
        type("name", "沅江市琼湖街道老旧小区改造工程");
        new Select(d().findElement(By.id("ownerId"))).selectByVisibleText("沅江市城市建设投资开发有限公司");
        new Select(d().findElement(By.id("generalContractorId"))).selectByVisibleText("湖南华盛建设工程有限公司");
        type("address", "沅江市琼湖街道");
        type("wageOfficerName", "张建国");
        type("wageOfficerPhone", "13907370901");
        type("contractValue", "12000000");
        date("contractDate", contract);
        browser.screenshot("project-1-register");
        browser.submit(d().findElement(By.id("save-project")));
        assertThat(d().findElement(By.id("compliance-items")).getText()).contains("缺失");
        browser.screenshot("project-2-registered");

        // The special account is bound to the bank branch that holds it (by credit code), by the industry officer.
        WebElement binding = d().findElement(By.id("binding-form"));
        binding.findElement(By.name("bankCreditCode")).sendKeys("91430981707411234J");
        binding.findElement(By.name("accountNumber")).sendKeys("18320901000000123");
        browser.submit(binding.findElement(By.tagName("button")));
        WebElement section = d().findElement(By.id("special-account"));
        assertThat(section.findElement(By.id("binding-current")).getText())
                .contains("中国农业银行股份有限公司沅江市支行", "18320901000000123", "李卫东（行业主管部门）设定");
        assertThat(section.findElements(By.cssSelector("#binding-history tr[data-status='CONFIRMED']"))).hasSize(1);
        ((JavascriptExecutor) d()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", section);
        browser.screenshot("project-3a-special-account-bound");

        item("SPECIAL_ACCOUNT");
        assertThat(d().findElement(By.id("bound-bank")).getText()).isEqualTo("中国农业银行股份有限公司沅江市支行");
        assertThat(findNow(By.id("bankName"))).as("the bank comes from the binding").isEmpty();
        date("establishedOn", contract.plusDays(5));
        browser.screenshot("project-3-special-account");
        browser.submit(d().findElement(By.id("save-item")));
        assertThat(d().findElement(By.cssSelector("#compliance-items tr[data-kind='SPECIAL_ACCOUNT']")).getText()).contains("在位");

        String projectPage = d().getCurrentUrl();
        item("REAL_NAME");
        assertThat(d().findElements(By.id("rosterKept1"))).as("no box to tick: derived from the roster data").isEmpty();
        assertThat(d().findElement(By.id("item-reason")).getText()).contains("系统中没有该项目的实名制花名册");
        assertThat(d().findElement(By.id("item-article")).getText()).contains("第二十八条");
        browser.screenshot("project-3b-real-name-derived");
        d().get(projectPage);

        item("BANK_PAYROLL");
        date("establishedOn", contract.plusDays(6));
        type("bankName", "中国农业银行沅江市支行");
        browser.submit(d().findElement(By.id("save-item")));

        item("NOTICE_BOARD");
        date("establishedOn", contract.plusDays(7));
        type("boardPayDay", "每月15日");
        type("boardMinimumWage", "1580元/月");
        type("boardHotline", "12333");
        type("boardArbitration", "沅江市劳动人事争议仲裁院");
        type("boardLegalAid", "沅江市法律援助中心 12348");
        browser.submit(d().findElement(By.id("save-item")));

        item("PAYMENT_GUARANTEE");
        date("establishedOn", contract.plusDays(3));
        new Select(d().findElement(By.id("form"))).selectByVisibleText("银行保函");
        date("validUntil", contract.plusYears(3));
        type("amount", "1200000");
        browser.submit(d().findElement(By.id("save-item")));

        String projectUrl = d().getCurrentUrl();
        go(projectUrl.substring(projectUrl.indexOf("/projects/")) + "/deposit");
        String required = d().findElement(By.id("deposit-required")).getText().replace(",", "");
        assertThat(d().findElement(By.id("deposit-reasoning")).getText()).contains("应存储");
        WebElement lodge = d().findElement(By.id("lodge-form"));
        lodge.findElement(By.name("amount")).sendKeys(required);
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = arguments[1]", lodge.findElement(By.name("on")),
                contract.plusDays(8).toString());
        browser.submit(lodge.findElement(By.tagName("button")));
        assertThat(d().findElement(By.id("deposit-balance")).getText().replace(",", "")).isEqualTo(required);
        browser.screenshot("project-4-deposit");

        go("/compliance");
        WebElement row = d().findElement(By.cssSelector("#matrix tr[data-code='YJ-2026-901']"));
        for (WebElement cell : row.findElements(By.cssSelector("td[data-kind]"))) {
            // Real-name management waits for the project's roster to be imported (issue 16: derived, not ticked).
            assertThat(cell.getAttribute("data-status")).as(cell.getAttribute("data-kind"))
                    .isEqualTo(cell.getAttribute("data-kind").equals("REAL_NAME") ? "MISSING" : "PRESENT");
        }
        assertThat(row.getText()).contains("5/6");
        browser.screenshot("project-5-matrix-green");
        go("/projects");
        browser.submit(d().findElement(By.linkText("YJ-2021-001")));
        item("BANK_PAYROLL");
        assertThat(d().findElement(By.id("pay-authorisations")).getText()).contains("沅江市顺达建筑劳务有限公司", "YJ-2021-001-WT01");
        assertThat(d().findElement(By.id("item-reason")).getText()).contains("第三十一条");
        browser.screenshot("project-5b-bank-payroll-derived");
        go("/projects");
        browser.screenshot("project-6-list");
        go("/projects/import");
        assertThat(d().findElement(By.tagName("h1")).getText()).isNotBlank();
        browser.screenshot("project-7-import");
        go("/deposit-parameters");
        assertThat(d().findElement(By.tagName("h1")).getText()).isNotBlank();
        browser.screenshot("project-8-deposit-parameters");
    }

    /**
     * A contractor proposes the bank of its project's special account; nothing changes until the bank named confirms it
     * on its own page; the project page then shows both periods of the binding.
     */
    @Test
    void aContractorProposesTheSpecialAccountsBankAndTheBankConfirmsIt() throws Exception {
        String base = base();
        d().manage().deleteAllCookies();
        browser.login(base, "zongbao");
        go("/projects");
        browser.submit(d().findElement(By.linkText("YJ-2021-010")));
        String projectPath = d().getCurrentUrl().substring(d().getCurrentUrl().indexOf("/projects/"));
        assertThat(findNow(By.id("binding-form"))).as("the contractor sets no binding").isEmpty();
        WebElement proposal = d().findElement(By.id("proposal-form"));
        proposal.findElement(By.name("bankCreditCode")).sendKeys("91430981707411234J");
        proposal.findElement(By.name("accountNumber")).sendKeys("183220210101");
        browser.submit(proposal.findElement(By.tagName("button")));
        assertThat(d().findElement(By.id("binding-pending")).getText()).contains("待行业主管部门或该行确认");
        assertThat(d().findElement(By.id("binding-current")).getText()).contains("中国建设银行股份有限公司沅江支行");
        browser.logout();

        browser.login(base, "yinhang");
        browser.submit(d().findElement(By.id("nav-bank-accounts")));
        WebElement row = d().findElement(By.cssSelector("#bank-accounts tr[data-project='YJ-2021-010']"));
        assertThat(row.getText()).contains("陈小兵 提出，待确认");
        browser.screenshot("bank-accounts-1-proposal");
        browser.submit(row.findElement(By.cssSelector("button.btn-primary")));
        assertThat(d().findElement(By.cssSelector("#bank-accounts tr[data-project='YJ-2021-010']")).getText())
                .contains("起绑定到本行");
        browser.screenshot("bank-accounts-2-confirmed");
        browser.logout();

        browser.login(base, "zongbao");
        go(projectPath);
        WebElement section = d().findElement(By.id("special-account"));
        assertThat(section.findElement(By.id("binding-set-by")).getText())
                .isEqualTo("陈小兵（总包单位）提出，杨丽（开户银行）确认");
        assertThat(section.findElements(By.cssSelector("#binding-history tr[data-status='CONFIRMED']"))).hasSize(2);
        ((JavascriptExecutor) d()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                section.findElement(By.id("binding-history")));
        browser.screenshot("project-special-account-history");
        browser.logout();
    }
}
