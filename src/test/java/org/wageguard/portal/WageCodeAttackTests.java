package org.wageguard.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.SensitiveData;
import org.wageguard.messaging.internal.ConsoleSmsGateway;
import org.wageguard.portal.internal.NoSmsGateway;
import org.wageguard.workforce.TestIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 14, the wage codes of the portal: a stranger with a worker's ID number must not lock the worker out (the limit
 * hits the stranger's address, wrong codes use up only that code), sends per worker are capped without telling anyone
 * whether the number is registered, and a deployment without an SMS gateway never writes a code to the log.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WageCodeAttackTests {

    static final String ID = TestIds.valid("43098119770707073");
    static final String PHONE = "13907375073";
    static final String ID2 = TestIds.valid("43098119780808074");
    static final String PHONE2 = "13907375074";
    static final String ID3 = TestIds.valid("43098119790909075");
    static final String PHONE3 = "13907375075";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ConsoleSmsGateway sender;
    @Autowired SensitiveData sensitive;
    @Autowired WageServices services;

    @BeforeAll
    void threeWorkersWithPhones() {
        services.enrol("YJ-2021-013," + ID + ",覃冬梅," + PHONE + ",6228480010000075073,Y,2026-08-01\n"
                + "YJ-2021-013," + ID2 + ",覃夏荷," + PHONE2 + ",6228480010000075074,Y,2026-08-01\n"
                + "YJ-2021-013," + ID3 + ",覃春兰," + PHONE3 + ",6228480010000075075,Y,2026-08-01\n");
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder r, String address) {
        return r.with(req -> {
            req.setRemoteAddr(address);
            return req;
        }).with(csrf());
    }

    String lastCode(String phone) {
        Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(sender.lastSentTo(phone).orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    long codesOf(String idNumber) {
        return jdbc.sql("SELECT count(*) FROM portal_wage_code c JOIN worker w ON w.id = c.worker_id WHERE w.id_number_hash = :h")
                .param("h", sensitive.index(idNumber)).query(Long.class).single();
    }

    String requestCode(String idNumber, String name, String address) throws Exception {
        return mvc.perform(from(post("/portal/wages/code"), address).param("idNumber", idNumber).param("name", name))
                .andReturn().getResponse().getContentAsString();
    }

    /**
     * Attack: knowing a worker's ID number, a stranger sends wrong codes from several addresses. That used to count
     * against the ID number and lock the worker out for an hour. Now the stranger's guesses use up only the live
     * code's tries, and the worker requests a new code and opens the records.
     */
    @Test
    void wrongCodesFromStrangersDoNotLockTheWorkerOut() throws Exception {
        assertThat(requestCode(ID, "覃冬梅", "10.72.0.1")).contains("id=\"code-sent\"");
        String first = lastCode(PHONE);
        String wrong = first.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 2 * PortalSubmissions.LIMIT; i++) {
            mvc.perform(from(post("/portal/wages/verify"), "10.72.1." + i).param("idNumber", ID).param("code", wrong))
                    .andExpect(content().string(containsString("验证码不正确或已失效")));
        }
        // The code the stranger guessed at is used up, and only that code.
        mvc.perform(from(post("/portal/wages/verify"), "10.72.0.1").param("idNumber", ID).param("code", first))
                .andExpect(content().string(containsString("验证码不正确或已失效")));
        String page = requestCode(ID, "覃冬梅", "10.72.0.1");
        assertThat(page).contains("id=\"code-sent\"").doesNotContain("操作过于频繁");
        mvc.perform(from(post("/portal/wages/verify"), "10.72.0.1").param("idNumber", ID).param("code", lastCode(PHONE)))
                .andExpect(redirectedUrl("/portal/wages/records"));
    }

    /** Attack: SMS bombing a worker by asking for codes from many addresses. Capped per worker, told to no one. */
    @Test
    void codesSentToOneWorkerAreCappedAndTheAnswerStaysTheSame() throws Exception {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i <= WageSelfService.MAX_SENDS; i++) {
            pages.add(requestCode(ID2, "覃夏荷", "10.72.2." + i));
        }
        pages.add(requestCode(TestIds.valid("43098119780808099"), "无此人", "10.72.2.99"));
        assertThat(pages).allSatisfy(p -> assertThat(p).contains("id=\"code-sent\"").doesNotContain("id=\"portal-error\""));
        assertThat(codesOf(ID2)).isEqualTo(WageSelfService.MAX_SENDS);
        // An hour later (the service's clock, not a sleep) a code is sent again.
        WageSelfService anHourLater = services.at(Clock.fixed(Instant.now().plus(Duration.ofMinutes(61)), ZONE));
        anHourLater.requestCode(ID2, "覃夏荷", "10.72.2.100");
        assertThat(codesOf(ID2)).isEqualTo(WageSelfService.MAX_SENDS + 1);
    }

    /**
     * Attack: a deployment outside the demo profile without an SMS gateway wrote every worker's wage code to its log,
     * where whoever reads the log could open that worker's records. Without a gateway no code is made, sent or logged,
     * and the visitor is told in Chinese.
     */
    @Test
    void withoutAnSmsGatewayNoCodeIsMadeOrLogged() throws Exception {
        WageSelfService noGateway = services.sendingWith(new NoSmsGateway());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            assertThat(noGateway.canSendCodes()).isFalse();
            assertThatThrownBy(() -> noGateway.requestCode(ID3, "覃春兰", "10.72.3.1"))
                    .isInstanceOf(WageSelfService.SmsNotConfigured.class);
        } finally {
            root.detachAppender(log);
        }
        assertThat(codesOf(ID3)).isZero();
        assertThat(sender.lastSentTo(PHONE3)).isEmpty();
        assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains("验证码")
                || e.getLoggerName().equals(ConsoleSmsGateway.class.getName()));
        assertThat(org.wageguard.shared.SharedMessages.chinese("messages/portal", "portal.wages.smsNotConfigured"))
                .contains("尚未接入短信平台");
    }
}
