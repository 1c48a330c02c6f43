package org.wageguard.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.SensitiveData;
import org.wageguard.messaging.MessageKind;
import org.wageguard.messaging.SmsGateway;
import org.wageguard.shared.Rows;
import org.wageguard.shared.SharedMessages;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the queued notices: every few seconds ({@code wageguard.sms.dispatch-interval}) each message that is due goes
 * to the gateway in a transaction of its own, locked so that two instances never send it twice. A notice due at night
 * (the quiet hours, 22:00–08:00 Beijing time unless configured) waits for the morning; a phone that had its
 * {@code rate-per-phone} messages within the window waits until the window lets it through; a refusal is tried again
 * after the backoff, doubled each time, and after {@code max-attempts} the message is FAILED and the department that
 * answers for it is told by a notice.
 */
@Component
public class SmsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 100;

    /** What became of one message in one pass. */
    public enum Outcome { SENT, RETRY, FAILED, QUIET_HOURS, RATE_LIMITED, NO_GATEWAY, NOT_DUE }

    private final JdbcClient jdbc;
    private final SmsGateway gateway;
    private final SmsProperties properties;
    private final Clock clock;
    private final Notifications notifications;
    private final SensitiveData sensitive;
    private final TransactionTemplate transaction;

    SmsDispatcher(JdbcClient jdbc, SmsGateway gateway, SmsProperties properties, Clock clock,
            Notifications notifications, SensitiveData sensitive, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
        this.notifications = notifications;
        this.sensitive = sensitive;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The same dispatcher with another gateway, settings and clock (tests; a second platform). */
    public SmsDispatcher with(SmsGateway otherGateway, SmsProperties otherProperties, Clock otherClock) {
        return new SmsDispatcher(jdbc, otherGateway, otherProperties, otherClock, notifications, sensitive,
                transaction.getTransactionManager());
    }

    @Scheduled(fixedDelayString = "${wageguard.sms.dispatch-interval:PT15S}",
            initialDelayString = "${wageguard.sms.dispatch-interval:PT15S}")
    void dispatchDue() {
        List<Long> due = jdbc.sql("""
                SELECT id FROM sms_message WHERE status = 'QUEUED' AND next_attempt_at <= :now
                 ORDER BY next_attempt_at, id LIMIT :batch
                """).param("now", Timestamp.from(clock.instant())).param("batch", BATCH).query(Long.class).list();
        for (long id : due) {
            try {
                dispatch(id);
            } catch (RuntimeException e) {
                log.warn("短信 {} 发送处理出错：{}", id, e.toString());
            }
        }
    }

    record Queued(long id, String kind, String phoneCipher, String phoneHash, String phoneMasked, String templateId,
            String params, String body, int attempts, Long departmentId, String regionCode, Timestamp nextAttemptAt) {
    }

    /** One message, if it is still queued and due (and nobody else holds it). */
    public Outcome dispatch(long id) {
        return transaction.execute(status -> {
            Optional<Queued> found = jdbc.sql("""
                    SELECT id, kind, phone_cipher, phone_hash, phone_masked, template_id, params, body, attempts,
                           department_id, region_code, next_attempt_at
                      FROM sms_message WHERE id = :id AND status = 'QUEUED' FOR UPDATE SKIP LOCKED
                    """).param("id", id).query(Rows.of(Queued.class)).optional();
            if (found.isEmpty()) {
                return Outcome.NOT_DUE;
            }
            Queued m = found.get();
            Instant now = clock.instant();
            if (m.nextAttemptAt() != null && m.nextAttemptAt().toInstant().isAfter(now)) {
                return Outcome.NOT_DUE;
            }
            MessageKind kind = MessageKind.valueOf(m.kind());
            if (!kind.sentAtNight() && quiet(now)) {
                hold(id, morning(now), "QUIET_HOURS", now);
                return Outcome.QUIET_HOURS;
            }
            Optional<Instant> free = rateLimitedUntil(m.phoneHash(), now);
            if (free.isPresent()) {
                hold(id, free.get(), "RATE_LIMITED", now);
                return Outcome.RATE_LIMITED;
            }
            if (!gateway.configured()) {
                hold(id, now.plus(Duration.ofHours(1)), "NO_GATEWAY", now);
                return Outcome.NO_GATEWAY;
            }
            Map<String, String> params = JSON.readValue(m.params(), new TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
            SmsGateway.Answer answer = gateway.send(new SmsGateway.Sms(sensitive.decryptForProcessing(m.phoneCipher()),
                    kind, m.templateId(), params, m.body()));
            int attempts = m.attempts() + 1;
            if (answer.accepted()) {
                jdbc.sql("""
                        UPDATE sms_message SET status = 'SENT', reason = NULL, attempts = :a, gateway_answer = :answer,
                               sent_at = :now, next_attempt_at = NULL, updated_at = :now WHERE id = :id
                        """).param("a", attempts).param("answer", answer.detail()).param("now", Timestamp.from(now))
                        .param("id", id).update();
                return Outcome.SENT;
            }
            if (attempts >= properties.getMaxAttempts()) {
                jdbc.sql("""
                        UPDATE sms_message SET status = 'FAILED', reason = 'GATEWAY', attempts = :a,
                               gateway_answer = :answer, next_attempt_at = NULL, updated_at = :now WHERE id = :id
                        """).param("a", attempts).param("answer", answer.detail()).param("now", Timestamp.from(now))
                        .param("id", id).update();
                tellDepartment(m, kind, attempts, answer.detail());
                return Outcome.FAILED;
            }
            Duration wait = properties.getBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
            jdbc.sql("""
                    UPDATE sms_message SET reason = 'RETRY', attempts = :a, gateway_answer = :answer,
                           next_attempt_at = :next, updated_at = :now WHERE id = :id
                    """).param("a", attempts).param("answer", answer.detail()).param("next", Timestamp.from(now.plus(wait)))
                    .param("now", Timestamp.from(now)).param("id", id).update();
            return Outcome.RETRY;
        });
    }

    private void hold(long id, Instant until, String reason, Instant now) {
        jdbc.sql("UPDATE sms_message SET next_attempt_at = :next, reason = :reason, updated_at = :now WHERE id = :id")
                .param("next", Timestamp.from(until)).param("reason", reason).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    /** Within the quiet hours (a span over midnight when it starts later than it ends; none when both are equal). */
    boolean quiet(Instant now) {
        LocalTime t = now.atZone(properties.getZone()).toLocalTime();
        LocalTime from = properties.getQuietFrom();
        LocalTime until = properties.getQuietUntil();
        if (from.equals(until)) {
            return false;
        }
        return from.isAfter(until) ? !t.isBefore(from) || t.isBefore(until) : !t.isBefore(from) && t.isBefore(until);
    }

    /** The end of the quiet hours that {@code now} falls in. */
    Instant morning(Instant now) {
        ZonedDateTime z = now.atZone(properties.getZone());
        LocalDate day = z.toLocalTime().isBefore(properties.getQuietUntil()) ? z.toLocalDate() : z.toLocalDate().plusDays(1);
        return day.atTime(properties.getQuietUntil()).atZone(properties.getZone()).toInstant();
    }

    /** When the phone had its messages of the window already, the moment the oldest of them leaves the window. */
    private Optional<Instant> rateLimitedUntil(String phoneHash, Instant now) {
        List<Timestamp> sent = jdbc.sql("""
                SELECT sent_at FROM sms_message
                 WHERE phone_hash = :h AND status = 'SENT' AND kind <> 'ONE_TIME_CODE' AND sent_at > :since
                 ORDER BY sent_at
                """).param("h", phoneHash).param("since", Timestamp.from(now.minus(properties.getRateWindow())))
                .query(Timestamp.class).list();
        if (sent.size() < properties.getRatePerPhone()) {
            return Optional.empty();
        }
        return Optional.of(sent.get(sent.size() - properties.getRatePerPhone()).toInstant().plus(properties.getRateWindow()));
    }

    /** The department that answers for the message (else the region's leadership office) gets a notice. */
    private void tellDepartment(Queued m, MessageKind kind, int attempts, String answer) {
        Optional<Long> department = Optional.ofNullable(m.departmentId())
                .or(() -> m.regionCode() == null ? Optional.empty() : notifications.leadershipOffice(m.regionCode()));
        department.ifPresent(d -> notifications.send(d, "SMS_FAILED",
                SharedMessages.chinese("messages/messaging", "sms.failed.title",
                        SharedMessages.chinese("messages/messaging", "sms.kind." + kind.name()), m.phoneMasked()),
                SharedMessages.chinese("messages/messaging", "sms.failed.body", attempts, answer, m.body()),
                "/messaging/sms?status=FAILED"));
    }
}
