package org.wageguard.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser journey of issue 4: the general contractor's wage officer uploads a month's roster, attendance and pay
 * sheet of 沅江市琼湖路提质改造工程 (its special account is at 中国农业银行), the bank uploads its disbursements, and the
 * labor inspector opens the month's findings and drills from a red finding to the attendance days, the pay line and
 * the bank transactions it came from.
 */
class ReconciliationBrowserTests extends BrowserJourney {

    static final String PROJECT = "YJ-2021-004";
    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final LocalDate PAY_DAY = MONTH.atDay(27);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** One worker of the month: who, where, how many days, at what daily rate. */
    record Crew(String name, String birth, String seq, String phone, String team, boolean contract, int dayRate,
            int restEvery) {
        String id() {
            return gb11643("430981" + birth + seq);
        }

        String card() {
            return luhn("622848" + "0373" + birth.substring(2) + seq.substring(0, 2));
        }
    }

    static final List<Crew> CREW = List.of(
            new Crew("彭德华", "19720315", "213", "13907371201", "钢筋班", true, 320, 7),
            new Crew("曾国强", "19780822", "117", "13974781302", "钢筋班", true, 300, 9),
            new Crew("龚小明", "19850611", "035", "15907372403", "木工班", true, 300, 8),
            new Crew("熊春兰", "19800109", "428", "13762703504", "泥工班", true, 260, 6),
            new Crew("邓建军", "19691127", "251", "13873704605", "泥工班", true, 280, 8),
            new Crew("谭志勇", "19880404", "193", "18907375706", "木工班", true, 300, 10),
            new Crew("蒋桂芝", "19760918", "326", "13517376807", "泥工班", false, 260, 7),
            new Crew("卢永福", "19830730", "059", "15207377908", "钢筋班", true, 300, 9));

    /** The demo data's six workers of the project in September and October (DemoPayrollData). */
    static final String[] DEMO_SIX = {"赵铁柱", "黄海波", "周小勇", "吴金凤", "徐长林", "孙建华"};

    static final Crew UNPAID = CREW.get(4);
    static final Crew OTHER_CARD = CREW.get(5);
    static final Crew NO_CONTRACT = CREW.get(6);
    static final Crew DAYS_OFF = CREW.get(7);
    /** The card the bank paid 谭志勇's wage to: his team leader's, not the one on the roster. */
    static final String TEAM_LEADER_CARD = luhn("621700284000183752");

    @TempDir Path dir;

    private void signIn(String username) {
        browser.login(base(), username);
        assertThat(d().findElement(By.id("home-title")).getText()).isNotBlank();
    }

    private void signOut() {
        browser.logout();
        assertThat(d().findElement(By.id("login-info")).getText()).contains("您已安全退出");
    }

    private String upload(String kind, Path file) {
        go("/workforce/imports");
        d().findElement(By.id(kind + "-file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(d().findElement(By.id(kind + "-submit")));
        List<WebElement> errors = findNow(By.cssSelector(".alert-danger"));
        assertThat(errors).as(kind).allSatisfy(e -> assertThat(e.getText()).as(kind).isEmpty());
        return d().findElement(By.cssSelector(".alert-success[role=status]")).getText();
    }

    /** The days a worker was on site: every day of the month up to the 26th, less his own rest days. */
    static List<LocalDate> days(Crew c) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = MONTH.atDay(1); !day.isAfter(MONTH.atDay(26)); day = day.plusDays(1)) {
            if (day.getDayOfMonth() % c.restEvery() != 0) {
                days.add(day);
            }
        }
        return days;
    }

    static int wage(Crew c) {
        return days(c).size() * c.dayRate();
    }

