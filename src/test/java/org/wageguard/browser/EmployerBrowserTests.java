package org.wageguard.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** A labor inspector lists the city's employers, opens one, and registers a new one through the form. */
class EmployerBrowserTests extends BrowserJourney {

    @Test
    void anInspectorListsOpensAndRegistersEmployers() throws Exception {
        WebDriver d = browser.driver();
        browser.login(base(), "jiancha");

        browser.submit(d.findElement(By.linkText("用人单位")));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("用人单位");
        // The first page, by name: the banks' branches (registered for the special-account bindings) come first.
        assertThat(d.findElement(By.id("employers-table")).getText()).contains("中国农业银行股份有限公司沅江市支行")
                .contains("湖南华盛建设工程有限公司");
        browser.screenshot("employer-list");

        new Select(d.findElement(By.name("type"))).selectByVisibleText("制造业企业");
        browser.submit(d.findElement(By.cssSelector("#employer-filter button")));
        assertThat(d.findElement(By.id("employers-table")).getText()).contains("沅江市信峰船舶制造有限公司")
                .doesNotContain("湖南华盛建设工程有限公司");
        browser.screenshot("employer-list-filtered");

        browser.submit(d.findElement(By.linkText("沅江市信峰船舶制造有限公司")));
        assertThat(d.findElement(By.id("employer-name")).getText()).isEqualTo("沅江市信峰船舶制造有限公司");
        assertThat(d.findElement(By.id("arrears-table")).getText()).contains("138,000.00");
        assertThat(d.findElement(By.id("listings-table")).getText()).contains("失信联合惩戒名单");
        browser.screenshot("employer-detail");

        go("/employers/new");
        d.findElement(By.id("name")).sendKeys("沅江市浏览器测试劳务有限公司");
        d.findElement(By.id("creditCode")).sendKeys("91430981MA4L12341A");
        new Select(d.findElement(By.id("type"))).selectByVisibleText("劳务企业");
        new Select(d.findElement(By.id("industryCode"))).selectByValue("50");
        new Select(d.findElement(By.id("regionCode"))).selectByValue("430981102");
        new Select(d.findElement(By.id("supervisingDepartmentId"))).selectByVisibleText("\u3000沅江市住房和城乡建设局");
        d.findElement(By.id("address")).sendKeys("沅江市草尾镇民主路8号");
        d.findElement(By.id("legalRepresentative")).sendKeys("王立新");
        d.findElement(By.id("contactPhone")).sendKeys("13907375566");
        click(By.id("save-employer"));
        assertThat(d.findElement(By.id("creditCode-error")).getText()).contains("校验位错误");
        browser.screenshot("employer-form-refused");

        var code = d.findElement(By.id("creditCode"));
        code.clear();
        code.sendKeys(validCode("91430981MA4L12341"));
        click(By.id("save-employer"));
        assertThat(d.findElement(By.id("employer-name")).getText()).isEqualTo("沅江市浏览器测试劳务有限公司");
        assertThat(d.findElement(By.id("contact-phone")).getText()).isEqualTo("139****5566");
        browser.screenshot("employer-created");

        go("/employers/import");
        browser.screenshot("employer-import");
        browser.submit(d.findElement(By.id("logout")));
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing, so the element is brought into view at once. */
    private void click(By by) {
        browser.submit(browser.driver().findElement(by));
    }

    private static String validCode(String first17) {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            try {
                return org.wageguard.shared.CreditCode.of(first17 + c).value();
            } catch (org.wageguard.shared.InvalidIdentifierException e) {
                // try the next
            }
        }
        throw new IllegalStateException();
    }
}
