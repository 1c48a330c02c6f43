package org.wageguard.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The seed's half-year summary written by the system: each figure against a count made here independently, and
 * the Word and PDF documents read back with the figures in them.
 */
@DemoApplicationTest
class WorkSummaryTests {

    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2021, 6, 30);

    @Autowired WorkSummary summary;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    /** The demo reads like the seed: "60余起 … 追回欠薪1500余万元", "30余起投诉", the task force's "23起，1200余万元". */
    @Test
    void theDemosFirstHalfOf2021ReadsLikeTheSeed() {
        WorkSummary.Figures f = summary.figures("430981", FROM, TO);
        assertThat(f.value("cases")).matches("6\\d 起");
        assertThat(f.value("complaints")).matches("3\\d 起");
        assertThat(f.value("recovered")).matches("15\\d\\d(\\.\\d+)? 万元");
        assertThat(f.value("taskForce")).matches("23 起，涉案金额 12\\d\\d(\\.\\d+)? 万元.*");
        assertThat(f.value("arrests")).startsWith("5 人，追回工资 26");
    }

    @Test
    void theFiguresAreTheRecordsCounts() {
        WorkSummary.Figures f = summary.figures("430981", FROM, TO);
        long cases = jdbc.sql("""
                SELECT count(*) FROM case_file WHERE registered_on BETWEEN '2021-01-01' AND '2021-06-30'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN') AND region_code LIKE '430981%'
                """).query(Long.class).single();
        assertThat(f.value("cases")).isEqualTo(cases + " 起");
        BigDecimal recovered = jdbc.sql("""
                SELECT sum(amount_recovered) FROM case_file WHERE registered_on BETWEEN '2021-01-01' AND '2021-06-30'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN')
                """).query(BigDecimal.class).single();
        assertThat(f.value("recovered")).isEqualTo(WorkSummary.wan(recovered) + " 万元");
        assertThat(f.arrested()).containsExactly("何峰", "彭鹏程", "曾宇", "曾婧", "钟斌");
        assertThat(f.value("arrests")).startsWith("5 人，追回工资 26 万元");
        assertThat(f.value("court")).isEqualTo("1 起，追回欠薪 200 万元");
        assertThat(f.value("meetings")).isEqualTo("3 次");
        assertThat(f.value("taskForce")).contains("均已发放至农民工手中");
        assertThat(f.value("sectors")).contains("非建设领域");
        assertThat(f.figures().values()).allSatisfy(x -> assertThat(x.definition()).isNotBlank());
    }

    @Test
    void anEmptyPeriodSaysZeroRatherThanFailing() {
        WorkSummary.Figures f = summary.figures("430981", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 30));
        assertThat(f.value("cases")).isEqualTo("0 起");
        assertThat(f.value("meetings")).isEqualTo("0 次");
    }

    @Test
    void theWordDocumentHasTheSeedsStructureAndItsFigures() throws Exception {
        byte[] docx = mvc.perform(get("/reports/summary.docx?from=2021-01-01&to=2021-06-30").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        WorkSummary.Figures f = summary.figures("430981", FROM, TO);
        assertThat(text).contains("2021年沅江市根治拖欠农民工工资工作总结", "一、加强组织领导", "二、加强协调配合", "三、工作中存在的难点",
                "四、下一步工作建议", "附：统计口径", "何峰", "迎国检工作部署会", f.value("recovered"), f.value("taskForce"), "【请撰写");
    }

    @Test
    void thePdfReadsBackWithTheSameFigures() throws Exception {
        byte[] pdf = mvc.perform(get("/reports/summary.pdf?from=2021-01-01&to=2021-06-30").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        Path file = Files.createTempFile("summary", ".pdf");
        Files.write(file, pdf);
        if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            assertThat(text.replaceAll("\\s+", "")).contains("根治拖欠农民工工资工作总结", "何峰", "统计口径");
        }
    }

    @Test
    void onlyTheOfficeAndInspectorsWriteSummaries() throws Exception {
        int status = mvc.perform(get("/reports/summary").with(logins.as("zongbao"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        int bad = mvc.perform(get("/reports/summary?from=2021-06-30&to=2021-01-01").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getStatus();
        assertThat(bad).isEqualTo(400);
    }
}
