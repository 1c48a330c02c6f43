package org.wageguard.identity;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.internal.OfficerAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DemoApplicationTest
class AccountAdministrationTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired OfficerAccounts accounts;

    private long newOfficer(String username) {
        return accounts.create(new OfficerAccounts.OfficerDraft(username, "测试用户", "430981", null, null, null, null,
                null, null, null), "Demo@2021", Set.of("LABOR_INSPECTOR"));
    }

    @Test
    void disablingAUserEndsTheirSessionsAtOnce() throws Exception {
        long id = newOfficer("tobedisabled");
        MvcResult login = mvc.perform(formLogin("/login").user("tobedisabled").password("Demo@2021")).andReturn();
        jakarta.servlet.http.Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/" + id + "/disable").with(logins.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + id));

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(jdbc.sql("SELECT enabled FROM officer WHERE id = :id").param("id", id).query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'USER_DISABLE' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInvalidIdNumberTypedIntoTheFormIsRefusedWithTheFailedCheck() throws Exception {
        mvc.perform(post("/admin/users/new").with(logins.as("admin")).with(csrf())
                        .param("username", "badid1").param("displayName", "王五").param("regionCode", "430981")
                        .param("initialPassword", "Demo@2021").param("idNumber", "430981198005121235"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("校验")));
        assertThat(jdbc.sql("SELECT count(*) FROM officer WHERE username = 'badid1'").query(Long.class).single()).isZero();
    }

    @Test
    void theSystemAdministratorCreatesAnAccountWhoseIdNumberIsEncryptedAndMasked() throws Exception {
        mvc.perform(post("/admin/users/new").with(logins.as("admin")).with(csrf())
                        .param("username", "newinspector").param("displayName", "赵六").param("regionCode", "430981")
                        .param("initialPassword", "Demo@2021").param("idNumber", "430981198005121236")
                        .param("mobile", "13812345678"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("SELECT id, id_number_cipher, id_number_hash FROM officer WHERE username = 'newinspector'")
                .query().singleRow();
        assertThat((String) row.get("id_number_cipher")).doesNotContain("430981198005121236").isNotBlank();
        assertThat((String) row.get("id_number_hash")).doesNotContain("430981198005121236").isNotBlank();
        // No role at all is handed out by account creation (三员分立: roles come from the security administrator).
        assertThat(jdbc.sql("SELECT role_code FROM officer_role WHERE officer_id = :id").param("id", row.get("id"))
                .query(String.class).list()).isEmpty();
        mvc.perform(get("/admin/users/" + row.get("id")).with(logins.as("admin")))
                .andExpect(content().string(containsString("430981********1236")))
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString("430981198005121236"))));
    }

    @Test
    void aFullViewOfAnIdNumberNeedsItsPermissionAndIsAudited() throws Exception {
        long id = jdbc.sql("SELECT id FROM officer WHERE username = 'jiancha'").query(Long.class).single();
        mvc.perform(post("/admin/users/" + id + "/reveal").with(logins.as("admin")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + id + "/reveal").with(logins.as("anquan")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("430981198005121236")));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM operation_log WHERE action = 'SENSITIVE_VIEW' AND username = 'anquan'
                   AND target_id = :id AND detail LIKE '%身份证号%'""").param("id", String.valueOf(id))
                .query(Long.class).single()).isEqualTo(1);
        // ...and the audit record itself holds no number in clear.
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE detail LIKE '%430981198005121236%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void noAdministratorGrantsRolesToThemselves() throws Exception {
        long self = jdbc.sql("SELECT id FROM officer WHERE username = 'anquan'").query(Long.class).single();
        mvc.perform(post("/admin/users/" + self + "/roles").with(logins.as("anquan")).with(csrf())
                .param("version", String.valueOf(jdbc.sql("SELECT version FROM officer WHERE id = :id").param("id", self).query(Integer.class).single()))
                .param("roles", "SECURITY_ADMIN", "AUDIT_ADMIN")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT role_code FROM officer_role WHERE officer_id = :id").param("id", self)
                .query(String.class).list()).containsExactly("SECURITY_ADMIN");
        // The system administrator, who manages accounts, has no power to grant roles at all.
        long other = newOfficer("grantee1");
        mvc.perform(post("/admin/users/" + other + "/roles").with(logins.as("admin")).with(csrf())
                .param("roles", "AUDIT_ADMIN")).andExpect(status().isForbidden());
    }

    /** Issue 17: two security administrators open the same account; the second one's stale roles are refused. */
    @Test
    void aRolesFormFromAStalePageIsRefusedAndTheFirstGrantStands() throws Exception {
        long grantee = newOfficer("grantee3");
        accounts.create(new OfficerAccounts.OfficerDraft("anquan2", "周敏二", "430981", null, null, null, null, null, null,
                null), "Demo@2021", Set.of("SECURITY_ADMIN"));
        String page = mvc.perform(get("/admin/users/" + grantee).with(logins.as("anquan2"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/roles\"[^>]*>(?:<input type=\"hidden\" name=\"_csrf\"[^>]*>)?\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"")
                .matcher(page);
        assertThat(m.find()).as("the roles form carries the account's version").isTrue();
        String seen = m.group(1);
        mvc.perform(post("/admin/users/" + grantee + "/roles").with(logins.as("anquan")).with(csrf())
                .param("version", seen).param("roles", "LABOR_INSPECTOR", "LEADERSHIP_OFFICE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/" + grantee + "/roles").with(logins.as("anquan2")).with(csrf())
                .header("Referer", "http://localhost/admin/users/" + grantee)
                .param("version", seen).param("roles", "LABOR_INSPECTOR"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/users/" + grantee))
                .andExpect(flash().attribute("error", containsString("该记录已被其他人修改（anquan 于 ")));
        assertThat(jdbc.sql("SELECT role_code FROM officer_role WHERE officer_id = :id ORDER BY role_code").param("id", grantee)
                .query(String.class).list()).containsExactly("LABOR_INSPECTOR", "LEADERSHIP_OFFICE");
    }

    @Test
    void theAuditReadingRightCannotBeGivenToAnotherRole() throws Exception {
        mvc.perform(post("/admin/roles/SYSTEM_ADMIN").with(logins.as("anquan")).with(csrf())
                .param("version", String.valueOf(jdbc.sql("SELECT version FROM role WHERE code = 'SYSTEM_ADMIN'").query(Integer.class).single()))
                .param("permissions", "identity:user:view", "identity:audit:view")).andExpect(redirectedUrl("/admin/roles"));
        assertThat(jdbc.sql("SELECT count(*) FROM role_permission WHERE role_code = 'SYSTEM_ADMIN' AND permission_code = 'identity:audit:view'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRegionImportWithOneBadRowImportsNothingAndNamesEveryProblem() throws Exception {
        String csv = "code,name,level,parent_code\n"
                + "430981101001,琼湖街道示范社区,VILLAGE,430981001\n"
                + "43098X,坏代码,COUNTY,430900\n"
                + "430981101002,,VILLAGE,999999\n";
        mvc.perform(multipart("/admin/regions/import").file(new MockMultipartFile("file", "r.csv", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(logins.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/regions"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problems", org.hamcrest.Matchers.hasSize(3)));
        assertThat(jdbc.sql("SELECT count(*) FROM region WHERE code = '430981101001'").query(Long.class).single()).isZero();

        String good = "code,name,level,parent_code\n430981101001,琼湖街道示范社区,VILLAGE,430981001\n";
        mvc.perform(multipart("/admin/regions/import").file(new MockMultipartFile("file", "r.csv", "text/csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(logins.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/regions"));
        assertThat(jdbc.sql("SELECT name FROM region WHERE code = '430981101001'").query(String.class).single())
                .isEqualTo("琼湖街道示范社区");
    }

    @Test
    void shippedCodeTablesAreLoaded() {
        assertThat(jdbc.sql("SELECT name FROM region WHERE code = '430981'").query(String.class).single()).isEqualTo("沅江市");
        assertThat(jdbc.sql("SELECT count(*) FROM region WHERE parent_code = '430000'").query(Long.class).single()).isEqualTo(14);
        assertThat(jdbc.sql("SELECT count(*) FROM industry_sector WHERE level = 'DIVISION'").query(Long.class).single()).isEqualTo(97);
        assertThat(jdbc.sql("SELECT name FROM industry_sector WHERE code = '47'").query(String.class).single()).isEqualTo("房屋建筑业");
    }
}
