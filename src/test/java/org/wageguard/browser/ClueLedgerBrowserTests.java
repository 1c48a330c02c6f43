package org.wageguard.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clue journey: the inspector imports the national platform's clue list (a bad file first, refused row by
 * row), the leadership office hands out the ledgers, the housing bureau reads its notice and replies; the clocks,
 * the supervision run and the calendar pages, with screenshots.
 */
class ClueLedgerBrowserTests extends BrowserJourney {

    static final String HEADER = "线索编号,反映日期,反映人,联系电话,被反映单位,统一社会信用代码,项目名称,行政区划,欠薪金额,涉及人数,欠薪起始日期,欠薪截止日期,问题描述\n";



    Path csv(String name, String body) throws Exception {
        Path file = Files.createTempFile(name, ".csv");
        Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
        return file;
    }

    void upload(Path file) {
        go("/cases/clues");
        d().findElement(By.id("clue-file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(d().findElement(By.id("clue-submit")));
    }

    @Test
    void cluesFromThePlatformReachTheDepartmentsLedgerAndItsReply() throws Exception {
        String base = base();
        browser.login(base, "jiancha");
        upload(csv("bad", "XS20261128B01,2026-11-20,罗建军,1397478,沅江市顺达建筑劳务有限公司,,YJ-2021-002,430981,六万,12,,,\n"));
        assertThat(d().findElement(By.id("clue-outcome")).getText()).contains("未导入任何线索");
        assertThat(d().findElement(By.id("clue-problems")).getText()).contains("联系电话").contains("欠薪金额").contains("问题描述");
        browser.screenshot("clue-1-refused");
        upload(csv("good", """
                XS20261128B01,2026-11-20,罗建军,13974780001,沅江市顺达建筑劳务有限公司,,YJ-2021-002,430981,68000,12,2026-08-01,2026-10-31,班组12人三个月工资未发
                XS20261128B02,2026-11-21,,,沅江市顺达建筑劳务有限公司,,YJ-2021-004,430981,9000,3,2026-09-01,2026-10-31,匿名举报：3人工资未发
                """));
        assertThat(d().findElement(By.id("clue-outcome")).getText()).contains("新登记 2 条");
        browser.screenshot("clue-2-imported");
        browser.logout();

        browser.login(base, "zhiqianban");
        go("/cases/clues");
        browser.submit(d().findElement(By.id("issue-ledgers")));
        assertThat(d().findElement(By.id("ledgers")).getText()).contains("沅江市住房和城乡建设局").contains("待回执");
        browser.screenshot("clue-3-ledgers-issued");
        browser.logout();

        browser.login(base, "zhujian");
        assertThat(d().findElement(By.id("unread-notices")).getText()).isNotBlank();
        go("/notifications");
        browser.screenshot("clue-4-notices");
        browser.submit(d().findElement(By.cssSelector("#notices tr[data-kind='CLUE_LEDGER'] button")));
        assertThat(d().findElement(By.id("ledger-items")).getText()).contains("XS20261128B01");
        d().findElement(By.id("reply-text")).sendKeys("XS20261128B01：已约谈总包单位，承诺12月5日前从专用账户代发；其余线索正在核实。");
        browser.submit(d().findElement(By.id("do-reply")));
        assertThat(d().findElement(By.id("ledger-reply")).getText()).contains("已约谈总包单位");
        browser.screenshot("clue-5-ledger-replied");
        browser.logout();

        browser.login(base, "zhiqianban");
        go("/cases/mine");
        browser.submit(d().findElement(By.id("run-supervision")));
        assertThat(d().findElement(By.cssSelector(".alert-success")).getText()).contains("新督办");
        browser.screenshot("clue-6-supervision-run");
        go("/cases/clocks");
        assertThat(d().findElements(By.cssSelector("#clocks tbody tr"))).hasSize(org.wageguard.casework.Channel.values().length);
        browser.screenshot("clue-7-clocks");
        go("/cases?channel=PLATFORM");
        browser.screenshot("clue-8-platform-cases");
        go("/taskforces");
        browser.submit(d().findElement(By.linkText("2021年春节前根治拖欠农民工工资工作专班")));
        assertThat(d().findElement(By.id("handled")).getText()).contains("专班期间登记案件");
        assertThat(d().findElements(By.cssSelector("#roster-table tr"))).hasSizeGreaterThan(10);
        browser.screenshot("clue-10-task-force");
        browser.logout();

        browser.login(base, "admin");
        go("/admin/calendar?year=2026");
        assertThat(d().findElement(By.id("calendar-days")).getText()).contains("国庆节");
        browser.screenshot("clue-9-calendar");
    }
}
