package org.wageguard.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.LedgerSheets;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The campaign list exports as its ledger: the campaigns the officer's department may see, as the page lists them. */
@DemoApplicationTest
class CampaignLedgerTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired Campaigns campaigns;
    @Autowired Inspections inspections;
    @Autowired JdbcClient jdbc;

    List<List<String>> ledger(String user) throws Exception {
        var response = mvc.perform(get("/inspection/campaigns.xlsx").with(logins.as(user))).andReturn().getResponse();
        List<List<String>> rows = LedgerSheets.downloaded(response);
        assertThat(rows.get(0)).containsExactly("行动名称", "类别", "开始日期", "结束日期", "牵头部门", "联合检查成员单位",
                "针对的原行动", "检查对象（个）", "已检查（个）", "发现问题（个）", "下达整改（份）", "已整改（份）", "整改率");
        return rows.subList(1, rows.size());
    }

    /** What the page's service lists for the officer, as the ledger should write it. */
    List<List<String>> expected(String user) {
        List<List<String>> rows = new ArrayList<>();
        for (Campaigns.CampaignRow c : campaigns.list(campaigns.viewer(logins.principal(user)))) {
            rows.add(List.of(c.name(), switch (c.kind()) {
                case "SPECIAL_ACTION" -> "专项行动";
                case "NATIONAL_PREPARATION" -> "迎国检再排查";
                case "FOLLOW_UP" -> "回头看";
                default -> c.kind();
            }, c.periodFrom().toString(), c.periodTo().toString(), c.leadName(),
                    c.memberNames() == null ? "" : c.memberNames(), c.parentName() == null ? "" : c.parentName(),
                    String.valueOf(c.targets()), String.valueOf(c.inspected()), String.valueOf(c.findings()),
                    String.valueOf(c.orders()), String.valueOf(c.rectified()), c.rectifiedRate()));
        }
        return rows;
    }

    long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void theLedgerHoldsTheListsCampaignsWithTheirProgress() throws Exception {
        List<List<String>> rows = ledger("jiancha");
        assertThat(rows).isNotEmpty().containsExactlyElementsOf(expected("jiancha"));
        // The demo's campaigns were carried out: their figures are in the ledger, not zeros.
        assertThat(rows).anySatisfy(r -> {
            assertThat(Integer.parseInt(r.get(8))).isPositive();
            assertThat(Integer.parseInt(r.get(9))).isPositive();
        });

        LedgerSheets.assertPageOffers(mvc.perform(get("/inspection/campaigns").with(logins.as("jiancha"))).andReturn()
                .getResponse().getContentAsString(), "campaigns-export", "/inspection/campaigns.xlsx", rows);
    }

    @Test
    void anIndustryOfficerExportsOnlyTheCampaignsOfTheirDepartment() throws Exception {
        long transport = department("沅江市交通运输局");
        String name = "交通运输局专项检查（导出范围测试）" + System.nanoTime();
        inspections.createCampaign(name, Inspections.CampaignKind.SPECIAL_ACTION, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 30), transport, List.of(transport), null);

        List<List<String>> housing = ledger("zhujian");
        assertThat(housing).containsExactlyElementsOf(expected("zhujian"));
        assertThat(housing).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo(name));
        assertThat(housing).allSatisfy(r -> assertThat(r.get(4) + "、" + r.get(5)).contains("沅江市住房和城乡建设局"));
        assertThat(ledger("jiaotong")).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly(name, "专项行动"));
        assertThat(ledger("jiancha")).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(name));
    }

    @Test
    void anOfficerWhoMayNotSeeCampaignsGetsNoLedger() throws Exception {
        assertThat(mvc.perform(get("/inspection/campaigns.xlsx").with(logins.as("yinhang"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/inspection/campaigns").with(logins.as("yinhang"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void theProjectInspectionsOfAPeriodExportAsTheirListShowsThem() throws Exception {
        LocalDate from = LocalDate.of(2021, 1, 1), to = LocalDate.of(2021, 12, 31);
        String link = "/inspection/inspections.xlsx?from=" + from + "&to=" + to;
        List<List<String>> rows = LedgerSheets.downloaded(mvc.perform(get(link).with(logins.as("zhiqianban")))
                .andReturn().getResponse());
        assertThat(rows.get(0)).containsExactly("检查日期", "项目", "检查行动", "检查人员", "发现问题（项）");
        List<List<String>> expected = new ArrayList<>();
        for (Campaigns.ProjectInspection i : campaigns.projectInspections(
                campaigns.viewer(logins.principal("zhiqianban")), from, to)) {
            expected.add(List.of(i.inspectedOn().toString(), i.projectName(), i.campaignName(), i.inspectors(),
                    String.valueOf(i.findings())));
        }
        assertThat(rows.subList(1, rows.size())).isNotEmpty().containsExactlyElementsOf(expected);
        List<List<String>> narrower = LedgerSheets.downloaded(mvc.perform(get(
                "/inspection/inspections.xlsx?from=2021-07-01&to=2021-07-31").with(logins.as("zhiqianban")))
                .andReturn().getResponse());
        assertThat(narrower.size()).isGreaterThan(1).isLessThan(rows.size());
        String page = mvc.perform(get("/inspection/inspections?from=" + from + "&to=" + to).with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsString();
        LedgerSheets.assertPageOffers(page, "inspections-export", link.replace("&", "&amp;"), expected);
        assertThat(mvc.perform(get(link).with(logins.as("yinhang"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
