package org.wageguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pages of issue 16's credit-list and deposit parts as their users see them: the credit procedure with the Art. 5
 * condition and the printable documents, the employer page that points to the procedure, the deposit parameters
 * with their rule, and a project's deposit page with the register of guarantee letters (screenshots credit-deposit-*).
 */
class CreditAndDepositBrowserTests extends BrowserJourney {

    @Test
    void theCreditProcedureTheEmployerPageAndTheDepositPagesAsTheirUsersSeeThem() throws Exception {
        browser.login(base(), "jiancha");
        go("/monitoring/credit");
        assertThat(d().findElement(By.id("credit-standard")).getText()).contains("法释〔2013〕3号");
        browser.screenshot("credit-deposit-1-credit");
        WebElement proposal = d().findElement(By.cssSelector("#credit-proposals tbody a"));
        browser.submit(proposal);
        assertThat(d().findElement(By.id("proposal-condition")).getText()).contains("第五条");
        assertThat(d().findElement(By.id("notice-pdf")).getAttribute("href")).endsWith("/notice.pdf");
        browser.screenshot("credit-deposit-2-proposal");

        go("/employers");
        browser.submit(d().findElement(By.linkText("沅江市信峰船舶制造有限公司")));
        assertThat(d().findElement(By.id("listing-procedure")).getText()).contains("人社部令第45号");
        assertThat(findNow(By.id("listing-form"))).isEmpty();
        browser.screenshot("credit-deposit-3-employer");

        go("/deposit-parameters");
        assertThat(d().findElement(By.id("deposit-rules")).getText()).contains("降幅不低于50%");
        browser.screenshot("credit-deposit-4-parameters");

        go("/projects?keyword=YJ-2021-002");
        browser.submit(d().findElement(By.linkText("YJ-2021-002")));
        go(d().getCurrentUrl().replace(base(), "") + "/deposit");
        assertThat(d().findElement(By.id("guarantee-register")).getText()).contains("保函与保险登记簿");
        assertThat(d().findElement(By.id("deposit-reasoning")).getText()).contains("65号")
                .as("the parameters' region by its name, not its code").contains("适用参数：湖南省").doesNotContain("430000");
        // Every date field of the register says what it is, on the page and not only in a tooltip.
        assertThat(d().findElement(By.id("guarantee-form")).getText()).contains("有效期起", "有效期至", "提交日期");
        browser.screenshot("credit-deposit-5-deposit");
        browser.logout();
    }
}
