package org.wageguard.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.SensitiveData;
import org.wageguard.messaging.internal.SmsProperties;
import org.wageguard.shared.Masking;
import org.wageguard.shared.SharedMessages;

import tools.jackson.databind.json.JsonMapper;

/**
 * The messages the system sends, and the people's choices about them. A notice is queued (and logged) here and sent by
 * the dispatcher, which holds it back at night, keeps to the rate limit per phone and retries it; a one-time code is
 * sent at once. Each message is one row of the message log, its phone masked, encrypted and hashed as every personal
 * number is.
 */
@Service
public class TextMessages {

    /** A notice to queue: the kind, the phone, the template's parameters in order, who it is for and who answers for it. */
    public record Outgoing(MessageKind kind, String phone, Map<String, String> params, String recipientRef,
            String regionCode, Long departmentId, String sourceKey) {

        public Outgoing {
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;
    private final SmsGateway gateway;
    private final SmsProperties properties;
    private final Clock clock;

    TextMessages(JdbcClient jdbc, SensitiveData sensitive, SmsGateway gateway, SmsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether codes can reach a phone at all (an SMS platform, or the demo's log). */
    public boolean codesCanBeSent() {
        return gateway.configured();
    }

    /** The text of a kind with its parameters, as the phone shows it (the signature first). */
    public String text(MessageKind kind, Map<String, String> params) {
        return "【" + properties.getSignName() + "】"
                + SharedMessages.chinese("messages/messaging", "sms.text." + kind.name(), params.values().toArray());
    }

    /** A valid mainland mobile number, digits only, or empty. */
    public static Optional<String> mobile(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return digits.matches("1[3-9]\\d{9}") ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Sends a one-time code now, day or night, and logs it without the code. Not retried: a code lives minutes, and the
     * visitor asks for another.
     *
     * @return whether the platform accepted it
     */
    @Transactional
    public boolean sendCode(String phone, String code, long minutesValid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("minutes", String.valueOf(minutesValid));
        String text = text(MessageKind.ONE_TIME_CODE, params);
        String logged = text.replace(code, "*".repeat(code.length()));
        Instant now = clock.instant();
        long id = insert(MessageKind.ONE_TIME_CODE, phone, Map.of(), logged, "QUEUED", null, null, null, null, now, null);
        SmsGateway.Answer answer = gateway.send(new SmsGateway.Sms(phone, MessageKind.ONE_TIME_CODE,
                properties.template(MessageKind.ONE_TIME_CODE), params, text));
        jdbc.sql("""
                UPDATE sms_message SET status = :status, reason = :reason, attempts = 1, gateway_answer = :answer,
                       sent_at = :sent, next_attempt_at = NULL, updated_at = :now WHERE id = :id
                """).param("status", answer.accepted() ? "SENT" : "FAILED")
                .param("reason", answer.accepted() ? null : "GATEWAY").param("answer", answer.detail())
                .param("sent", answer.accepted() ? Timestamp.from(now) : null).param("now", Timestamp.from(now))
                .param("id", id).update();
        return answer.accepted();
    }

    /**
     * Queues a notice; the dispatcher sends it. A worker who opted out of wage notices gets none: the message is logged
     * as SUPPRESSED (OPTED_OUT). The same source key is queued once only (an event delivered again sends nothing).
     *
     * @return the message's id, or empty when the phone is not a mobile number or the source key was queued before
     */
    @Transactional
    public Optional<Long> queue(Outgoing out) {
        Optional<String> phone = mobile(out.phone());
        if (phone.isEmpty()) {
            return Optional.empty();
        }
        boolean optedOut = out.kind().recipient() == MessageKind.Recipient.WORKER && out.recipientRef() != null
                && out.recipientRef().startsWith("worker:")
                && optedOut(Long.parseLong(out.recipientRef().substring("worker:".length())));
        Instant now = clock.instant();
        Long id = insert(out.kind(), phone.get(), out.params(), text(out.kind(), out.params()),
                optedOut ? "SUPPRESSED" : "QUEUED", optedOut ? "OPTED_OUT" : null, out.recipientRef(),
                out.regionCode(), out.departmentId(), optedOut ? null : now, out.sourceKey());
        return Optional.ofNullable(id);
    }

    private Long insert(MessageKind kind, String phone, Map<String, String> params, String body, String status,
            String reason, String recipientRef, String regionCode, Long departmentId, Instant nextAttempt,
            String sourceKey) {
        Instant now = clock.instant();
        return jdbc.sql("""
                INSERT INTO sms_message (kind, recipient_kind, recipient_ref, phone_masked, phone_cipher, phone_hash,
                    template_id, params, body, status, reason, next_attempt_at, region_code, department_id, source_key,
                    created_at, updated_at)
                VALUES (:kind, :recipient, :ref, :masked, :cipher, :hash, :template, :params, :body, :status, :reason,
                    :next, :region, :dept, :source, :now, :now)
                ON CONFLICT (source_key) DO NOTHING RETURNING id
                """).param("kind", kind.name()).param("recipient", kind.recipient().name()).param("ref", recipientRef)
                .param("masked", Masking.mobile(phone)).param("cipher", sensitive.encrypt(phone))
                .param("hash", sensitive.index(phone)).param("template", properties.template(kind))
                .param("params", JSON.writeValueAsString(params)).param("body", clip(body, 500))
                .param("status", status).param("reason", reason)
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt)).param("region", regionCode)
                .param("dept", departmentId).param("source", sourceKey).param("now", Timestamp.from(now))
                .query(Long.class).optional().orElse(null);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    // ---- a worker's opt-out of wage notices ---------------------------------------------------------------------

    public boolean optedOut(long workerId) {
        return jdbc.sql("SELECT count(*) FROM sms_worker_opt_out WHERE worker_id = :w").param("w", workerId)
                .query(Long.class).single() > 0;
    }

    /** The worker's own choice (on the portal, after the one-time code) or an officer's record of it. */
    @Transactional
    public void setOptOut(long workerId, boolean optOut, String by) {
        if (optOut) {
            jdbc.sql("""
                    INSERT INTO sms_worker_opt_out (worker_id, opted_out_by) VALUES (:w, :by) ON CONFLICT DO NOTHING
                    """).param("w", workerId).param("by", by).update();
        } else {
            jdbc.sql("DELETE FROM sms_worker_opt_out WHERE worker_id = :w").param("w", workerId).update();
        }
    }

    // ---- an officer's choice ------------------------------------------------------------------------------------

    /** What an officer chose to be told by text message (nothing unless chosen). */
    public record OfficerChoice(boolean assignments, boolean redAlerts) {
    }

    public OfficerChoice choiceOf(long officerId) {
        return jdbc.sql("SELECT assignments, red_alerts FROM sms_officer_preference WHERE officer_id = :o")
                .param("o", officerId).query((rs, n) -> new OfficerChoice(rs.getBoolean(1), rs.getBoolean(2)))
                .optional().orElse(new OfficerChoice(false, false));
    }

    @Transactional
    public void choose(long officerId, OfficerChoice choice) {
        jdbc.sql("""
                INSERT INTO sms_officer_preference (officer_id, assignments, red_alerts, updated_at)
                VALUES (:o, :a, :r, :now)
                ON CONFLICT (officer_id) DO UPDATE SET assignments = EXCLUDED.assignments,
                    red_alerts = EXCLUDED.red_alerts, updated_at = EXCLUDED.updated_at
                """).param("o", officerId).param("a", choice.assignments()).param("r", choice.redAlerts())
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
