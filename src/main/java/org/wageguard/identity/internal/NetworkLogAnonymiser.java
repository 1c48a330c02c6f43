package org.wageguard.identity.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.retention.ErasureSubject;
import org.wageguard.shared.retention.RecordAnonymiser;
import org.wageguard.shared.retention.RetentionCutoffs;
import org.wageguard.shared.retention.RetentionKind;

/**
 * The network logs' part of retention (《网络安全法》第二十一条第（三）项: kept not less than six months): a login or
 * operation log row past the cut-off loses the account name, the officer, the address and the browser; what was done,
 * to which record, when and with what result stays. The logs stay append-only otherwise: the database trigger lets
 * only this change through, only in a transaction that declares it ({@code wageguard.retention}), and only on rows
 * older than six months. The logs hold no worker's personal data, so a worker's deletion request finds nothing here.
 */
@Component
class NetworkLogAnonymiser implements RecordAnonymiser {

    private static final String DAY = "CAST(at AT TIME ZONE 'Asia/Shanghai' AS DATE)";

    private final JdbcClient jdbc;

    NetworkLogAnonymiser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<RetentionKind> kinds() {
        return Set.of(RetentionKind.NETWORK_LOG);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int anonymiseBefore(RetentionCutoffs cutoffs) {
        jdbc.sql("SELECT set_config('wageguard.retention', 'on', true)").query(String.class).single();
        RetentionCutoffs.Condition c = cutoffs.before(null, DAY);
        int rows = jdbc.sql("""
                UPDATE login_log SET username = :anon, officer_id = NULL, ip = NULL, user_agent = NULL, anonymised_at = now()
                 WHERE anonymised_at IS NULL AND\s""" + c.sql()).params(c.parameters()).param("anon", ANONYMISED)
                .update();
        rows += jdbc.sql("""
                UPDATE operation_log SET username = :anon, officer_id = NULL, ip = NULL, anonymised_at = now()
                 WHERE anonymised_at IS NULL AND\s""" + c.sql()).params(c.parameters()).param("anon", ANONYMISED)
                .update();
        jdbc.sql("SELECT set_config('wageguard.retention', 'off', true)").query(String.class).single();
        return rows;
    }

    @Override
    public Optional<LocalDate> latestOf(RetentionKind kind, ErasureSubject person) {
        return Optional.empty();
    }

    @Override
    public int anonymise(RetentionKind kind, ErasureSubject person) {
        return 0;
    }
}
