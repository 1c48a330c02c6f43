package org.wageguard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;

/** The top bar shows each role the entries it may open, and no other. */
@DemoApplicationTest
class MenuTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    private String menuOf(String username) throws Exception {
        String page = mvc.perform(get("/notifications").with(logins.as(username))).andReturn().getResponse()
                .getContentAsString();
        return page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
    }

    @Test
    void theLaborInspectorSeesCasesButNoAdministration() throws Exception {
        String menu = menuOf("jiancha");
        assertThat(menu).contains("href=\"/cases\"", "href=\"/cases/mine\"", "href=\"/projects\"")
                .doesNotContain("href=\"/admin/users\"", "href=\"/admin/roles\"", "href=\"/admin/api-tokens\"")
                .contains("黄国平");
    }

    @Test
    void theSystemAdministratorSeesAdministrationButNoCases() throws Exception {
        String menu = menuOf("admin");
        assertThat(menu).contains("href=\"/admin/users\"", "href=\"/admin/departments\"")
                .doesNotContain("href=\"/cases\"");
    }

    @Test
    void theBankSeesNeitherCasesNorAdministration() throws Exception {
        String menu = menuOf("yinhang");
        assertThat(menu).doesNotContain("href=\"/cases\"", "href=\"/admin/users\"", "href=\"/reports/dashboard\"");
    }
}
