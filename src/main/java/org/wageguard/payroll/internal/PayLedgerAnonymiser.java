package org.wageguard.payroll.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.shared.retention.ErasureSubject;
import org.wageguard.shared.retention.RecordAnonymiser;
import org.wageguard.shared.retention.RetentionCutoffs;
import org.wageguard.shared.retention.RetentionKind;

/**
 * The pay ledger's part of retention (《保障农民工工资支付条例》第十五条: 工资支付台账 kept at least 3 years): a pay-sheet
 * line past its region's cut-off (by its pay date) loses the worker's name; a disbursement (by its value date) loses
 * the payee's name, card and ID number with their blind indexes. Amounts, days and months stay.
 */
@Component
class PayLedgerAnonymiser implements RecordAnonymiser {

    private static final String LINE = """
            UPDATE payroll_line l SET worker_name = :anon, anonymised_at = now()
              FROM published_project p
             WHERE p.id = l.project_id AND l.anonymised_at IS NULL AND\s""";
    private static final String DISBURSEMENT = """
            UPDATE disbursement d SET payee_name = :anon, card_cipher = '', card_hash = 'anonymised-' || d.id,
                   card_masked = :anon, payee_id_cipher = NULL, payee_id_hash = NULL, anonymised_at = now()
              FROM published_project p
             WHERE p.id = d.project_id AND d.anonymised_at IS NULL AND\s""";

    private final JdbcClient jdbc;

    PayLedgerAnonymiser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<RetentionKind> kinds() {
        return Set.of(RetentionKind.PAY_LEDGER);
    }

    @Override
    public int anonymiseBefore(RetentionCutoffs cutoffs) {
        RetentionCutoffs.Condition lines = cutoffs.before("p.region_code", "l.pay_date");
        RetentionCutoffs.Condition paid = cutoffs.before("p.region_code", "d.value_date");
        return jdbc.sql(LINE + lines.sql()).params(lines.parameters()).param("anon", ANONYMISED).update()
                + jdbc.sql(DISBURSEMENT + paid.sql()).params(paid.parameters()).param("anon", ANONYMISED).update();
    }

    @Override
    public Optional<LocalDate> latestOf(RetentionKind kind, ErasureSubject person) {
        return jdbc.sql("""
                SELECT max(day) FROM (
                  SELECT max(pay_date) AS day FROM payroll_line WHERE worker_id = :w AND anonymised_at IS NULL
                  UNION ALL
                  SELECT max(value_date) FROM disbursement WHERE payee_id_hash = :h AND anonymised_at IS NULL) x
                """).param("w", person.workerId()).param("h", person.idNumberHash())
                .query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public int anonymise(RetentionKind kind, ErasureSubject person) {
        return jdbc.sql(LINE + "l.worker_id = :w").param("w", person.workerId()).param("anon", ANONYMISED).update()
                + jdbc.sql(DISBURSEMENT + "d.payee_id_hash = :h").param("h", person.idNumberHash())
                        .param("anon", ANONYMISED).update();
    }
}
