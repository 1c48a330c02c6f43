package org.wageguard.casework;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.Notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The national clue platform's list: imported all or nothing, a clue never registered twice, then the ledgers. */
@DemoApplicationTest
class ClueImportTests {

    static final String HEADER = "线索编号,反映日期,反映人,联系电话,被反映单位,统一社会信用代码,项目名称,行政区划,欠薪金额,涉及人数,欠薪起始日期,欠薪截止日期,问题描述\n";

    @Autowired ClueImport imports;
    @Autowired ClueLedgers ledgers;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    ClueImport.Outcome run(String csv, boolean rowByRow) {
        return imports.run("clues.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), rowByRow,
                "430981", "430981", "jiancha");
    }

    long cases(String prefix) {
        return jdbc.sql("SELECT count(*) FROM case_file WHERE channel = 'PLATFORM' AND external_ref LIKE :p")
                .param("p", prefix + "%").query(Long.class).single();
    }

    @Test
    void goodCluesBecomeCasesAndTheSameClueAgainIsOnlyRecordedAsARepeat() {
        String t = tag();
        String csv = HEADER
                + "XS" + t + "1,2026-11-20,罗建军,13974780001,沅江市顺达建筑劳务有限公司,,YJ-2021-002,430981,\"68,000.00\",12,2026-08-01,2026-10-31,班组12人三个月工资未发\n"
                + "XS" + t + "2,2026/11/21,,,沅江市某某餐饮管理有限公司,,,430981,8600,3,,,酒店后厨3人两个月工资未发（匿名举报）\n"
                + "XS" + t + "3,2026-11-22,谭志明,13974780002,湖南某某制衣有限公司,,沅江市某不存在的项目,430981,15000.5,5,2026-09-01,2026-10-31,制衣厂拖欠5人工资\n";
        ClueImport.Outcome first = run(csv, false);
        assertThat(first.problems()).isEmpty();
        assertThat(first.registered()).isEqualTo(3);
        assertThat(cases("XS" + t)).isEqualTo(3);

        record Case(String kind, boolean anonymous, int workers, BigDecimal amountClaimed, boolean groupCase,
                Long projectId, String description, String complainantName) {
        }
        Case one = jdbc.sql("""
                SELECT kind, anonymous, workers, amount_claimed, group_case, project_id, description, complainant_name
                  FROM case_file WHERE external_ref = :r
                """).param("r", "XS" + t + "1").query(Case.class).single();
        assertThat(one.kind()).isEqualTo("COMPLAINT");
        assertThat(one.workers()).isEqualTo(12);
        assertThat(one.groupCase()).isTrue();
        assertThat(one.amountClaimed()).isEqualByComparingTo("68000.00");
        assertThat(one.projectId()).isNotNull();
        Case two = jdbc.sql("""
                SELECT kind, anonymous, workers, amount_claimed, group_case, project_id, description, complainant_name
                  FROM case_file WHERE external_ref = :r
                """).param("r", "XS" + t + "2").query(Case.class).single();
        assertThat(two.kind()).isEqualTo("REPORT");
        assertThat(two.anonymous()).isTrue();
        assertThat(two.complainantName()).isNull();
        Case three = jdbc.sql("""
                SELECT kind, anonymous, workers, amount_claimed, group_case, project_id, description, complainant_name
                  FROM case_file WHERE external_ref = :r
                """).param("r", "XS" + t + "3").query(Case.class).single();
        assertThat(three.projectId()).isNull();
        assertThat(three.description()).contains("平台所报项目：沅江市某不存在的项目");

        ClueImport.Outcome again = run(csv, false);
        assertThat(again.registered()).isZero();
        assertThat(again.repeated()).isEqualTo(3);
        assertThat(cases("XS" + t)).as("never duplicated").isEqualTo(3);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM case_event e JOIN case_file c ON c.id = e.case_id
                 WHERE c.external_ref LIKE :p AND e.action = 'PLATFORM_REPEAT'
                """).param("p", "XS" + t + "%").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void oneBadRowRefusesTheWholeFileNamingEachRowColumnAndReason() {
        String t = tag();
        String csv = HEADER
                + "XS" + t + "1,2026-11-20,罗建军,13974780001,沅江市顺达建筑劳务有限公司,,,430981,68000,12,,,工资未发\n"
                + "XS" + t + "2,2026-11-20,张三,1397478,沅江市顺达建筑劳务有限公司,,,430981,六万,0,2026-10-01,2026-09-01,\n"
                + "XS" + t + "1,2026-11-20,李四,,沅江市顺达建筑劳务有限公司,,,110101,100,1,,,重复编号\n";
        ClueImport.Outcome outcome = run(csv, false);
        assertThat(outcome.refused()).isTrue();
        assertThat(cases("XS" + t)).as("nothing written").isZero();
        assertThat(outcome.problems()).extracting(p -> p.row() + " " + p.column())
                .contains("3 联系电话（phone）", "3 欠薪金额（amount）", "3 涉及人数（workers）", "3 欠薪截止日期（period_to）",
                        "3 问题描述（description）", "4 线索编号（clue_no）", "4 行政区划（region_code）");
        assertThat(outcome.problems()).filteredOn(p -> p.row() == 4 && p.column().startsWith("线索编号"))
                .allSatisfy(p -> assertThat(p.reason()).contains("第 2 行"));

        ClueImport.Outcome rowByRow = run(csv, true);
        assertThat(rowByRow.registered()).isEqualTo(1);
        assertThat(cases("XS" + t)).isEqualTo(1);
    }

    @Test
    void englishHeadersWorkAsWell() {
        String t = tag();
        String csv = "clue_no,reported_on,complainant,phone,employer,amount,workers,description\n"
                + "XS" + t + "9,2026-11-25,曾德华,13974780009,沅江市顺达建筑劳务有限公司,3200,1,一人工资未发\n";
        assertThat(run(csv, false).registered()).isEqualTo(1);
    }

    @Test
    void theInspectorImportsThroughThePageAndAnIndustryOfficerMayNot() throws Exception {
        String t = tag();
        byte[] csv = (HEADER + "XS" + t + "1,2026-11-20,罗建军,13974780001,沅江市顺达建筑劳务有限公司,,,430981,6800,1,,,工资未发\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/cases/clues/import").file(new MockMultipartFile("file", "clues.csv", "text/csv", csv))
                .with(logins.as("jiancha")).with(csrf()))
                .andExpect(content().string(containsString("新登记 1 条")));
        int status = mvc.perform(multipart("/cases/clues/import").file(new MockMultipartFile("file", "clues.csv", "text/csv", csv))
                .with(logins.as("zhujian")).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(cases("XS" + t)).isEqualTo(1);
    }

    @Test
    void eachDepartmentIsHandedItsLedgerAndRepliesInWriting() throws Exception {
        String t = tag();
        run(HEADER + "XS" + t + "1,2026-11-20,罗建军,13974780001,沅江市顺达建筑劳务有限公司,,YJ-2021-002,430981,6800,1,,,工资未发\n", false);
        long department = jdbc.sql("SELECT department_id FROM case_file WHERE external_ref = :r").param("r", "XS" + t + "1")
                .query(Long.class).single();
        long expectedHeld = jdbc.sql("""
                SELECT count(*) FROM case_file WHERE department_id = :d AND channel IN ('PLATFORM','HOTLINE','LETTER_VISIT','GRID')
                   AND status IN ('REGISTERED','ACCEPTED','COORDINATING','FILED','ORDERED','RESOLVED','PAYMENT_VERIFIED','CLOSED')
                """).param("d", department).query(Long.class).single();
        jdbc.sql("DELETE FROM clue_ledger WHERE department_id = :d AND issued_on = CURRENT_DATE").param("d", department).update();

        mvc.perform(post("/cases/clues/ledgers").with(logins.as("zhiqianban")).with(csrf()));
        ClueLedgers.Ledger ledger = ledgers.ledgers("430981", java.util.Set.of(department), 1).get(0);
        assertThat(ledger.held()).isEqualTo((int) expectedHeld);
        assertThat(ledgers.items(ledger.id())).hasSize((int) expectedHeld)
                .anySatisfy(i -> assertThat(i.externalRef()).isEqualTo("XS" + t + "1"));
        assertThat(notifications.of(department, true, 500)).anySatisfy(n ->
                assertThat(n.link()).isEqualTo("/cases/clues/ledgers/" + ledger.id()));

        // Another department neither sees nor answers it.
        assertThat(mvc.perform(get("/cases/clues/ledgers/" + ledger.id()).with(logins.as("jiaotong")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post("/cases/clues/ledgers/" + ledger.id() + "/reply").with(logins.as("zhujian")).with(csrf())
                .param("version", String.valueOf(ledger.version())).param("reply", "已逐条督促，XS" + t + "1 已约谈总包，下周发放"));
        ClueLedgers.Ledger replied = ledgers.find(ledger.id()).orElseThrow();
        assertThat(replied.reply()).contains("已约谈总包");
        assertThat(replied.repliedBy()).isEqualTo("zhujian");
        assertThatThrownBy(() -> ledgers.reply(ledger.id(), replied.version(), logins.principal("zhujian"), "再答一次"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("已于");
        mvc.perform(get("/cases/clues").with(logins.as("zhiqianban")))
                .andExpect(content().string(containsString("已回执")));

        List<ClueLedgers.Holding> holdings = ledgers.holdings("430981");
        assertThat(holdings).filteredOn(h -> h.departmentId() == department).singleElement()
                .satisfies(h -> assertThat(h.held()).isEqualTo(expectedHeld));
    }
}
