package org.wageguard.identity;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.internal.OfficerAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 三员分立 as a GB/T 22239 level-3 assessor tries it: the reproduced attacks, each through a real login, refused;
 * one-time passwords that must be changed before anything else; every act in the operation log.
 */
@DemoApplicationTest
class ThreeAdministratorsTests {

    static final String DEMO = "Demo@2021";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OfficerAccounts accounts;
    @Autowired Logins logins;

    private Cookie signIn(String username, String password) throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(authenticated().withUsername(username)).andReturn();
        return login.getResponse().getCookie("SESSION");
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM officer WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** The version of the account a roles form shows (the form carries it; see docs/concurrent-edits.md). */
    private String officerVersion(long id) {
        return String.valueOf(jdbc.sql("SELECT version FROM officer WHERE id = :id").param("id", id).query(Integer.class).single());
    }

    private List<String> roles(long id) {
        return jdbc.sql("SELECT role_code FROM officer_role WHERE officer_id = :id ORDER BY role_code").param("id", id)
                .query(String.class).list();
    }

    private long businessOfficer(String username, String role) {
        return accounts.create(new OfficerAccounts.OfficerDraft(username, "测试用户", "430981", null, null, null,
                "GRID_WORKER".equals(role) ? "430981999-99" : null, null, null, null), DEMO, Set.of(role));
    }

