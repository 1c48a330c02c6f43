package org.wageguard.portal.internal;

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
 * The portal's verification records' part of retention: a one-time code past the cut-off loses its salt, hash and the
 * address it was asked from; a verification attempt loses the address and the blind index of the phone or ID number.
 * Times, actions and outcomes stay (they count in the portal's limits and statistics). These are the portal's network
 * log, kept at least six months (《网络安全法》第二十一条第（三）项).
 */
@Component
class PortalVerificationAnonymiser implements RecordAnonymiser {

    private static final String CODES = """
            UPDATE portal_wage_code SET salt = '', code_hash = '', client_address = :anon, anonymised_at = now()
             WHERE anonymised_at IS NULL AND\s""";
    private static final String ATTEMPTS = """
            UPDATE portal_attempt SET client_address = :anon, phone_hash = NULL, anonymised_at = now()
             WHERE anonymised_at IS NULL AND\s""";

    private final JdbcClient jdbc;

    PortalVerificationAnonymiser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<RetentionKind> kinds() {
        return Set.of(RetentionKind.PORTAL_VERIFICATION);
    }

    @Override
    public int anonymiseBefore(RetentionCutoffs cutoffs) {
        RetentionCutoffs.Condition codes = cutoffs.before(null, "CAST(created_at AS DATE)");
        RetentionCutoffs.Condition attempts = cutoffs.before(null, "CAST(at AS DATE)");
        return jdbc.sql(CODES + codes.sql()).params(codes.parameters()).param("anon", ANONYMISED).update()
                + jdbc.sql(ATTEMPTS + attempts.sql()).params(attempts.parameters()).param("anon", ANONYMISED).update();
    }

    @Override
    public Optional<LocalDate> latestOf(RetentionKind kind, ErasureSubject person) {
        return jdbc.sql("""
                SELECT max(day) FROM (
                  SELECT max(CAST(created_at AS DATE)) AS day FROM portal_wage_code WHERE worker_id = :w AND anonymised_at IS NULL
                  UNION ALL
                  SELECT max(CAST(at AS DATE)) FROM portal_attempt WHERE phone_hash = :h AND anonymised_at IS NULL) x
                """).param("w", person.workerId()).param("h", person.idNumberHash())
                .query(LocalDate.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public int anonymise(RetentionKind kind, ErasureSubject person) {
        return jdbc.sql(CODES + "worker_id = :w").param("w", person.workerId()).param("anon", ANONYMISED).update()
                + jdbc.sql(ATTEMPTS + "phone_hash = :h").param("h", person.idNumberHash()).param("anon", ANONYMISED)
                        .update();
    }
}
