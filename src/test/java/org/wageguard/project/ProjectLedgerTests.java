package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.LedgerSheets;
import org.wageguard.identity.Listing;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The project list exports as its ledger: every project of the list's filter in the officer's scope. */
@DemoApplicationTest
class ProjectLedgerTests {

    static final List<String> HEADER = List.of("项目编号", "项目名称", "所在区划", "行业主管部门", "建设单位", "施工总承包单位",
            "合同价款（元）", "人工费用（元）", "合同签订日期", "开工日期", "计划竣工日期", "状态", "合规事项（在位/适用）");

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired Projects projects;
    @Autowired ComplianceItems compliance;
    @Autowired JdbcClient jdbc;

    List<List<String>> ledger(String user, String query) throws Exception {
        var response = mvc.perform(get("/projects.xlsx?" + query).with(logins.as(user))).andReturn().getResponse();
        List<List<String>> rows = LedgerSheets.downloaded(response);
        assertThat(rows.get(0)).containsExactlyElementsOf(HEADER);
        return rows.subList(1, rows.size());
    }

    /** What the list's service selects for the officer and filter, as the ledger should write it. */
    List<List<String>> expected(String user, Projects.Filter filter) {
        List<ProjectSummary> all = projects.all(logins.principal(user).scope(), filter);
        var matrix = compliance.matrix(all.stream().map(ProjectSummary::id).toList());
        List<List<String>> rows = new ArrayList<>();
        for (ProjectSummary p : all) {
            var items = matrix.getOrDefault(p.id(), Map.of()).values();
            long present = items.stream().filter(i -> i.status() == ComplianceStatus.PRESENT).count();
            long applicable = items.stream().filter(i -> i.status() != ComplianceStatus.NOT_APPLICABLE).count();
            rows.add(List.of(p.code(), p.name(), p.regionName(), p.departmentName(), p.ownerName(),
                    p.generalContractorName(), plain(p.contractValue()), plain(p.plannedLaborCost()),
                    p.contractDate().toString(), text(p.startDate()), text(p.plannedCompletion()), switch (p.status()) {
                        case UNDER_CONSTRUCTION -> "在建";
                        case SUSPENDED -> "停工";
                        case COMPLETED -> "竣工";
                        case DELIVERED -> "交付";
                    }, present + "/" + applicable));
        }
        return rows;
    }

    static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Registers delivered projects of the transport department, named so a keyword finds just them. */
    String registerDelivered(int count) {
        String marker = "台账导出测试" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        long owner = id("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'");
        long contractor = id("SELECT id FROM employer WHERE name = '湖南华盛建设工程有限公司'");
        long transport = id("SELECT id FROM department WHERE name = '沅江市交通运输局'");
        for (int i = 0; i < count; i++) {
            projects.register(new ProjectDraft("LG-" + marker.hashCode() % 100000 + "-" + System.nanoTime() % 100000 + i,
                    marker + "项目" + i, "430981", transport, owner, contractor, null, null, null, false,
                    new BigDecimal("1234567.89"), new BigDecimal("300000.50"), LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 4, 1), null, ProjectStatus.DELIVERED));
        }
        return marker;
    }

    List<String> pageCodes(String user, String query) throws Exception {
        return ProjectWebTests.rowCodes(mvc.perform(get("/projects?" + query).with(logins.as(user))).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void theLedgerHoldsEveryProjectOfTheFilterNotOnlyOnePage() throws Exception {
        String marker = registerDelivered(5);

        List<List<String>> all = ledger("jiancha", "");
        assertThat(all).containsExactlyElementsOf(expected("jiancha", Projects.Filter.none()));
        assertThat(all).as("more rows than one page of the list").hasSizeGreaterThan(Listing.DEFAULT_SIZE);
        // The page's first page is the ledger's beginning, in the same order.
        assertThat(all.subList(0, Listing.DEFAULT_SIZE).stream().map(r -> r.get(0)).toList())
                .containsExactlyElementsOf(pageCodes("jiancha", ""));
        // A seed project with its figures: money as numbers, the compliance count filled.
        List<String> seed = all.stream().filter(r -> r.get(0).equals("YJ-2021-001")).findFirst().orElseThrow();
        assertThat(new BigDecimal(seed.get(6))).isPositive();
        assertThat(seed.get(12)).matches("[1-9]\\d*/[1-9]\\d*");

        // The list's filters narrow the ledger as they narrow the page.
        String query = "keyword=" + marker + "&status=DELIVERED&departmentId=";
        List<List<String>> filtered = ledger("jiancha", query);
        assertThat(filtered).containsExactlyElementsOf(
                expected("jiancha", new Projects.Filter(marker, null, ProjectStatus.DELIVERED, null)));
        assertThat(filtered).hasSize(5).allSatisfy(r -> {
            assertThat(r.get(1)).startsWith(marker);
            assertThat(r.subList(3, 8)).containsExactly("沅江市交通运输局", "沅江市城市建设投资开发有限公司", "湖南华盛建设工程有限公司",
                    "1234567.89", "300000.5");
            assertThat(r.get(11)).isEqualTo("交付");
        });
        assertThat(filtered.stream().map(r -> r.get(0)).toList()).containsExactlyElementsOf(pageCodes("jiancha", query));

        long housing = id("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'");
        List<List<String>> housingRows = ledger("jiancha", "departmentId=" + housing);
        assertThat(housingRows).containsExactlyElementsOf(
                expected("jiancha", new Projects.Filter(null, housing, null, null)));
        assertThat(housingRows).isNotEmpty().hasSizeLessThan(all.size())
                .allSatisfy(r -> assertThat(r.get(3)).isEqualTo("沅江市住房和城乡建设局"));

        // The page links to the export with its filters.
        String page = mvc.perform(get("/projects?" + query).with(logins.as("jiancha"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"projects-export\"").contains("/projects.xlsx?keyword=")
                .contains("status=DELIVERED").contains("导出台账（Excel）");
    }

    @Test
    void eachOfficerExportsOnlyTheProjectsOfTheirScope() throws Exception {
        String marker = registerDelivered(1);

        // The housing department's officer: its own projects only, whatever department is asked for.
        List<List<String>> housing = ledger("zhujian", "");
        assertThat(housing).containsExactlyElementsOf(expected("zhujian", Projects.Filter.none()));
        assertThat(housing).isNotEmpty().allSatisfy(r -> assertThat(r.get(3)).isEqualTo("沅江市住房和城乡建设局"));
        assertThat(housing).noneSatisfy(r -> assertThat(r.get(1)).startsWith(marker));
        long transport = id("SELECT id FROM department WHERE name = '沅江市交通运输局'");
        assertThat(ledger("zhujian", "departmentId=" + transport)).isEmpty();

        // The contractor: the projects it builds only.
        List<List<String>> contractor = ledger("zongbao", "");
        assertThat(contractor).containsExactlyElementsOf(expected("zongbao", Projects.Filter.none()));
        assertThat(contractor).isNotEmpty().allSatisfy(r -> assertThat(r.get(5)).isEqualTo("湖南沅江建工集团有限公司"));
        assertThat(contractor.size()).isLessThan(ledger("jiancha", "").size());
    }

    @Test
    void anOfficerWhoMayNotSeeProjectsGetsNoLedger() throws Exception {
        assertThat(mvc.perform(get("/projects.xlsx").with(logins.as("yinhang"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/projects").with(logins.as("yinhang"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/projects.xlsx")).andReturn().getResponse().getContentAsByteArray()).isEmpty();
    }
}
