package org.wageguard.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 2021 assessment (保障农民工工资支付工作考核): indicators with points, the self-score backed by the system's own
 * figures (checked here against counts made independently), the gaps, and the pack for the inspectors read back from
 * its Excel and Word files.
 */
@DemoApplicationTest
class AssessmentTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired Assessments assessments;

    long assessment() {
        return jdbc.sql("SELECT id FROM assessment WHERE region_code = '430981' AND year = 2021").query(Long.class).single();
    }

    BigDecimal score(String evidenceKey) {
        return jdbc.sql("SELECT self_score FROM assessment_indicator WHERE assessment_id = :a AND evidence_key = :k")
                .param("a", assessment()).param("k", evidenceKey).query(BigDecimal.class).single();
    }

    @Test
    void theSelfScoreIsBackedByTheSystemsOwnFigures() throws Exception {
        long[] closure = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status IN ('CLOSED','TRACKING_ENDED')), count(*) FROM case_file
                 WHERE region_code LIKE '430981%' AND registered_on BETWEEN '2021-01-01' AND '2021-12-31'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN')
                """).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        assertThat(closure[1]).isPositive();
        Assessments.Evidence e = assessments.evidence("430981", 2021).get("closure");
        assertThat(e.value()).startsWith(closure[0] + "/" + closure[1] + " 起");
        BigDecimal expected = BigDecimal.valueOf(15L * closure[0] * 2).divide(BigDecimal.valueOf(closure[1]), 0, RoundingMode.FLOOR)
                .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        assertThat(score("closure")).isEqualByComparingTo(expected);

        long[] realName = jdbc.sql("""
                SELECT count(*) FILTER (WHERE i.status = 'PRESENT'), count(*) FILTER (WHERE i.status <> 'NOT_APPLICABLE')
                  FROM compliance_item i JOIN project p ON p.id = i.project_id
                 WHERE i.kind = 'REAL_NAME' AND p.region_code LIKE '430981%' AND p.status IN ('UNDER_CONSTRUCTION','SUSPENDED')
                """).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        assertThat(assessments.evidence("430981", 2021).get("compliance.REAL_NAME").value())
                .startsWith(realName[0] + "/" + realName[1] + " 个项目");

        String page = mvc.perform(get("/reports/assessment/" + assessment()).with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2021年度保障农民工工资支付工作考核细则").contains("欠薪案件结案率").contains("湘治欠办〔2021〕12号")
                .contains("/cases?counted=true&amp;from=2021-01-01&amp;to=2021-12-31");
        // an industry department reads it; a grid worker does not
        mvc.perform(get("/reports/assessment/" + assessment()).with(logins.as("jiaotong"))).andExpect(status().isOk());
        mvc.perform(get("/reports/assessment/" + assessment()).with(logins.as("wangge"))).andExpect(status().isForbidden());
    }

    @Test
    void aScoreOutsideThePointsOrALostPointWithoutItsGapIsRefusedInChinese() throws Exception {
        long id = assessment();
        long indicator = jdbc.sql("SELECT id FROM assessment_indicator WHERE assessment_id = :a AND evidence_key = 'meetings'")
                .param("a", id).query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM assessment_indicator WHERE id = :i").param("i", indicator).query(Integer.class).single();
        String url = "/reports/assessment/" + id + "/indicators/" + indicator;
        mvc.perform(post(url).with(logins.as("zhiqianban")).with(csrf()).param("version", String.valueOf(version))
                .param("selfScore", "11")).andExpect(flash().attribute("error", "自评得分须在 0 至该指标分值之间，最多两位小数。"));
        mvc.perform(post(url).with(logins.as("zhiqianban")).with(csrf()).param("version", String.valueOf(version))
                .param("selfScore", "8")).andExpect(flash().attribute("error", "自评得分低于分值的，请写明差距与问题。"));
        mvc.perform(post(url).with(logins.as("jiaotong")).with(csrf()).param("version", String.valueOf(version))
                .param("selfScore", "10")).andExpect(status().isForbidden());
        mvc.perform(post(url).with(logins.as("zhiqianban")).with(csrf()).param("version", String.valueOf(version))
                .param("selfScore", "9.5").param("gap", "上半年仅召开 3 次会议，未按季度召开全体成员会议"))
                .andExpect(flash().attributeExists("flash"));
        assertThat(jdbc.sql("SELECT self_score FROM assessment_indicator WHERE id = :i").param("i", indicator)
                .query(BigDecimal.class).single()).isEqualByComparingTo("9.5");
        // the same form again, now stale
        mvc.perform(post(url).with(logins.as("zhiqianban")).with(csrf()).param("version", String.valueOf(version))
                .param("selfScore", "10")).andExpect(flash().attributeExists("error"));
    }

    @Test
    void anIndicatorIsCorrectedAsTheProvinceRevisesItAndWithdrawnWithItsRecordKept() throws Exception {
        long id = assessments.create("430981", 2018, "2018年度考核细则（修订测试）",
                "益阳市根治拖欠农民工工资工作领导小组办公室", null, "zhiqianban");
        long indicator = assessments.addIndicator(id, 10, "组织领导", "每季度召开领导小组全体成员会议", null,
                new BigDecimal("10"), "meetings", "zhiqianban");
        assessments.score(id, indicator, 0, new BigDecimal("8"), null, "二季度未召开", null, null, "zhiqianban");
        String url = "/reports/assessment/" + id + "/indicators/" + indicator;

        // points below the self-score already given: refused, nothing changed
        mvc.perform(post(url + "/edit").with(logins.as("zhiqianban")).with(csrf()).param("version", "1")
                .param("category", "组织领导").param("content", "每季度召开会议").param("points", "7"))
                .andExpect(flash().attribute("error", "分值不能低于该指标已有的自评得分；请先修改自评得分。"));
        // an industry department reads the assessment but does not change it
        mvc.perform(post(url + "/edit").with(logins.as("jiaotong")).with(csrf()).param("version", "1")
                .param("category", "组织领导").param("content", "x").param("points", "12")).andExpect(status().isForbidden());
        mvc.perform(post(url + "/edit").with(logins.as("zhiqianban")).with(csrf()).param("version", "1").param("sortOrder", "5")
                .param("category", "组织领导").param("content", "每季度至少召开1次领导小组全体成员会议").param("points", "12")
                .param("evidenceKey", "meetings")).andExpect(flash().attributeExists("flash"));
        Assessments.Indicator edited = assessments.indicators(id).stream().filter(i -> i.id() == indicator).findFirst().orElseThrow();
        assertThat(edited.points()).isEqualByComparingTo("12");
        assertThat(edited.content()).isEqualTo("每季度至少召开1次领导小组全体成员会议");
        assertThat(edited.selfScore()).isEqualByComparingTo("8");
        // the same form again, now stale
        mvc.perform(post(url + "/edit").with(logins.as("zhiqianban")).with(csrf()).param("version", "1")
                .param("category", "组织领导").param("content", "旧表单").param("points", "10"))
                .andExpect(flash().attributeExists("error"));
        assertThat(assessments.pack(assessments.find(id, "43").orElseThrow()).points()).isEqualByComparingTo("12");

        // withdrawn: a reason is required; then it leaves the page and the totals, and the row stays with the reason
        mvc.perform(post(url + "/withdraw").with(logins.as("zhiqianban")).with(csrf()).param("version", "2"))
                .andExpect(flash().attribute("error", "请写明撤销原因（不超过 500 字）。"));
        mvc.perform(post(url + "/withdraw").with(logins.as("zhiqianban")).with(csrf()).param("version", "2")
                .param("reason", "省里2018年细则调整，本项并入“工作机制”")).andExpect(flash().attributeExists("flash"));
        assertThat(assessments.indicators(id)).extracting(Assessments.Indicator::id).doesNotContain(indicator);
        assertThat(assessments.pack(assessments.find(id, "43").orElseThrow()).points()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT withdrawn_reason || '|' || withdrawn_by || '|' || self_score FROM assessment_indicator WHERE id = :i")
                .param("i", indicator).query(String.class).single()).isEqualTo("省里2018年细则调整，本项并入“工作机制”|zhiqianban|8.00");
        assertThat(jdbc.sql("SELECT detail FROM operation_log WHERE action = 'ASSESSMENT_INDICATOR_WITHDRAW' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).contains("每季度至少召开1次领导小组全体成员会议").contains("自评 8");
        String page = mvc.perform(get("/reports/assessment/" + id).with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("每季度至少召开1次领导小组全体成员会议");
    }

    @Test
    void thePackReadsBackFromExcelAndWord() throws Exception {
        long id = assessment();
        BigDecimal total = jdbc.sql("SELECT sum(self_score) FROM assessment_indicator WHERE assessment_id = :a").param("a", id)
                .query(BigDecimal.class).single();
        long indicators = jdbc.sql("SELECT count(*) FROM assessment_indicator WHERE assessment_id = :a").param("a", id)
                .query(Long.class).single();
        byte[] xlsx = mvc.perform(get("/reports/assessment/" + id + "/pack.xlsx").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet table = book.getSheet("考核自评表");
            assertThat(table.getRow(0).getCell(0).getStringCellValue()).isEqualTo("沅江市2021年度保障农民工工资支付工作考核自评报告");
            assertThat(table.getRow(1).getCell(5).getStringCellValue()).isEqualTo("自评得分");
            Row last = table.getRow(table.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(table.getLastRowNum()).isEqualTo((int) indicators + 2);
            assertThat(BigDecimal.valueOf(last.getCell(5).getNumericCellValue())).isEqualByComparingTo(total);
            Sheet evidence = book.getSheet("佐证数据");
            boolean closure = false;
            for (Row r : evidence) {
                if (r.getCell(0).getStringCellValue().equals("欠薪案件结案率")) {
                    closure = r.getCell(2).getStringCellValue().contains("已结案或跟踪结束");
                }
            }
            assertThat(closure).isTrue();
            StringBuilder ledgers = new StringBuilder();
            book.getSheet("迎检材料清单").forEach(r -> ledgers.append(r.getCell(2).getStringCellValue()).append('\n'));
            assertThat(ledgers).contains("/cases/ledger.xlsx?from=2021-01-01&to=2021-12-31").contains("/leadership");
        }
        byte[] docx = mvc.perform(get("/reports/assessment/" + id + "/pack.docx").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("沅江市2021年度保障农民工工资支付工作考核自评报告")
                    .contains("自评得分 " + total.stripTrailingZeros().toPlainString() + " 分").contains("四、迎检材料清单")
                    .contains("欠薪案件结案率").contains("统计口径");
        }
    }
}
