package org.wageguard.identity.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

/** The login and operation logs export with their pages' filters, for the audit administrator alone. */
@DemoApplicationTest
class AuditLedgerTests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired AuditLogs logs;
    @Autowired JdbcClient jdbc;

    List<List<String>> ledger(String path) throws Exception {
        List<List<String>> rows = LedgerSheets.downloaded(
                mvc.perform(get(path).with(logins.as("shenji"))).andReturn().getResponse());
        return rows.subList(1, rows.size());
    }

    List<String> header(String path) throws Exception {
        return LedgerSheets.downloaded(mvc.perform(get(path).with(logins.as("shenji"))).andReturn().getResponse())
                .get(0);
    }

    static String marker() {
        return "ledger-probe-" + Long.toString(System.nanoTime(), 36);
    }

    void login(String username, boolean success, String reason, String at) {
        jdbc.sql("""
                INSERT INTO login_log (username, success, reason, ip, user_agent, at)
                VALUES (:u, :s, :r, '10.1.2.3', 'Mozilla/5.0 测试浏览器', CAST(:at AS timestamptz))
                """).param("u", username).param("s", success).param("r", reason).param("at", at).update();
    }

    void operation(String username, String action, String result, String at) {
        jdbc.sql("""
                INSERT INTO operation_log (username, action, target_type, target_id, detail, ip, result, at)
                VALUES (:u, :a, 'officer', '42', '审计导出测试', '10.1.2.4', :r, CAST(:at AS timestamptz))
                """).param("u", username).param("a", action).param("r", result).param("at", at).update();
    }

    List<List<String>> expectedLogins(AuditLogs.LoginFilter filter) {
        return logs.allLogins(filter).stream().map(r -> List.of(TIME.format(r.at().toLocalDateTime()), r.username(),
                r.success() ? "成功" : "失败", switch (r.reason()) {
                    case "SUCCESS" -> "登录成功";
                    case "BAD_CREDENTIALS" -> "用户名或密码错误";
                    case "LOCKED_NOW" -> "连续失败，已锁定";
                    default -> r.reason();
                }, r.ip(), r.userAgent())).toList();
    }

    @Test
    void theLoginLedgerHoldsTheLogOfThePagesFilters() throws Exception {
        String user = marker();
        login(user, true, "SUCCESS", "2026-03-05 10:00:00+08");
        login(user, false, "BAD_CREDENTIALS", "2026-03-06 09:15:30+08");
        login(user, false, "LOCKED_NOW", "2026-03-06 09:16:00+08");

        assertThat(header("/audit/logins.xlsx")).containsExactly("时间", "用户", "结果", "说明", "来源地址", "客户端");
        List<List<String>> rows = ledger("/audit/logins.xlsx?username=" + user);
        assertThat(rows).hasSize(3).containsExactlyElementsOf(
                expectedLogins(new AuditLogs.LoginFilter(user, null, null, null)));
        assertThat(rows.get(0).subList(1, 6)).containsExactly(user, "失败", "连续失败，已锁定", "10.1.2.3",
                "Mozilla/5.0 测试浏览器");
        assertThat(rows.get(2).subList(1, 4)).containsExactly(user, "成功", "登录成功");

        // The period and result filters narrow it as they narrow the page.
        List<List<String>> day = ledger("/audit/logins.xlsx?username=" + user + "&from=2026-03-06&to=2026-03-06");
        assertThat(day).hasSize(2).containsExactlyElementsOf(expectedLogins(
                new AuditLogs.LoginFilter(user, null, LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 6))));
        List<List<String>> succeeded = ledger("/audit/logins.xlsx?username=" + user + "&success=true&from=&to=");
        assertThat(succeeded).hasSize(1).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("成功"));

        // The page offers the export with its filters, and lists the same entries.
        String page = mvc.perform(get("/audit/logins?username=" + user + "&from=2026-03-06")
                .with(logins.as("shenji"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"login-log-export\"")
                .contains("/audit/logins.xlsx?username=" + user + "&amp;success=&amp;from=2026-03-06&amp;to=");
        assertThat(page).contains("连续失败，已锁定").contains("用户名或密码错误").doesNotContain("登录成功");
    }

    @Test
    void theOperationLedgerHoldsTheLogOfThePagesFiltersAndTheExportIsLogged() throws Exception {
        String user = marker();
        operation(user, "USER_UNLOCK", "SUCCESS", "2026-04-01 08:00:00+08");
        operation(user, "ACCESS_DENIED", "DENIED", "2026-04-02 08:00:00+08");

        assertThat(header("/audit/operations.xlsx")).containsExactly("时间", "用户", "操作", "对象", "详情", "来源地址",
                "结果");
        List<List<String>> rows = ledger("/audit/operations.xlsx?username=" + user);
        List<List<String>> expected = logs.allOperations(new AuditLogs.OperationFilter(user, null, null, null, null,
                null)).stream().map(r -> List.of(TIME.format(r.at().toLocalDateTime()), r.username(),
                        r.action().equals("USER_UNLOCK") ? "解锁用户" : "越权访问被拒绝", r.targetType() + ":" + r.targetId(),
                        r.detail(), r.ip(), r.result().equals("SUCCESS") ? "成功" : "拒绝")).toList();
        assertThat(rows).hasSize(2).containsExactlyElementsOf(expected);
        assertThat(rows.get(0).subList(1, 7)).containsExactly(user, "越权访问被拒绝", "officer:42", "审计导出测试",
                "10.1.2.4", "拒绝");

        assertThat(ledger("/audit/operations.xlsx?username=" + user + "&action=USER_UNLOCK"))
                .singleElement().satisfies(r -> assertThat(r.get(2)).isEqualTo("解锁用户"));
        assertThat(ledger("/audit/operations.xlsx?username=" + user + "&result=DENIED&from=2026-04-02&to=2026-04-02"))
                .singleElement().satisfies(r -> assertThat(r.get(6)).isEqualTo("拒绝"));
        assertThat(ledger("/audit/operations.xlsx?username=" + user + "&to=2026-03-31")).isEmpty();

        // Taking the log away is itself in the log: who, which log, which selection.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM operation_log WHERE username = 'shenji' AND action = 'AUDIT_EXPORT'
                   AND target_type = 'operation_log' AND detail LIKE :d
                """).param("d", "导出操作日志：/audit/operations?username=" + user + "%").query(Long.class).single())
                .isGreaterThanOrEqualTo(4);
        assertThat(mvc.perform(get("/audit/operations?username=shenji&action=AUDIT_EXPORT").with(logins.as("shenji")))
                .andReturn().getResponse().getContentAsString()).contains("导出审计日志").contains("id=\"operation-log-export\"");
    }

    @Test
    void onlyTheAuditAdministratorGetsTheLedgers() throws Exception {
        for (String user : List.of("admin", "anquan", "jiancha", "zhiqianban")) {
            for (String path : List.of("/audit/logins.xlsx", "/audit/operations.xlsx")) {
                var response = mvc.perform(get(path).with(logins.as(user))).andReturn().getResponse();
                assertThat(response.getStatus()).as(user + " " + path).isEqualTo(403);
                assertThat(response.getContentAsByteArray()).as(user + " " + path).isEmpty();
            }
        }
    }
}
