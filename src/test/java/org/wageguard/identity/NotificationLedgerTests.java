package org.wageguard.identity;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.LedgerSheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The notices list exports as Excel: the officer's own department's notices, the same rows as the page. */
@DemoApplicationTest
class NotificationLedgerTests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired Notifications notifications;

    List<List<String>> ledger(String user) throws Exception {
        var response = mvc.perform(get("/notifications.xlsx").with(logins.as(user))).andReturn().getResponse();
        return LedgerSheets.downloaded(response);
    }

    long department(String user) {
        return logins.principal(user).departmentId();
    }

    @Test
    void theLedgerHoldsTheDepartmentsNoticesAsThePageListsThem() throws Exception {
        long inspection = department("jiancha");
        long supervision = notifications.send(inspection, "SUPERVISION", "督办：导出测试-监察一", "受理期限已过，请尽快办理。",
                "/cases/1");
        notifications.send(inspection, "CLUE_LEDGER", "线索台账：导出测试-监察二", "请于 5 个工作日内回执。", "/cases/clues");
        notifications.send(department("zhujian"), "SUPERVISION", "督办：导出测试-住建", "住建局的通知。", "/cases/2");
        // Reading one through the page records who read it; the ledger shows it.
        mvc.perform(post("/notifications/{id}/read", supervision).with(logins.as("jiancha")).with(csrf()));

        List<List<String>> rows = ledger("jiancha");
        assertThat(rows.get(0)).containsExactly("事项", "类别", "内容", "链接", "发送时间", "已读时间", "已读人");
        List<List<String>> expected = notifications.of(inspection, false, 200).stream()
                .map(n -> List.of(n.title(), switch (n.kind()) {
                    case "SUPERVISION" -> "督办";
                    case "CLUE_LEDGER" -> "线索台账下发";
                    case "ALERT_ESCALATED" -> "预警督办";
                    case "RECTIFICATION_OVERDUE" -> "整改逾期";
                    default -> n.kind();
                }, n.body(), n.link() == null ? "" : n.link(), TIME.format(n.createdAt()),
                        n.readAt() == null ? "" : TIME.format(n.readAt()), n.readBy() == null ? "" : n.readBy()))
                .toList();
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expected);

        List<String> read = rows.stream().filter(r -> r.get(0).equals("督办：导出测试-监察一")).findFirst().orElseThrow();
        assertThat(read.subList(1, 4)).containsExactly("督办", "受理期限已过，请尽快办理。", "/cases/1");
        assertThat(read.get(5)).isNotEmpty();
        assertThat(read.get(6)).isEqualTo("jiancha");
        List<String> unread = rows.stream().filter(r -> r.get(0).equals("线索台账：导出测试-监察二")).findFirst().orElseThrow();
        assertThat(unread.get(1)).isEqualTo("线索台账下发");
        assertThat(unread.subList(5, 7)).containsExactly("", "");
        // Another department's notice is not in this department's ledger.
        assertThat(rows).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo("督办：导出测试-住建"));

        String page = mvc.perform(get("/notifications").with(logins.as("jiancha"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("/notifications.xlsx");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(page).contains(r.get(0)));
    }

    @Test
    void eachDepartmentExportsOnlyItsOwnNotices() throws Exception {
        long housing = department("zhujian");
        notifications.send(housing, "ALERT_ESCALATED", "预警督办：导出测试-住建专属", "预警逾期未处置。", "/monitoring/alerts");
        notifications.send(department("jiancha"), "SUPERVISION", "督办：导出测试-监察专属", "监察局的通知。", "/cases/3");

        List<List<String>> rows = ledger("zhujian");
        assertThat(rows).hasSize(notifications.of(housing, false, 200).size() + 1);
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("预警督办：导出测试-住建专属", "预警督办"));
        assertThat(rows).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo("督办：导出测试-监察专属"));
        assertThat(ledger("jiaotong")).noneSatisfy(r -> assertThat(r.get(0)).contains("导出测试"));
        // An account without a department (the system administrator) has no notices: the header alone.
        assertThat(ledger("admin")).hasSize(1);
    }

    @Test
    void nobodySignedInGetsNoLedger() throws Exception {
        var response = mvc.perform(get("/notifications.xlsx")).andReturn().getResponse();
        assertThat(response.getStatus()).isNotEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }
}