    private Path write(String name, StringBuilder csv) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "\uFEFF" + csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aWageOfficerAndTheBankSendTheMonthAndAnInspectorDrillsFromAFindingToItsEvidence() throws Exception {
        StringBuilder roster = new StringBuilder("项目编号,身份证号,姓名,手机号,工资卡号,开户行,班组,是否签订劳动合同,进场日期,退场日期\n");
        StringBuilder attendance = new StringBuilder("项目编号,身份证号,日期,工时\n");
        StringBuilder sheet = new StringBuilder("项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,扣款,实发工资,发放日期,本人签字确认\n");
        StringBuilder bank = new StringBuilder("项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n");
        int attendanceRows = 0;
        int tx = 1;
        for (Crew c : CREW) {
            roster.append(String.join(",", PROJECT, c.id(), c.name(), c.phone(), c.card(), "中国农业银行沅江市支行",
                    c.team(), c.contract() ? "Y" : "N", "2026-11-01", "")).append('\n');
            for (LocalDate day : days(c)) {
                attendance.append(String.join(",", PROJECT, c.id(), day.toString(), "8")).append('\n');
                attendanceRows++;
            }
            // 卢永福's team leader wrote him down for the full 26 days on the pay sheet: a days mismatch.
            int sheetDays = c == DAYS_OFF ? 26 : days(c).size();
            int gross = sheetDays * c.dayRate();
            int deductions = 50; // the month's site meals
            sheet.append(String.join(",", PROJECT, MONTH.toString(), c.id(), c.name(), String.valueOf(sheetDays),
                    String.valueOf(gross), String.valueOf(deductions), String.valueOf(gross - deductions),
                    PAY_DAY.toString(), c == UNPAID ? "N" : "Y")).append('\n');
            if (c == UNPAID) {
                continue; // 邓建军 worked the month and the bank never paid him
            }
            String card = c == OTHER_CARD ? TEAM_LEADER_CARD : c.card();
            bank.append(String.join(",", PROJECT, "ABC2026112700" + String.format("%02d", tx++), card, c.name(),
                    c.id(), String.valueOf(gross - deductions) + ".00", PAY_DAY.toString(), "成功", MONTH.toString()))
                    .append('\n');
        }
        Path rosterFile = write("花名册-琼湖路-2026年11月.csv", roster);
        Path attendanceFile = write("考勤-琼湖路-2026年11月.csv", attendance);
        Path sheetFile = write("工资支付表-琼湖路-2026年11月.csv", sheet);
        Path bankFile = write("代发流水-琼湖路-2026年11月.csv", bank);

        // 1. The general contractor's wage officer sends the roster, the attendance and the pay sheet.
        signIn("zongbao");
        go("/workforce/imports");
        assertThat(findNow(By.id("disbursements-file"))).isEmpty();
        fullPage("reconcile-1-officer-imports");
        // The November roster is the site's full roster (issue 17): the six workers of September and October, whom
        // it does not list, left on 31 October. The page first shows who would leave; nothing is written before the
        // officer confirms.
        go("/workforce/imports");
        d().findElement(By.id("roster-file")).sendKeys(rosterFile.toAbsolutePath().toString());
        d().findElement(By.id("roster-mode-full")).click();
        ((JavascriptExecutor) d()).executeScript("arguments[0].value = '2026-10-31'", d().findElement(By.id("roster-effective")));
        browser.submit(d().findElement(By.id("roster-submit")));
        String leavers = d().findElement(By.cssSelector("[data-code='" + PROJECT + "'] table.leaving")).getText();
        assertThat(leavers).contains(DEMO_SIX).contains("2026-08-20").contains("2026-10-31").contains("430981********");
        assertThat(CREW).allSatisfy(c -> assertThat(leavers).doesNotContain(c.name()));
        assertThat(d().findElement(By.cssSelector("[data-code='" + PROJECT + "'] .joining")).getText())
                .isEqualTo(String.valueOf(CREW.size()));
        fullPage("reconcile-2a-roster-preview");
        browser.submit(d().findElement(By.id("roster-confirm")));
        assertThat(d().findElement(By.cssSelector(".alert-success[role=status]")).getText()).contains("花名册导入完成")
                .contains("完整花名册").contains("生效日期 2026-10-31").contains("写入 " + CREW.size() + " 行")
                .contains("离场 " + DEMO_SIX.length + " 人");
        fullPage("reconcile-2-roster-imported");
        assertThat(upload("attendance", attendanceFile)).contains("考勤导入完成").contains("写入 " + attendanceRows + " 行");
        fullPage("reconcile-3-attendance-imported");
        assertThat(upload("payroll", sheetFile)).contains("工资支付表导入完成").contains("写入 " + CREW.size() + " 行")
                .contains("错误行 0 处");
        fullPage("reconcile-4-payroll-imported");
        browser.submit(d().findElement(By.cssSelector("#workforce-projects tr[data-code='" + PROJECT + "'] .roster-link")));
        String rosterPage = d().findElement(By.id("roster")).getText();
        assertThat(rosterPage).contains("彭德华", "谭志勇", "邓建军").doesNotContain(OTHER_CARD.card()).doesNotContain(OTHER_CARD.id());
        assertThat(d().findElement(By.cssSelector("#coverage tr[data-month='" + MONTH + "']")).getText()).contains("100.0%");
        assertThat(d().findElement(By.id("departed")).getText()).contains(DEMO_SIX).contains("2026-10-31");
        assertThat(d().findElement(By.id("roster")).getText()).doesNotContain(DEMO_SIX[0]);
        fullPage("reconcile-5-roster");
        signOut();

        // 2. The bank that keeps the project's special account sends its disbursements for the month.
        signIn("yinhang");
        go("/workforce/imports");
        assertThat(findNow(By.id("roster-file"))).isEmpty();
        assertThat(findNow(By.id("payroll-file"))).isEmpty();
        assertThat(upload("disbursements", bankFile)).contains("专用账户代发流水导入完成")
                .contains("写入 " + (CREW.size() - 1) + " 行").contains("错误行 0 处");
        fullPage("reconcile-6-bank-imported");
        signOut();

        // 3. The labor inspector opens the month's findings of the project.
        signIn("jiancha");
        go("/workforce/imports");
        browser.submit(d().findElement(By.cssSelector("#workforce-projects tr[data-code='" + PROJECT + "'] .findings-link")));
        browser.submit(d().findElement(By.linkText(MONTH.toString())));
        assertThat(d().findElement(By.cssSelector("#months .active")).getText()).isEqualTo(MONTH.toString());
        WebElement red = d().findElement(By.id("findings-red"));
        assertThat(red.findElements(By.cssSelector("tr.finding")).stream().map(r -> r.getAttribute("data-rule")).toList())
                .containsExactlyInAnyOrder("UNPAID", "PAID_TO_OTHER_CARD");
        assertThat(row("UNPAID").getText()).contains("未发工资").contains(UNPAID.name());
        assertThat(row("PAID_TO_OTHER_CARD").getText()).contains("发至非本人工资卡").contains(OTHER_CARD.name());
        assertThat(d().findElement(By.id("findings-orange")).getText()).contains("出勤天数不符").doesNotContain("DAYS_MISMATCH").contains(DAYS_OFF.name());
        assertThat(d().findElement(By.id("findings-yellow")).getText()).contains("未签劳动合同").doesNotContain("NO_CONTRACT").contains(NO_CONTRACT.name());
        assertThat(d().findElement(By.id("count-red")).getText()).contains("2");
        assertThat(d().findElement(By.id("payroll-lines")).findElements(By.cssSelector("tbody tr"))).hasSize(CREW.size());
        assertThat(d().findElement(By.tagName("main")).getText()).doesNotContain(OTHER_CARD.id()).doesNotContain(TEAM_LEADER_CARD);
        fullPage("reconcile-7-findings");

        // 4. From the red finding "paid to another card" to its evidence rows.
        browser.submit(row("PAID_TO_OTHER_CARD").findElement(By.cssSelector(".evidence-link")));
        assertThat(d().findElement(By.id("finding")).getText()).contains("发至非本人工资卡").contains(OTHER_CARD.name());
        List<WebElement> attended = d().findElements(By.cssSelector("#evidence-attendance tbody tr"));
        assertThat(attended).hasSize(days(OTHER_CARD).size());
        assertThat(attended.get(0).getText()).contains(days(OTHER_CARD).get(0).toString());
        List<WebElement> line = d().findElements(By.cssSelector("#evidence-lines tbody tr"));
        assertThat(line).hasSize(1);
        assertThat(line.get(0).getText()).contains(String.valueOf(days(OTHER_CARD).size()))
                .contains(String.format("%,d.00", wage(OTHER_CARD) - 50)).contains(PAY_DAY.toString());
        assertThat(d().findElement(By.id("evidence-roster")).getText())
                .contains(OTHER_CARD.card().substring(OTHER_CARD.card().length() - 4));
        List<WebElement> payments = d().findElements(By.cssSelector("#evidence-payments tbody tr"));
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).getText()).contains("ABC20261127").contains(OTHER_CARD.name())
                .contains(TEAM_LEADER_CARD.substring(TEAM_LEADER_CARD.length() - 4))
                .contains(String.format("%,d.00", wage(OTHER_CARD) - 50)).contains("成功")
                .contains(OTHER_CARD.id().substring(14)).doesNotContain(OTHER_CARD.id()).doesNotContain(TEAM_LEADER_CARD);
        fullPage("reconcile-8-evidence-other-card");

        // 5. And the unpaid worker: he was on site, is on the pay sheet, and the bank sent nothing.
        browser.submit(d().findElement(By.id("back-to-findings")));
        browser.submit(row("UNPAID").findElement(By.cssSelector(".evidence-link")));
        assertThat(d().findElement(By.id("finding")).getText()).contains("未发工资").contains(UNPAID.name());
        assertThat(d().findElements(By.cssSelector("#evidence-attendance tbody tr"))).hasSize(days(UNPAID).size());
        assertThat(d().findElement(By.id("evidence-lines")).getText())
                .contains(String.format("%,d.00", wage(UNPAID) - 50));
        assertThat(d().findElement(By.id("evidence-payments")).getText()).contains("没有相关的代发流水");
        fullPage("reconcile-9-evidence-unpaid");

        // 6. The worker's own months, from the evidence page.
        browser.submit(d().findElement(By.cssSelector("#finding a")));
        assertThat(d().findElement(By.id("worker-wage-months")).getText()).contains(MONTH.toString()).contains("未发工资");
        fullPage("reconcile-10-worker-months");

        // 7. September, re-reconciled after the November roster, still finds its workers on its own roster.
        go("/workforce/imports");
        browser.submit(d().findElement(By.cssSelector("#workforce-projects tr[data-code='" + PROJECT + "'] .findings-link")));
        browser.submit(d().findElement(By.linkText("2026-09")));
        assertThat(findNow(By.cssSelector("tr.finding[data-rule='NOT_ON_ROSTER']"))).isEmpty();
        assertThat(d().findElement(By.tagName("main")).getText()).doesNotContain("不在花名册");
        fullPage("reconcile-11-september-after-november-roster");
        signOut();
    }

    /** The whole page, not just the window, so that a person can read every table of it. */
    private void fullPage(String name) throws Exception {
        assertThat(d().findElement(By.tagName("body")).getText()).as("untranslated message keys on " + name)
                .doesNotContain("??");
        Dimension window = d().manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) d()).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        d().manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 160, 4000)));
        try {
            browser.screenshot(name);
        } finally {
            d().manage().window().setSize(window);
        }
    }

    private WebElement row(String rule) {
        return d().findElement(By.cssSelector("tr.finding[data-rule='" + rule + "']"));
    }

    /** The 18-character citizen ID number: the 17 digits and their GB 11643 (ISO 7064 MOD 11-2) check character. */
    static String gb11643(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A card number: the digits given and their Luhn check digit. */
    static String luhn(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
            int n = digits.charAt(i) - '0';
            if (k % 2 == 0) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
        }
        return digits + (char) ('0' + (10 - sum % 10) % 10);
    }
}
