package org.wageguard.casework;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.LedgerSheets;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** My work (我的待办) exports as a ledger: the officer's own waiting cases, as the page lists them. */
@DemoApplicationTest
class MyWorkLedgerTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired CaseQueries queries;
    @Autowired JdbcClient jdbc;

    List<List<String>> ledger(String user) throws Exception {
        List<List<String>> rows = LedgerSheets.downloaded(
                mvc.perform(get("/cases/mine.xlsx").with(logins.as(user))).andReturn().getResponse());
        assertThat(rows.get(0)).containsExactly("案件编号", "来源", "类型", "状态", "被投诉单位", "涉及项目", "责任部门", "行业",
                "人数", "主张金额", "追回金额", "发放到手", "登记日期", "受理期限", "办结期限", "逾期", "群体性", "春节前", "涉嫌恶意欠薪",
                "处理结果", "已关联");
        return rows.subList(1, rows.size());
    }

    List<CaseQueries.CaseRow> myWork(String user) {
        OfficerPrincipal me = logins.principal(user);
        return queries.myWork(me.scope(), me.permissions(), me.departmentId());
    }

    static List<String> numbers(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(0)).toList();
    }

    @Test
    void theLedgerHoldsTheOfficersWaitingCasesInThePagesOrder() throws Exception {
        List<CaseQueries.CaseRow> expected = myWork("jiancha");
        assertThat(expected).as("the inspector has cases waiting in the demo").isNotEmpty();
        List<List<String>> rows = ledger("jiancha");
        assertThat(numbers(rows)).containsExactlyElementsOf(expected.stream().map(CaseQueries.CaseRow::number).toList());
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            CaseQueries.CaseRow c = expected.get(i);
            assertThat(r.get(4)).isEqualTo(c.employerName() == null ? "" : c.employerName());
            assertThat(new BigDecimal(r.get(9))).isEqualByComparingTo(c.amountClaimed());
            assertThat(r.get(13)).isEqualTo(c.acceptDue() == null ? "" : c.acceptDue().toString());
            assertThat(r.get(15)).isEqualTo(c.overdue() ? "是" : "");
        }
        // Only open cases wait: no closed or refused case is in it, the statuses in Chinese.
        assertThat(rows).allSatisfy(r -> assertThat(r.get(3)).isNotIn("已结案", "不予受理", "").doesNotContain("_"));

        LedgerSheets.assertPageOffers(mvc.perform(get("/cases/mine").with(logins.as("jiancha"))).andReturn()
                .getResponse().getContentAsString(), "my-work-export", "/cases/mine.xlsx", rows);
    }

    @Test
    void eachOfficerExportsOnlyTheirOwnWork() throws Exception {
        List<List<String>> inspector = ledger("jiancha");
        List<List<String>> housing = ledger("zhujian");
        assertThat(numbers(housing)).containsExactlyElementsOf(
                myWork("zhujian").stream().map(CaseQueries.CaseRow::number).toList());
        // The housing officer's work is what is assigned to the housing department and not yet answered.
        List<String> assigned = jdbc.sql("""
                SELECT DISTINCT c.number FROM case_file c JOIN case_assignment a ON a.case_id = c.id
                  JOIN department d ON d.id = a.department_id
                 WHERE d.name = '沅江市住房和城乡建设局' AND a.status IN ('OPEN', 'REWORK')
                """).query(String.class).list();
        assertThat(assigned).as("the demo assigns cases to the housing department").isNotEmpty();
        assertThat(numbers(housing)).containsExactlyInAnyOrderElementsOf(assigned);
        assertThat(numbers(housing)).isNotEqualTo(numbers(inspector));
    }

    @Test
    void anOfficerWhoMayNotSeeCasesGetsNoLedger() throws Exception {
        assertThat(mvc.perform(get("/cases/mine.xlsx").with(logins.as("yinhang"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/cases/mine").with(logins.as("yinhang"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
