package org.wageguard.workforce;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.Projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wageguard.workforce.RosterSite.SYSTEM;
import static org.wageguard.workforce.RosterSite.applied;
import static org.wageguard.workforce.RosterSite.csv;

/**
 * The wage officer's full roster on the web: uploaded, previewed (who would leave, ID numbers masked) with nothing
 * written, confirmed with the CSRF token and the preview's token, then the project page shows those who left apart.
 */
@DemoApplicationTest
class RosterPreviewWebTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"");

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;

    MockMultipartHttpServletRequestBuilder upload(String csv) {
        return multipart("/workforce/imports/roster")
                .file(new MockMultipartFile("file", "花名册-11月.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFullRosterIsPreviewedAndWrittenOnlyWhenTheOfficerConfirms() throws Exception {
        RosterSite site = new RosterSite(jdbc, projects, realName, payroll, disbursements);
        List<RosterSite.Worker> four = List.of(site.worker(1, "赵铁柱"), site.worker(2, "黄海波"), site.worker(3, "周小勇"),
                site.worker(4, "吴金凤"));
        StringBuilder august = new StringBuilder(RosterSite.ROSTER_HEADER);
        four.forEach(w -> august.append(site.rosterLine(w, "钢筋班", "2026-08-20", null)));
        applied(realName.roster("花名册-8月.csv", csv(august.toString()), false, SYSTEM));
        site.month(RosterHistoryTests.SEPTEMBER, four, 20);
        String november = RosterSite.ROSTER_HEADER + site.rosterLine(four.get(0), "钢筋班", "2026-08-20", null)
                + site.rosterLine(four.get(1), "钢筋班", "2026-08-20", null)
                + site.rosterLine(site.worker(100, "彭德华"), "木工班", "2026-11-02", null);
        String state = """
                SELECT (SELECT count(*) FROM employment WHERE project_id = :p) * 1000
                     + (SELECT count(*) FROM data_import WHERE project_id = :p)""";
        long before = site.count(state);

        Cookie session = mvc.perform(upload(november).param("mode", "full").param("effectiveDate", "2026-11-05")
                        .with(logins.as("zongbao")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/workforce/imports/roster/preview"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(site.count(state)).as("nothing written before the confirmation").isEqualTo(before);

        String page = mvc.perform(get("/workforce/imports/roster/preview").cookie(session).with(logins.as("zongbao")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("确认完整花名册").contains(site.code).contains("将离场 2 人").contains("周小勇")
                .contains("吴金凤").contains("2026-08-20").contains("2026-11-05")
                .contains(four.get(2).id().substring(0, 6) + "********" + four.get(2).id().substring(14))
                .doesNotContain(four.get(2).id()).doesNotContain(four.get(3).id());
        assertThat(page.substring(page.indexOf("将离场"))).doesNotContain("赵铁柱").doesNotContain("黄海波");
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        // Without the CSRF token, or with another preview's token, nothing happens.
        mvc.perform(post("/workforce/imports/roster/confirm").param("token", token).cookie(session)
                .with(logins.as("zongbao"))).andExpect(status().isForbidden());
        mvc.perform(post("/workforce/imports/roster/confirm").param("token", "00000000-0000-0000-0000-000000000000")
                        .cookie(session).with(logins.as("zongbao")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("没有待确认的花名册")));
        assertThat(site.count(state)).isEqualTo(before);

        mvc.perform(post("/workforce/imports/roster/confirm").param("token", token).cookie(session)
                        .with(logins.as("zongbao")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/workforce/imports"))
                .andExpect(flash().attribute("flash", allOf(containsString("完整花名册"), containsString("离场 2 人"),
                        containsString("生效日期 2026-11-05"))));
        // Confirming twice does not import twice.
        mvc.perform(post("/workforce/imports/roster/confirm").param("token", token).cookie(session)
                        .with(logins.as("zongbao")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("没有待确认的花名册")));

        String roster = mvc.perform(get("/workforce/projects/" + site.projectId).with(logins.as("zongbao")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String present = roster.substring(roster.indexOf("id=\"roster\""), roster.indexOf("id=\"departed\""));
        String departed = roster.substring(roster.indexOf("id=\"departed\""), roster.indexOf("id=\"import-history\""));
        assertThat(present).contains("赵铁柱", "黄海波", "彭德华").doesNotContain("周小勇").doesNotContain("吴金凤");
        assertThat(departed).contains("周小勇", "吴金凤", "2026-11-05", "花名册-11月.csv").doesNotContain("赵铁柱");
        assertThat(roster).contains("已离场人员（2 人）").contains("完整花名册，生效 2026-11-05，离场 2 人");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM reconciliation_finding WHERE project_id = :p AND rule = 'NOT_ON_ROSTER'""")
                .param("p", site.projectId).query(Long.class).single()).isZero();
    }

    @Test
    void aCancelledPreviewWritesNothingAndAnUploadWithoutAChoiceOnlyAdds() throws Exception {
        RosterSite site = new RosterSite(jdbc, projects, realName, payroll, disbursements);
        RosterSite.Worker first = site.worker(1, "郑大勇");
        applied(realName.roster("r.csv", csv(RosterSite.ROSTER_HEADER + site.rosterLine(first, "钢筋班", "2026-08-20", null)),
                false, SYSTEM));
        String other = RosterSite.ROSTER_HEADER + site.rosterLine(site.worker(2, "谢春林"), "木工班", "2026-11-02", null);
        Cookie session = mvc.perform(upload(other).param("mode", "full").with(logins.as("zongbao")).with(csrf()))
                .andExpect(redirectedUrl("/workforce/imports/roster/preview")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(post("/workforce/imports/roster/cancel").cookie(session).with(logins.as("zongbao")).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("未导入任何数据")));
        assertThat(site.count("SELECT count(*) FROM employment WHERE project_id = :p")).isEqualTo(1);

        mvc.perform(upload(other).param("mode", "everything").with(logins.as("zongbao")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("完整花名册")));
        mvc.perform(upload(other).param("mode", "full").param("effectiveDate", "2026-13-01")
                        .with(logins.as("zongbao")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("YYYY-MM-DD")));
        mvc.perform(upload(other).with(logins.as("zongbao")).with(csrf()))
                .andExpect(flash().attribute("flash", allOf(containsString("新增人员"), containsString("离场 0 人"))));
        assertThat(jdbc.sql("SELECT worker_name FROM employment WHERE project_id = :p AND current ORDER BY id")
                .param("p", site.projectId).query(String.class).list()).containsExactly("郑大勇", "谢春林");
    }

    String issueToken(String username) throws Exception {
        long officer = jdbc.sql("SELECT id FROM officer WHERE username = :u").param("u", username).query(Long.class).single();
        return (String) mvc.perform(post("/admin/api-tokens").with(logins.as("admin")).with(csrf())
                .param("officerId", String.valueOf(officer)).param("label", "花名册测试")).andReturn().getFlashMap().get("issued");
    }

    org.springframework.test.web.servlet.ResultActions api(String token, String query, String body) throws Exception {
        return mvc.perform(post("/api/v1/roster" + query).contentType("text/csv").header("Authorization", "Bearer " + token)
                .content(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theApiOnlyAddsByDefaultPreviewsAFullRosterWithoutWritingAndAppliesItWhenAsked() throws Exception {
        RosterSite site = new RosterSite(jdbc, projects, realName, payroll, disbursements);
        String token = issueToken("zongbao");
        RosterSite.Worker first = site.worker(1, "宋桂花"), second = site.worker(2, "梁建平");
        api(token, "", RosterSite.ROSTER_HEADER + site.rosterLine(first, "钢筋班", "2026-08-20", null))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mode").value("additions")).andExpect(jsonPath("$.left").value(0));
        String other = RosterSite.ROSTER_HEADER + site.rosterLine(second, "木工班", "2026-11-02", null);
        api(token, "", other).andExpect(status().isOk()).andExpect(jsonPath("$.left").value(0));
        assertThat(site.count("SELECT count(*) FROM employment WHERE project_id = :p AND current AND exit_date IS NULL"))
                .as("the default never removes anyone").isEqualTo(2);

        String onlyFirst = RosterSite.ROSTER_HEADER + site.rosterLine(first, "钢筋班", "2026-08-20", null);
        long rows = site.count("SELECT count(*) FROM employment WHERE project_id = :p");
        api(token, "?mode=full&effective_date=2026-11-20&preview=true", onlyFirst).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false)).andExpect(jsonPath("$.left").value(1))
                .andExpect(jsonPath("$.projects[0].project_code").value(site.code))
                .andExpect(jsonPath("$.projects[0].leaving[0].worker_name").value("梁建平"))
                .andExpect(jsonPath("$.projects[0].leaving[0].id_number_masked").value(
                        second.id().substring(0, 6) + "********" + second.id().substring(14)));
        assertThat(site.count("SELECT count(*) FROM employment WHERE project_id = :p")).isEqualTo(rows);

        api(token, "?mode=replace", onlyFirst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("完整花名册")));
        api(token, "?mode=full&effective_date=2026/11/20", onlyFirst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("YYYY-MM-DD")));
        api(token, "?mode=full&effective_date=2026-11-20", onlyFirst).andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("full")).andExpect(jsonPath("$.left").value(1));
        assertThat(jdbc.sql("SELECT worker_name || ' ' || exit_date FROM employment WHERE project_id = :p AND current AND exit_date IS NOT NULL")
                .param("p", site.projectId).query(String.class).list()).containsExactly("梁建平 2026-11-20");
    }
}
