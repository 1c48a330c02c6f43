package org.wageguard.browser;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: a clue from the national clue platform handled to the end — closed with its outcome on the case page —
 * is reported back from the platform page, and the result file downloaded for the platform's upload carries the
 * outcome (read back here, CSV and Excel). With screenshots of the report page and the weekly "还在跟踪" list.
 */
class PlatformReportBrowserTests extends BrowserJourney {

    static final String CLUE = "XS-BJ-2026110301";

    @Autowired CaseIntake intake;
    @Autowired JdbcClient jdbc;

    /** A download of the signed-in browser's session, as the browser would save it. */
    byte[] download(String href) throws Exception {
        String session = d().manage().getCookieNamed("SESSION").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aPlatformClueHandledToTheEndIsInTheResultFileWithItsOutcome() throws Exception {
        long c = intake.register(new Intake(Channel.PLATFORM, CaseKind.COMPLAINT, "龙建平", MobilePhone.of("13907372301"), false,
                null, "沅江市平台回传旅程建筑公司", null, "430981", "E", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30),
                "平台线索：钢筋工工资未发", List.of(new Intake.Claimant("龙建平", null, new BigDecimal("4800"))), null,
                LocalDate.of(2026, 11, 3), CLUE, 1, new BigDecimal("4800")));
        // Accepted, coordinated, mediated and the money verified in the worker's hands (CaseJourneyBrowserTests drives
        // these steps); the inspector closes it here.
        jdbc.sql("""
                UPDATE case_file SET status = 'PAYMENT_VERIFIED', accepted_on = DATE '2026-11-04', outcome = 'MEDIATED',
                       outcome_note = '经调解，劳务公司当场结清', amount_recovered = 4800, workers_paid = 1, amount_paid_out = 4800
                 WHERE id = :c
                """).param("c", c).update();
        browser.login(base(), "jiancha");
        go("/cases/" + c);
        browser.submit(d().findElement(By.id("do-close")));
        assertThat(d().findElement(By.id("case-status")).getText()).isEqualTo("已结案");

        go("/cases/clues");
        browser.submit(d().findElement(By.id("platform-link")));
        assertThat(d().findElement(By.id("platform-pending")).getText()).contains(CLUE, "办结", "2026-11-04", "调解结案",
                "4800.00", "追回工资 4800.00 元，已兑付 1 人");
        browser.screenshot("platform-1-pending");
        browser.submit(d().findElement(By.id("platform-report")));
        assertThat(d().findElement(By.cssSelector(".alert")).getText()).contains("已报送");
        assertThat(d().findElement(By.id("platform-pending")).getText()).doesNotContain(CLUE);
        assertThat(d().findElement(By.id("platform-ledger")).getText()).contains(CLUE, "办结");
        browser.screenshot("platform-2-reported");

        // The batch as the file to upload: the clue's row carries its outcome.
        String csvHref = d().findElement(By.cssSelector("#platform-batches .batch-csv")).getAttribute("href");
        String csv = new String(download(csvHref), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows).filteredOn(r -> r.get("线索编号").equals(CLUE)).singleElement().satisfies(r -> {
            assertThat(r.get("办理状态")).isEqualTo("办结");
            assertThat(r.get("办结方式")).isEqualTo("调解结案");
            assertThat(r.get("追回工资金额")).isEqualTo("4800.00");
            assertThat(r.get("兑付人数")).isEqualTo("1");
            assertThat(r.get("办结日期")).isEqualTo(LocalDate.now().toString());
            assertThat(r.get("答复反映人内容")).contains("经调解，劳务公司当场结清");
        });
        String xlsxHref = d().findElement(By.cssSelector("#platform-batches .batch-xlsx")).getAttribute("href");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(xlsxHref)))) {
            DataFormatter cells = new DataFormatter();
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                var row = sheet.getRow(i);
                if (row != null && CLUE.equals(cells.formatCellValue(row.getCell(0)))) {
                    found = true;
                    assertThat(cells.formatCellValue(row.getCell(1))).isEqualTo("办结");
                    assertThat(cells.formatCellValue(row.getCell(5))).isEqualTo("调解结案");
                }
            }
            assertThat(found).as("the clue's row in the workbook").isTrue();
        }

        // Reported 办结: the platform no longer shows it open.
        browser.submit(d().findElement(By.id("platform-open-link")));
        assertThat(d().findElement(By.id("platform-open")).getText()).doesNotContain(CLUE);
        browser.screenshot("platform-3-still-open");
    }

    @Test
    void theProjectPageMarksEachLaborCostTransferAsSentByTheBankOrTypedIn() throws Exception {
        browser.login(base(), "jiancha");
        go("/projects/" + jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-004'").query(Long.class).single());
        scrollToTop("labor-transfers");
        List<String> sources = d().findElements(By.cssSelector("#labor-transfers .transfer-source")).stream()
                .map(e -> e.getText()).toList();
        assertThat(sources).contains("银行报送", "手工录入");
        browser.screenshot("platform-4-transfer-sources");
    }
}
