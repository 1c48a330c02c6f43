package org.wageguard.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 14, username enumeration at the login page: an existing account answered {@code locked_now} and then
 * {@code locked}, an unknown name {@code bad_credentials} forever, a disabled account {@code disabled} to any password,
 * and a locked or disabled account was refused before its password was checked (no BCrypt, so faster). Now the four
 * answer byte for byte the same until the right password is given, and each costs one password check.
 */
@DemoApplicationTest
class LoginAnswerTests {

    static final String PASSWORD = "Demo@2021";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OfficerAccounts accounts;
    @Autowired OfficerDetailsService officers;
    @Autowired PasswordEncoder encoder;
    @Autowired SecuritySettings settings;

    private String officer(String username) {
        accounts.create(new OfficerAccounts.OfficerDraft(username, "测试用户", "430981", null, null, null, null, null,
                null, null), PASSWORD, Set.of("LABOR_INSPECTOR"));
        return username;
    }

    private void disable(String username) {
        jdbc.sql("UPDATE officer SET enabled = FALSE WHERE username = :u").param("u", username).update();
    }

    private void lock(String username) {
        jdbc.sql("UPDATE officer SET locked_until = now() + interval '10 minutes' WHERE username = :u")
                .param("u", username).update();
    }

    /** Everything a visitor receives for a login attempt: status, headers, body, and the page it is sent to. */
    private String answer(String username, String password) throws Exception {
        MockHttpServletResponse response = mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn().getResponse();
        StringBuilder b = new StringBuilder().append(response.getStatus()).append('\n');
        for (String name : response.getHeaderNames()) {
            b.append(name).append(": ").append(response.getHeaders(name)).append('\n');
        }
        b.append(response.getContentAsString()).append('\n');
        String page = mvc.perform(get(response.getRedirectedUrl())).andReturn().getResponse().getContentAsString();
        // The page's own CSRF token is fresh for every visitor; all else must match.
        return b.append(page.replaceAll("name=\"_csrf\" (value|content)=\"[^\"]*\"", "name=\"_csrf\"")).toString();
    }

    /**
     * Attack: guess one wrong password after another at an existing, an unknown, a locked and a disabled name and
     * compare the answers. Every answer — the seven of each, across the lock being set — is the same bytes.
     */
    @Test
    void aWrongPasswordAnUnknownNameALockedAndADisabledAccountAnswerTheSame() throws Exception {
        String existing = officer("answer-existing1");
        String locked = officer("answer-locked1");
        lock(locked);
        String disabled = officer("answer-disabled1");
        disable(disabled);
        String unknown = "answer-nobody1";
        String first = answer(existing, "wrong0");
        assertThat(first).contains("Location: [/login?error=bad_credentials]").contains("用户名或密码错误");
        List<String> others = new ArrayList<>();
        for (int i = 1; i <= settings.lockout().maxFailures() + 1; i++) {
            others.add(answer(existing, "wrong" + i));
            others.add(answer(unknown, "wrong" + i));
            others.add(answer(locked, "wrong" + i));
            others.add(answer(disabled, "wrong" + i));
        }
        // The right password of a locked account does not confirm itself while the lock lasts.
        others.add(answer(locked, PASSWORD));
        others.add(answer(existing, PASSWORD));
        assertThat(others).allSatisfy(a -> assertThat(a).isEqualTo(first));
        assertThat(jdbc.sql("SELECT locked_until > now() FROM officer WHERE username = :u").param("u", existing)
                .query(Boolean.class).single()).as("the guesses did lock the existing account").isTrue();
        assertThat(jdbc.sql("SELECT reason FROM login_log WHERE username = :u ORDER BY id").param("u", existing)
                .query(String.class).list()).as("the login log keeps the real reason").contains("LOCKED_NOW", "LOCKED");
    }

    /** With the right password a disabled account may say so: whoever gave it knows the account exists. */
    @Test
    void onlyTheRightPasswordOfADisabledAccountSaysItIsDisabled() throws Exception {
        String disabled = officer("answer-disabled2");
        disable(disabled);
        assertThat(answer(disabled, PASSWORD)).contains("Location: [/login?error=disabled]").contains("账号已停用");
        String other = officer("answer-enabled2");
        mvc.perform(formLogin("/login").user(other).password(PASSWORD)).andExpect(authenticated());
    }

    /** A password encoder that counts its checks. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder delegate;
        final AtomicInteger matches = new AtomicInteger();

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return delegate.matches(raw, encoded);
        }
    }

    /**
     * Attack by the clock: an answer that skips the BCrypt check comes back measurably sooner. Every attempt — an
     * unknown name (checked against a dummy hash), a wrong password, a locked and a disabled account with a wrong or
     * the right password — runs the real encoder exactly once.
     */
    @Test
    void everyAttemptCostsOnePasswordCheckWhateverTheAccount() {
        String existing = officer("answer-timing-existing");
        String locked = officer("answer-timing-locked");
        lock(locked);
        String disabled = officer("answer-timing-disabled");
        disable(disabled);
        CountingEncoder counting = new CountingEncoder(encoder);
        AuthenticationProvider provider = new SecurityConfiguration().officerAuthentication(officers, counting);
        String[][] attempts = {{"answer-timing-nobody", "wrong"}, {existing, "wrong"}, {locked, "wrong"},
                {locked, PASSWORD}, {disabled, "wrong"}, {disabled, PASSWORD}};
        for (String[] attempt : attempts) {
            counting.matches.set(0);
            assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(attempt[0],
                    attempt[1]))).isInstanceOf(AuthenticationException.class);
            assertThat(counting.matches.get()).as("password checks for %s / %s", attempt[0], attempt[1]).isEqualTo(1);
        }
    }
}
