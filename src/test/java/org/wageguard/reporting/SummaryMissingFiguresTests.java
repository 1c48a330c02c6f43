package org.wageguard.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * The figures the seed's summary has and the system's did not: "检查在建工程项目17个、劳动密集型企业3家" and the six items'
 * compliance, the projects trained, ongoing publicity by channel and duration, and the sector spread that takes the
 * project's sector when known — each with its definition, each counted here independently.
 */
@DemoApplicationTest
class SummaryMissingFiguresTests {

    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2021, 6, 30);

    @Autowired WorkSummary summary;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired CaseIntake intake;

    @Test
    void theSeedsInspectionFiguresAndTheSixItemsCompliance() throws Exception {
        WorkSummary.Figures f = summary.figures("430981", FROM, TO);
        assertThat(f.value("inspections")).isEqualTo("检查在建工程项目 17 个、企业 3 家（其中劳动密集型企业 3 家、重点企业 3 家）");
        long realNameYes = jdbc.sql("""
                SELECT count(*) FROM (SELECT DISTINCT ON (t.project_id) i.id FROM inspection i JOIN campaign_target t ON t.id = i.target_id
                 WHERE t.project_id IS NOT NULL AND i.inspected_on BETWEEN '2021-01-01' AND '2021-06-30'
                 ORDER BY t.project_id, i.inspected_on, i.id) first
                  JOIN inspection_answer a ON a.inspection_id = first.id JOIN checklist_item ci ON ci.id = a.item_id
                 WHERE ci.code = 'REAL_NAME' AND a.compliant
                """).query(Long.class).single();
        assertThat(f.value("inspectionItems")).startsWith("实名制管理 " + realNameYes + "/17（").contains("工程款支付担保 ");
        assertThat(f.figures().get("inspections").definition()).contains("回头看");
        byte[] docx = mvc.perform(get("/reports/summary.docx?from=2021-01-01&to=2021-06-30").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(text.getText()).contains("检查在建工程项目 17 个、企业 3 家（其中劳动密集型企业 3 家、重点企业 3 家）")
                    .contains("专题培训覆盖在建工程项目 17 个");
        }
    }

    @Test
    void trainingsCountTheProjectsTrainedAndOngoingPublicityItsDaysPerChannel() {
        WorkSummary.Figures f = summary.figures("430981", FROM, TO);
        long projects = jdbc.sql("SELECT count(*) FROM project WHERE code LIKE 'YJ-2021-%'").query(Long.class).single();
        assertThat(f.value("trained")).startsWith("在建工程项目 " + projects + " 个、企业 ");
        // taxi screens 17 May – 30 June: 45 days; the "两微一端" column from 1 March, cut at the period's end: 122 days
        assertThat(f.value("ongoingPublicity")).contains("出租车电子显示屏 1 项、45 天、覆盖 150000 人次")
                .contains("“两微一端”新媒体 1 项、122 天");
        WorkSummary.Figures june = summary.figures("430981", LocalDate.of(2021, 6, 1), TO);
        assertThat(june.value("ongoingPublicity")).contains("出租车电子显示屏 1 项、30 天");
        assertThat(f.figures().get("ongoingPublicity").definition()).contains("按渠道");
    }

    @Test
    void aCaseAboutAProjectCountsInTheProjectsSector() {
        long project = jdbc.sql("SELECT id FROM project WHERE code LIKE 'YJ-2021-%' ORDER BY code LIMIT 1").query(Long.class).single();
        intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "石建军", null, false, null, "沅江市某劳务服务部", project,
                "430981", "72", LocalDate.of(2018, 2, 1), LocalDate.of(2018, 2, 28), "劳务公司拖欠工地农民工工资",
                List.of(new Intake.Claimant("石建军", null, new BigDecimal("8000"))), null, LocalDate.of(2018, 3, 5)));
        WorkSummary.Figures f = summary.figures("430981", LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 31));
        assertThat(f.value("sectors")).startsWith("建设领域 1 起，非建设领域");
        assertThat(f.sectors()).extracting(s -> s[0]).contains("47").doesNotContain("72");
    }

    @Test
    void badOngoingPublicityOrAnUnknownProjectIsRefusedInChinese() throws Exception {
        long taxi = jdbc.sql("SELECT id FROM activity WHERE channel = 'TAXI_SCREEN'").query(Long.class).single();
        mvc.perform(post("/activities/" + taxi + "/ongoing").with(logins.as("jiancha")).with(csrf())
                .param("endsOn", "2021-05-01").param("channel", "TAXI_SCREEN"))
                .andExpect(flash().attribute("error", "请填写结束日期，且不能早于开始日期。"));
        long training = jdbc.sql("SELECT id FROM activity WHERE kind = 'TRAINING' ORDER BY held_on LIMIT 1").query(Long.class).single();
        mvc.perform(post("/activities/" + training + "/targets").with(logins.as("jiancha")).with(csrf())
                .param("projectCode", "NO-SUCH-1"))
                .andExpect(flash().attribute("error", "本辖区没有该编号的在建项目。"));
        mvc.perform(post("/activities/" + training + "/targets").with(logins.as("jiancha")).with(csrf())
                .param("creditCode", "91430981MA4QJ8K2MH")).andExpect(flash().attributeExists("flash"));
        assertThat(summary.figures("430981", FROM, TO).value("trained")).endsWith("企业 1 家");
    }
}
