package org.wageguard.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OperationLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, login and sessions: a data API token stops with its account's lock and at its expiry; wrong old passwords
 * at /password count toward the lock; a flood of forged posts cannot fill the operation log.
 */
@DemoApplicationTest
class LoginAndTokenAttackTests {

    static final String PASSWORD = "Demo@2021";
    static final String FILE = "项目编号,银行流水号,身份证号,姓名,工资卡号,金额（元）,代发日期,所属月份\n";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired OfficerAccounts accounts;
    @Autowired OperationLog operationLog;

    private long bank(String username) {
        return accounts.create(new OfficerAccounts.OfficerDraft(username, "测试银行", "430981", null, null,
                "令牌测试银行" + username, null, null, null, null), PASSWORD, Set.of("BANK"));
    }

    private MvcResult issue(long officerId) throws Exception {
        return mvc.perform(post("/admin/api-tokens").with(logins.as("admin")).with(csrf())
                .param("officerId", String.valueOf(officerId)).param("label", "测试")).andReturn();
    }

    private ResultActions call(String token) throws Exception {
        return mvc.perform(post("/api/v1/disbursements").contentType("text/csv")
                .content(FILE.getBytes(StandardCharsets.UTF_8)).header("Authorization", "Bearer " + token));
    }

    private long refusedCalls() {
        return jdbc.sql("SELECT count(*) FROM api_token_use WHERE token_id IS NULL AND status = 401").query(Long.class).single();
    }

