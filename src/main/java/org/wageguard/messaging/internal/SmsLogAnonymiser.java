package org.wageguard.messaging.internal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.shared.retention.ErasureSubject;
import org.wageguard.shared.retention.RecordAnonymiser;
import org.wageguard.shared.retention.RetentionCutoffs;
import org.wageguard.shared.retention.RetentionKind;

/**
 * The SMS log's part of retention: a message past its region's cut-off (a network log, kept at least six months,
 * 《网络安全法》第二十一条第（三）项) loses its phone — masked form, ciphertext and blind index — its template
 * parameters, its text and the gateway's answer. Kind, status, attempts and times stay, so the log's counts do not
 * change. A message still waiting to be sent is never anonymised.
 */
@Component
class SmsLogAnonymiser implements RecordAnonymiser {

    private static final String ANONYMISE = """
            UPDATE sms_message SET phone_masked = :anon, phone_cipher = '', phone_hash = '', params = '{}', body = :anon,
                   gateway_answer = NULL, anonymised_at = now()
             WHERE anonymised_at IS NULL AND status <> 'QUEUED' AND\s""";

    private final JdbcClient jdbc;

    SmsLogAnonymiser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<RetentionKind> kinds() {
        return Set.of(RetentionKind.SMS_LOG);
    }

    @Override
    public int anonymiseBefore(RetentionCutoffs cutoffs) {
        RetentionCutoffs.Condition c = cutoffs.before("region_code", "CAST(created_at AS DATE)");
        return jdbc.sql(ANONYMISE + c.sql()).params(c.parameters()).param("anon", ANONYMISED).update();
    }

    @Override
    public Optional<LocalDate> latestOf(RetentionKind kind, ErasureSubject person) {
        return jdbc.sql("""
                SELECT max(CAST(created_at AS DATE)) FROM sms_message WHERE recipient_ref = :ref AND anonymised_at IS NULL
                """).param("ref", "worker:" + person.workerId()).query(LocalDate.class).list().stream()
                .filter(Objects::nonNull).findFirst();
    }

    @Override
    public int anonymise(RetentionKind kind, ErasureSubject person) {
        return jdbc.sql(ANONYMISE + "recipient_ref = :ref").param("ref", "worker:" + person.workerId())
                .param("anon", ANONYMISED).update();
    }
}