    /** Attack 1: admin opens an inspector's account with a password of its choosing and uses it. */
    @Test
    void theSystemAdministratorCannotGiveAnAccountItOpensBusinessPowers() throws Exception {
        Cookie admin = signIn("admin", DEMO);
        mvc.perform(post("/admin/users/new").cookie(admin).with(csrf()).param("username", "attack1")
                        .param("displayName", "冒名监察员").param("regionCode", "430981")
                        .param("initialPassword", "Chosen#Pass2026").param("roles", "LABOR_INSPECTOR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("系统管理员新建账号时不授予角色")));
        assertThat(jdbc.sql("SELECT count(*) FROM officer WHERE username = 'attack1'").query(Long.class).single())
                .as("an account with a role from the system administrator").isZero();

        // Without roles the account opens, roleless, on a one-time password.
        mvc.perform(post("/admin/users/new").cookie(admin).with(csrf()).param("username", "attack1")
                        .param("displayName", "冒名监察员").param("regionCode", "430981")
                        .param("initialPassword", "Chosen#Pass2026"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("oneTimePassword", "Chosen#Pass2026"));
        long id = id("attack1");
        assertThat(roles(id)).isEmpty();
        // ...and the system administrator cannot grant one afterwards either.
        mvc.perform(post("/admin/users/" + id + "/roles").cookie(admin).with(csrf()).param("version", officerVersion(id)).param("roles", "LABOR_INSPECTOR"))
                .andExpect(status().isForbidden());
        assertThat(roles(id)).isEmpty();

        // Even once the security administrator grants the inspector's role, the password admin chose opens
        // nothing but the change-password page.
        mvc.perform(post("/admin/users/" + id + "/roles").cookie(signIn("anquan", DEMO)).with(csrf()).param("version", officerVersion(id))
                .param("roles", "LABOR_INSPECTOR")).andExpect(flash().attribute("error", org.hamcrest.Matchers.nullValue()));
        assertThat(roles(id)).containsExactly("LABOR_INSPECTOR");
        mvc.perform(formLogin("/login").user("attack1").password("Chosen#Pass2026")).andExpect(redirectedUrl("/password"));
        Cookie officer = mvc.perform(formLogin("/login").user("attack1").password("Chosen#Pass2026")).andReturn()
                .getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(officer)).andExpect(redirectedUrl("/password"));
        mvc.perform(post("/workforce/workers/1/reveal").cookie(officer).with(csrf()))
                .andExpect(redirectedUrl("/password"));
        mvc.perform(get("/password").cookie(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("一次性密码")));

        // The owner's own password ends the one-time state; then, and only then, the role works.
        mvc.perform(post("/password").cookie(officer).with(csrf()).param("oldPassword", "Chosen#Pass2026")
                .param("newPassword", "Own#Secret2026").param("confirmPassword", "Own#Secret2026"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(officer)).andExpect(status().isOk());
        mvc.perform(post("/workforce/workers/1/reveal").cookie(officer).with(csrf())).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT password_must_change FROM officer WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isFalse();
    }

    /**
     * Attack 1 by the data API: admin opens a bank's account, anquan grants it BANK, and admin issues itself a data
     * API token for it before the bank's officer has ever signed in; or uses a token left on an account it reset.
     */
    @Test
    void theSystemAdministratorCannotActAsAnAccountItOpenedThroughTheDataApi() throws Exception {
        Cookie admin = signIn("admin", DEMO);
        mvc.perform(post("/admin/users/new").cookie(admin).with(csrf()).param("username", "attack1api")
                        .param("displayName", "冒名银行").param("regionCode", "430981")
                        .param("organisationCode", "914309811870214560").param("organisationName", "冒名银行沅江支行")
                        .param("initialPassword", "Chosen#Pass2026"))
                .andExpect(status().is3xxRedirection());
        long id = id("attack1api");
        mvc.perform(post("/admin/users/" + id + "/roles").cookie(signIn("anquan", DEMO)).with(csrf()).param("version", officerVersion(id))
                .param("roles", "BANK")).andExpect(flash().attribute("error", org.hamcrest.Matchers.nullValue()));
        MvcResult refused = mvc.perform(post("/admin/api-tokens").cookie(admin).with(csrf())
                .param("officerId", String.valueOf(id))).andReturn();
        assertThat(refused.getFlashMap().get("issued")).as("a token for an account its owner never took over").isNull();
        assertThat(refused.getFlashMap().get("error")).asString().contains("一次性密码");

        // The owner takes the account over; a token is issued; then admin resets the password: the token waits
        // for the owner's own password again.
        Cookie owner = signIn("attack1api", "Chosen#Pass2026");
        mvc.perform(post("/password").cookie(owner).with(csrf()).param("oldPassword", "Chosen#Pass2026")
                .param("newPassword", "Bank#Own2026").param("confirmPassword", "Bank#Own2026"));
        String token = (String) mvc.perform(post("/admin/api-tokens").cookie(admin).with(csrf())
                .param("officerId", String.valueOf(id))).andReturn().getFlashMap().get("issued");
        assertThat(token).startsWith("wg_");
        String file = "项目编号,银行流水号,身份证号,姓名,工资卡号,金额（元）,代发日期,所属月份\n";
        mvc.perform(post("/api/v1/disbursements").contentType("text/csv").content(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)).andExpect(status().is(org.hamcrest.Matchers.not(401)));
        mvc.perform(post("/admin/users/" + id + "/reset-password").cookie(admin).with(csrf()).param("newPassword", "Known#Reset2026"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.nullValue()));
        mvc.perform(post("/api/v1/disbursements").contentType("text/csv").content(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    /** Attack 2a: anquan makes admin system and audit administrator at once. */
    @Test
    void theSecurityAdministratorCannotCombineAdministratorRoles() throws Exception {
        Cookie anquan = signIn("anquan", DEMO);
        long admin = id("admin");
        mvc.perform(post("/admin/users/" + admin + "/roles").cookie(anquan).with(csrf()).param("version", officerVersion(admin))
                        .param("roles", "SYSTEM_ADMIN", "AUDIT_ADMIN"))
                .andExpect(redirectedUrl("/admin/users/" + admin))
                .andExpect(flash().attribute("error", containsString("三员分立")));
        assertThat(roles(admin)).containsExactly("SYSTEM_ADMIN");
        mvc.perform(get("/audit/operations").cookie(signIn("admin", DEMO))).andExpect(status().isForbidden());

        // Nor a business role on an administrator's account, nor an administrator role on a business account.
        long shenji = id("shenji");
        mvc.perform(post("/admin/users/" + shenji + "/roles").cookie(anquan).with(csrf()).param("version", officerVersion(shenji))
                .param("roles", "AUDIT_ADMIN", "LABOR_INSPECTOR")).andExpect(flash().attribute("error", containsString("三员分立")));
        assertThat(roles(shenji)).containsExactly("AUDIT_ADMIN");
        long clerk = businessOfficer("attack2a", "LABOR_INSPECTOR");
        mvc.perform(post("/admin/users/" + clerk + "/roles").cookie(anquan).with(csrf()).param("version", officerVersion(clerk))
                .param("roles", "AUDIT_ADMIN")).andExpect(flash().attribute("error", containsString("三员分立")));
        assertThat(roles(clerk)).containsExactly("LABOR_INSPECTOR");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM operation_log WHERE action = 'USER_GRANT' AND result = 'DENIED' AND username = 'anquan'
                   AND target_id = :id""").param("id", String.valueOf(admin)).query(Long.class).single()).isPositive();
    }

    /** Attack 2b: anquan resets a grid worker's password and signs in as them. */
    @Test
    void theSecurityAdministratorSetsNoPassword() throws Exception {
        long grid = businessOfficer("attack2b", "GRID_WORKER");
        mvc.perform(post("/admin/users/" + grid + "/reset-password").cookie(signIn("anquan", DEMO)).with(csrf())
                .param("newPassword", "Take#Over2026")).andExpect(status().isForbidden());
        mvc.perform(formLogin("/login").user("attack2b").password("Take#Over2026")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("attack2b").password(DEMO)).andExpect(authenticated());

        // The service itself refuses too, whoever calls it.
        SecurityContextHolder.getContext().setAuthentication(token("anquan"));
        try {
            assertThatThrownBy(() -> accounts.resetPassword(grid, "Take#Over2026"))
                    .isInstanceOf(OfficerAccounts.AccountRuleException.class);
            assertThatThrownBy(() -> accounts.grant(id("admin"), Integer.parseInt(officerVersion(id("admin"))), Set.of("SYSTEM_ADMIN", "AUDIT_ADMIN")))
                    .isInstanceOf(OfficerAccounts.AccountRuleException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        mvc.perform(formLogin("/login").user("attack2b").password("Take#Over2026")).andExpect(unauthenticated());
    }

    private UsernamePasswordAuthenticationToken token(String username) {
        OfficerPrincipal p = logins.principal(username);
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    @Test
    void theDatabaseRefusesAnAdministratorRoleBesideAnyOther() {
        long admin = id("admin");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO officer_role (officer_id, role_code) VALUES (:id, 'AUDIT_ADMIN')")
                .param("id", admin).update()).hasMessageContaining("三员分立");
        long clerk = businessOfficer("dbguard1", "LABOR_INSPECTOR");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO officer_role (officer_id, role_code) VALUES (:id, 'SECURITY_ADMIN')")
                .param("id", clerk).update()).hasMessageContaining("三员分立");
        assertThat(roles(admin)).containsExactly("SYSTEM_ADMIN");
        assertThat(roles(clerk)).containsExactly("LABOR_INSPECTOR");
    }

    @Test
    void theSystemAdministratorResetsToAGeneratedOneTimePasswordAndUnlocks() throws Exception {
        long id = businessOfficer("resetme1", "LABOR_INSPECTOR");
        Cookie owner = signIn("resetme1", DEMO);
        jdbc.sql("UPDATE officer SET locked_until = now() + interval '5 minutes', failed_attempts = 5 WHERE id = :id")
                .param("id", id).update();
        Cookie admin = signIn("admin", DEMO);
        mvc.perform(post("/admin/users/" + id + "/unlock").cookie(admin).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.nullValue()));
        String oneTime = (String) mvc.perform(post("/admin/users/" + id + "/reset-password").cookie(admin).with(csrf())
                .param("newPassword", "")).andExpect(redirectedUrl("/admin/users/" + id)).andReturn()
                .getFlashMap().get("oneTimePassword");
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
        // The owner's session ended; the old password no longer works; the new one leads to /password only.
        mvc.perform(get("/").cookie(owner)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").user("resetme1").password(DEMO)).andExpect(unauthenticated());
        Cookie session = mvc.perform(formLogin("/login").user("resetme1").password(oneTime))
                .andExpect(redirectedUrl("/password")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/directory").cookie(session)).andExpect(redirectedUrl("/password"));
        mvc.perform(post("/password").cookie(session).with(csrf()).param("oldPassword", oneTime)
                .param("newPassword", "Mine#Again2026").param("confirmPassword", "Mine#Again2026"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/directory").cookie(session)).andExpect(status().isOk());
        // The system administrator does not reset their own password this way.
        mvc.perform(post("/admin/users/" + id("admin") + "/reset-password").cookie(admin).with(csrf())
                .param("newPassword", "")).andExpect(flash().attribute("error", containsString("不能重置本人的密码")));
    }

    @Test
    void theSecurityAdministratorCannotWidenAnAdministratorRoleOrArmABusinessRole() throws Exception {
        Cookie anquan = signIn("anquan", DEMO);
        mvc.perform(post("/admin/roles/SYSTEM_ADMIN").cookie(anquan).with(csrf())
                .param("permissions", "identity:user:view", "workforce:worker:sensitive"))
                .andExpect(flash().attribute("error", containsString("三员分立")));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM role_permission WHERE role_code = 'SYSTEM_ADMIN' AND permission_code = 'workforce:worker:sensitive'
                """).query(Long.class).single()).isZero();
        List<String> before = jdbc.sql("SELECT permission_code FROM role_permission WHERE role_code = 'LABOR_INSPECTOR'")
                .query(String.class).list();
        List<String> armed = new java.util.ArrayList<>(before);
        armed.add("identity:user:grant");
        mvc.perform(post("/admin/roles/LABOR_INSPECTOR").cookie(anquan).with(csrf())
                .param("permissions", armed.toArray(String[]::new)))
                .andExpect(flash().attribute("error", containsString("三员分立")));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM role_permission WHERE role_code = 'LABOR_INSPECTOR' AND permission_code = 'identity:user:grant'
                """).query(Long.class).single()).isZero();
    }

    @Test
    void everyActIsInTheOperationLogTheAuditAdministratorReads() throws Exception {
        Cookie admin = signIn("admin", DEMO);
        mvc.perform(post("/admin/users/new").cookie(admin).with(csrf()).param("username", "logged1")
                .param("displayName", "留痕用户").param("regionCode", "430981").param("initialPassword", ""))
                .andExpect(status().is3xxRedirection());
        long id = id("logged1");
        mvc.perform(post("/admin/users/" + id + "/roles").cookie(signIn("anquan", DEMO)).with(csrf()).param("version", officerVersion(id))
                .param("roles", "LABOR_INSPECTOR", "INDUSTRY_OFFICER"));
        mvc.perform(post("/admin/users/" + id + "/roles").cookie(signIn("anquan", DEMO)).with(csrf()).param("version", officerVersion(id))
                .param("roles", "LABOR_INSPECTOR"));
        mvc.perform(post("/admin/users/" + id + "/unlock").cookie(admin).with(csrf()));
        String oneTime = (String) mvc.perform(post("/admin/users/" + id + "/reset-password").cookie(admin).with(csrf())
                .param("newPassword", "")).andReturn().getFlashMap().get("oneTimePassword");
        Cookie owner = signIn("logged1", oneTime);
        mvc.perform(post("/password").cookie(owner).with(csrf()).param("oldPassword", oneTime)
                .param("newPassword", "Logged#Own2026").param("confirmPassword", "Logged#Own2026"));
        mvc.perform(post("/admin/users/" + id + "/disable").cookie(admin).with(csrf()));

        assertThat(jdbc.sql("SELECT action FROM operation_log WHERE target_type = 'officer' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("USER_CREATE", "USER_GRANT", "USER_REVOKE", "USER_UNLOCK", "USER_RESET_PASSWORD",
                        "PASSWORD_FORCED_CHANGE", "USER_DISABLE");
        Cookie shenji = signIn("shenji", DEMO);
        String page = mvc.perform(get("/audit/operations").cookie(shenji).param("target", "officer:" + id))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("新增用户", "授予角色", "收回角色", "解锁用户", "重置密码", "修改一次性密码", "停用用户")
                .doesNotContain(oneTime);
        // The one-time passwords are nowhere in the log.
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE detail LIKE :p").param("p", "%" + oneTime + "%")
                .query(Long.class).single()).isZero();
        // And the audit administrator only reads: no account administration at all.
        mvc.perform(post("/admin/users/" + id + "/enable").cookie(shenji).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").cookie(shenji)).andExpect(status().isForbidden());
        assertThat(logins.principal("shenji").permissions()).containsExactly("identity:audit:view");
        mvc.perform(get("/audit/operations").cookie(signIn("admin", DEMO))).andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("停用用户"))));
    }
}