    /** Attack: the account is locked after five wrong passwords (someone guessing), yet its token goes on working. */
    @Test
    void aLockedOrDisabledAccountsTokenIsRefusedAndTheCallLogged() throws Exception {
        long id = bank("tokenlock1");
        String token = (String) issue(id).getFlashMap().get("issued");
        call(token).andExpect(status().is(not(401)));
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin("/login").user("tokenlock1").password("wrong" + i));
        }
        assertThat(jdbc.sql("SELECT locked_until > now() FROM officer WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        long before = refusedCalls();
        call(token).andExpect(status().isUnauthorized());
        assertThat(refusedCalls()).isEqualTo(before + 1);

        // The lock runs out: the token works again; the account is disabled: it stops again.
        jdbc.sql("UPDATE officer SET locked_until = now() - interval '1 minute' WHERE id = :id").param("id", id).update();
        call(token).andExpect(status().is(not(401)));
        jdbc.sql("UPDATE officer SET enabled = FALSE WHERE id = :id").param("id", id).update();
        call(token).andExpect(status().isUnauthorized());
    }

    /** Attack: a token leaked years ago still works; tokens must expire (one year by default). */
    @Test
    void aTokenExpiresAYearAfterIssueShownAtIssueAndInTheList() throws Exception {
        long id = bank("tokenexp1");
        MvcResult issued = issue(id);
        String token = (String) issued.getFlashMap().get("issued");
        LocalDateTime shown = (LocalDateTime) issued.getFlashMap().get("issuedExpiresAt");
        LocalDateTime inAYear = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(365);
        assertThat(shown).isBetween(inAYear.minusMinutes(5), inAYear.plusMinutes(5));
        Timestamp stored = jdbc.sql("SELECT expires_at FROM api_token WHERE token_prefix = :p")
                .param("p", token.substring(0, 10)).query(Timestamp.class).single();
        assertThat(stored.toInstant()).isBetween(Instant.now().plus(Duration.ofDays(365)).minusSeconds(300),
                Instant.now().plus(Duration.ofDays(365)).plusSeconds(300));
        mvc.perform(get("/admin/api-tokens").with(logins.as("admin")).flashAttr("issued", token)
                        .flashAttr("issuedExpiresAt", shown))
                .andExpect(content().string(containsString("有效期至")))
                .andExpect(content().string(containsString(shown.toLocalDate().toString())));
        call(token).andExpect(status().is(not(401)));

        // A year has passed.
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE token_prefix = :p")
                .param("p", token.substring(0, 10)).update();
        long before = refusedCalls();
        call(token).andExpect(status().isUnauthorized());
        assertThat(refusedCalls()).isEqualTo(before + 1);
        mvc.perform(get("/admin/api-tokens").with(logins.as("admin"))).andExpect(content().string(containsString("已过期")));
    }

    /**
     * Attack: someone at a signed-in officer's unattended screen guesses the password at /password without limit
     * (a wrong old password never counted). Now each counts like a failed login; the fifth locks and logs out.
     */
    @Test
    void wrongOldPasswordsCountTowardTheLockAndTheFifthEndsTheSession() throws Exception {
        accounts.create(new OfficerAccounts.OfficerDraft("oldpwguess1", "测试用户", "430981", null, null, null, null,
                null, null, null), PASSWORD, Set.of("LABOR_INSPECTOR"));
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", "oldpwguess1").param("password", PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        for (int i = 1; i <= 4; i++) {
            mvc.perform(post("/password").cookie(session).with(csrf()).param("oldPassword", "guess" + i)
                            .param("newPassword", "Other#Pass2026").param("confirmPassword", "Other#Pass2026"))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("原密码不正确")));
        }
        assertThat(jdbc.sql("SELECT reason FROM login_log WHERE username = 'oldpwguess1' AND NOT success")
                .query(String.class).list()).containsExactly("WRONG_OLD_PASSWORD", "WRONG_OLD_PASSWORD",
                        "WRONG_OLD_PASSWORD", "WRONG_OLD_PASSWORD");
        mvc.perform(post("/password").cookie(session).with(csrf()).param("oldPassword", "guess5")
                        .param("newPassword", "Other#Pass2026").param("confirmPassword", "Other#Pass2026"))
                .andExpect(redirectedUrl("/login?error=locked_now"));
        assertThat(jdbc.sql("SELECT locked_until > now() FROM officer WHERE username = 'oldpwguess1'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM login_log WHERE username = 'oldpwguess1' AND reason = 'WRONG_OLD_PASSWORD_LOCKED'")
                .query(Long.class).single()).isEqualTo(1);
        // The session is over, and the right password does not open the account while it is locked.
        mvc.perform(get("/password").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").user("oldpwguess1").password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=bad_credentials"));
    }

    private long csrfRows(String ip) {
        return jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'CSRF_REJECTED' AND ip = :ip").param("ip", ip)
                .query(Long.class).single();
    }

    /** Attack: 200 anonymous posts without a CSRF token in two seconds, each one a row in the append-only log. */
    @Test
    void aFloodOfForgedPostsIsRefusedButWritesAtMostTenRowsPerAddressAMinute() throws Exception {
        String ip = "198.51.100.23";
        // Anonymous: a session from the login page, then posts with a made-up CSRF token.
        Cookie anonymous = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(anonymous).isNotNull();
        for (int i = 0; i < 200; i++) {
            mvc.perform(post("/login").cookie(anonymous).param("_csrf", "forged" + i).with(r -> {
                r.setRemoteAddr(ip);
                return r;
            }).param("username", "x").param("password", "y")).andExpect(status().isForbidden());
        }
        assertThat(csrfRows(ip)).isEqualTo(CsrfRejections.PER_WINDOW);
        // Another address is logged on its own count.
        mvc.perform(post("/login").cookie(anonymous).param("_csrf", "forged").with(r -> {
            r.setRemoteAddr("198.51.100.24");
            return r;
        })).andExpect(status().isForbidden());
        assertThat(csrfRows("198.51.100.24")).isEqualTo(1);
    }

    /** After its minute, an address is logged again, with one row saying how many refusals were held back. */
    @Test
    void afterTheMinuteTheHeldBackRefusalsAreSummedUpInOneRow() {
        MovableClock clock = new MovableClock();
        CsrfRejections rejections = new CsrfRejections(operationLog, clock);
        String ip = "198.51.100.77";
        for (int i = 0; i < 25; i++) {
            rejections.rejected(ip, "POST /x");
        }
        clock.now = clock.now.plusSeconds(61);
        rejections.rejected(ip, "POST /x");
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'CSRF_REJECTED' AND detail = 'POST /x'")
                .query(Long.class).single()).isEqualTo(11);
        assertThat(jdbc.sql("SELECT detail FROM operation_log WHERE action = 'CSRF_REJECTED_SUPPRESSED' AND detail LIKE :d")
                .param("d", "%" + ip + "%").query(String.class).list()).singleElement().asString().contains("另有 15 次");
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
