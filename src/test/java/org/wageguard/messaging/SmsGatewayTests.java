package org.wageguard.messaging;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.SensitiveData;
import org.wageguard.messaging.internal.HttpSmsGateway;
import org.wageguard.messaging.internal.SmsDispatcher;
import org.wageguard.messaging.internal.SmsDispatcher.Outcome;
import org.wageguard.messaging.internal.SmsProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, "SMS that reaches people": the HTTP gateway driven against a local stub of the SMS platform (OkHttp's
 * MockWebServer, no network), through the real message log and dispatcher on the application's database, on a clock
 * the test moves — never a sleep. Each test queues its own messages to phones of its own and is rolled back.
 */
@DemoApplicationTest
@Transactional
class SmsGatewayTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired JdbcClient jdbc;
    @Autowired SensitiveData sensitive;
    @Autowired SmsDispatcher dispatcher;
    @Autowired Notifications notifications;

    MockWebServer platform;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    /** Phones the stub refuses (HTTP 500); every other phone is accepted with {"code":"OK"}. */
    final List<String> refused = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();

    SmsProperties properties;
    HandClock clock;
    TextMessages messages;
    SmsDispatcher sender;

    @BeforeEach
    void platform() throws IOException {
        platform = new MockWebServer();
        platform.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                JsonNode body = JSON.readTree(request.getBody().readUtf8());
                received.add(body);
                if (refused.contains(body.get("mobile").asString())) {
                    return new MockResponse().setResponseCode(500).setBody("{\"code\":\"isv.BUSINESS_LIMIT_CONTROL\"}");
                }
                return new MockResponse().setBody("{\"code\":\"OK\",\"bizId\":\"900619746936498440\"}");
            }
        });
        platform.start();
        properties = new SmsProperties();
        properties.setGateway(SmsProperties.Gateway.HTTP);
        properties.setSignName("沅江人社");
        properties.getHttp().setUrl(platform.url("/sms/send").toString());
        properties.getHttp().setAppKey("key-from-the-environment");
        properties.getHttp().setFields(Map.of("phone", "mobile", "template", "templateCode", "params", "templateParam"));
        properties.getHttp().setSuccessField("code");
        properties.getHttp().setSuccessValue("OK");
        properties.setTemplates(Map.of(MessageKind.WAGE_PAID, "SMS_WAGE_PAID", MessageKind.ONE_TIME_CODE, "SMS_CODE"));
        properties.setMaxAttempts(3);
        properties.setBackoff(Duration.ofMinutes(1));
        properties.setRatePerPhone(2);
        properties.setRateWindow(Duration.ofHours(1));
        clock = new HandClock(LocalDateTime.of(2030, 3, 4, 10, 0).atZone(BEIJING).toInstant());
        HttpSmsGateway gateway = new HttpSmsGateway(properties);
        messages = new TextMessages(jdbc, sensitive, gateway, properties, clock);
        sender = dispatcher.with(gateway, properties, clock);
    }

    @AfterEach
    void stop() throws IOException {
        platform.shutdown();
    }

    long wagePaid(String phone, Long department) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("name", "张建国");
        params.put("project", "沅江市琼湖安置小区");
        params.put("month", "11");
        params.put("amount", "6600.00");
        params.put("date", "12月15日");
        params.put("card", "5673");
        return messages.queue(new TextMessages.Outgoing(MessageKind.WAGE_PAID, phone, params, null, "430981",
                department, null)).orElseThrow();
    }

    record Logged(String status, String reason, int attempts, String phoneMasked, String phoneCipher,
            Timestamp nextAttemptAt, String gatewayAnswer, String body) {
    }

    Logged logged(long id) {
        return jdbc.sql("""
                SELECT status, reason, attempts, phone_masked, phone_cipher, next_attempt_at, gateway_answer, body
                  FROM sms_message WHERE id = :id
                """).param("id", id).query(org.wageguard.shared.Rows.of(Logged.class)).single();
    }

    @Test
    void theGatewayPostsThePhoneTemplateParametersSignatureAndKeyAndTheMessageIsLoggedMasked() {
        long id = wagePaid("13974110001", null);

        assertThat(sender.dispatch(id)).isEqualTo(Outcome.SENT);

        assertThat(received).hasSize(1);
        JsonNode body = received.get(0);
        assertThat(body.get("mobile").asString()).isEqualTo("13974110001");
        assertThat(body.get("templateCode").asString()).isEqualTo("SMS_WAGE_PAID");
        assertThat(body.get("signName").asString()).isEqualTo("沅江人社");
        assertThat(body.get("appKey").asString()).isEqualTo("key-from-the-environment");
        assertThat(body.get("templateParam").get("amount").asString()).isEqualTo("6600.00");
        assertThat(body.get("templateParam").get("card").asString()).isEqualTo("5673");
        Logged row = logged(id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.gatewayAnswer()).startsWith("HTTP 200").contains("\"code\":\"OK\"");
        assertThat(row.phoneMasked()).isEqualTo("139****0001");
        assertThat(row.phoneCipher()).doesNotContain("13974110001");
        assertThat(sensitive.decryptForProcessing(row.phoneCipher())).isEqualTo("13974110001");
        assertThat(row.body()).startsWith("【沅江人社】张建国，您好").contains("6600.00元").contains("尾号5673");
        // sent once: the next pass finds nothing to do
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.NOT_DUE);
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailingGatewayIsRetriedWithDoublingBackoffThenFailedAndTheResponsibleDepartmentTold() {
        refused.add("13974110002");
        long department = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        long unreadBefore = notifications.unread(department);
        long id = wagePaid("13974110002", department);
        Instant start = clock.instant();

        assertThat(sender.dispatch(id)).isEqualTo(Outcome.RETRY);
        assertThat(logged(id).nextAttemptAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(1)));
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.NOT_DUE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.RETRY);
        assertThat(logged(id).nextAttemptAt().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(logged(id).reason()).isEqualTo("RETRY");
        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.FAILED);

        assertThat(requests.get()).isEqualTo(3);
        Logged row = logged(id);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.gatewayAnswer()).contains("HTTP 500").contains("BUSINESS_LIMIT_CONTROL");
        assertThat(notifications.unread(department)).isEqualTo(unreadBefore + 1);
        Notifications.Notice told = notifications.of(department, true, 1).get(0);
        assertThat(told.kind()).isEqualTo("SMS_FAILED");
        assertThat(told.title()).contains("工资到账提醒").contains("139****0002").doesNotContain("13974110002");
        assertThat(told.body()).contains("3 次");
        assertThat(told.link()).isEqualTo("/messaging/sms?status=FAILED");
        // failed for good: never tried again
        clock.advance(Duration.ofHours(5));
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.NOT_DUE);
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void anUnreachablePlatformIsAFailedAttemptNotAnError() throws IOException {
        long id = wagePaid("13974110003", null);
        platform.shutdown();

        assertThat(sender.dispatch(id)).isEqualTo(Outcome.RETRY);

        assertThat(logged(id).gatewayAnswer()).startsWith("不可达");
        assertThat(logged(id).status()).isEqualTo("QUEUED");
    }

    @Test
    void quietHoursDeferNoticesToEightInTheMorningButOneTimeCodesGoAtOnce() {
        clock.set(LocalDateTime.of(2030, 3, 4, 23, 30).atZone(BEIJING).toInstant());
        long id = wagePaid("13974110004", null);

        assertThat(sender.dispatch(id)).isEqualTo(Outcome.QUIET_HOURS);
        assertThat(received).isEmpty();
        assertThat(logged(id).reason()).isEqualTo("QUIET_HOURS");
        assertThat(logged(id).nextAttemptAt().toInstant())
                .isEqualTo(LocalDateTime.of(2030, 3, 5, 8, 0).atZone(BEIJING).toInstant());

        assertThat(messages.sendCode("13974110004", "482913", 5)).isTrue();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("templateCode").asString()).isEqualTo("SMS_CODE");
        assertThat(received.get(0).get("templateParam").get("code").asString()).isEqualTo("482913");
        String loggedCode = jdbc.sql("SELECT body FROM sms_message WHERE kind = 'ONE_TIME_CODE' AND phone_hash = :h")
                .param("h", sensitive.index("13974110004")).query(String.class).single();
        assertThat(loggedCode).contains("验证码为******").doesNotContain("482913");

        clock.set(LocalDateTime.of(2030, 3, 5, 7, 59).atZone(BEIJING).toInstant());
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.NOT_DUE);
        clock.set(LocalDateTime.of(2030, 3, 5, 8, 0).atZone(BEIJING).toInstant());
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.SENT);
        assertThat(received).hasSize(2);
    }

    @Test
    void aPhoneGetsAtMostItsRateWithinTheWindowAndTheRestWaitsForTheWindow() {
        long first = wagePaid("13974110005", null);
        long second = wagePaid("13974110005", null);
        long third = wagePaid("13974110005", null);
        long otherPhone = wagePaid("13974110006", null);

        assertThat(sender.dispatch(first)).isEqualTo(Outcome.SENT);
        clock.advance(Duration.ofMinutes(10));
        assertThat(sender.dispatch(second)).isEqualTo(Outcome.SENT);
        assertThat(sender.dispatch(third)).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(sender.dispatch(otherPhone)).isEqualTo(Outcome.SENT);
        assertThat(logged(third).reason()).isEqualTo("RATE_LIMITED");
        // the first message leaves the window an hour after it was sent
        assertThat(logged(third).nextAttemptAt().toInstant())
                .isEqualTo(clock.instant().minus(Duration.ofMinutes(10)).plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(50));
        assertThat(sender.dispatch(third)).isEqualTo(Outcome.SENT);
        assertThat(received).hasSize(4);
    }

    @Test
    void aWorkerWhoOptedOutGetsNoWageNoticeAndTheLogSaysWhy() {
        long worker = jdbc.sql("SELECT id FROM published_worker ORDER BY id LIMIT 1").query(Long.class).single();
        messages.setOptOut(worker, true, "test");
        long id = messages.queue(new TextMessages.Outgoing(MessageKind.WAGE_PAID, "13974110007",
                Map.of("name", "张建国"), "worker:" + worker, "430981", null, null)).orElseThrow();

        assertThat(logged(id).status()).isEqualTo("SUPPRESSED");
        assertThat(logged(id).reason()).isEqualTo("OPTED_OUT");
        assertThat(sender.dispatch(id)).isEqualTo(Outcome.NOT_DUE);
        assertThat(received).isEmpty();

        messages.setOptOut(worker, false, "test");
        long again = messages.queue(new TextMessages.Outgoing(MessageKind.WAGE_PAID, "13974110007",
                Map.of("name", "张建国"), "worker:" + worker, "430981", null, null)).orElseThrow();
        assertThat(sender.dispatch(again)).isEqualTo(Outcome.SENT);
    }

    @Test
    void theSameEventIsQueuedOnceAndANumberThatIsNoMobileNotAtAll() {
        TextMessages.Outgoing out = new TextMessages.Outgoing(MessageKind.MATTER_ACCEPTED, "139 7411 0008",
                Map.of("number", "沅人社投〔2030〕1号"), "case:1", "430981", null, "test:case:1:ACCEPTED:0");
        assertThat(messages.queue(out)).isPresent();
        assertThat(messages.queue(out)).isEmpty();
        assertThat(messages.queue(new TextMessages.Outgoing(MessageKind.MATTER_ACCEPTED, "0737-4221234",
                Map.of("number", "x"), null, "430981", null, null))).isEmpty();
    }

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {

        private Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return BEIJING;
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
