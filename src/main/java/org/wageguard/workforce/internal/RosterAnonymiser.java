package org.wageguard.workforce.internal;

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
 * Real-name data's part of retention. Attendance rows hold no name: past their cut-off (by the work date) they are
 * marked, and no longer hold the worker's identity in place. A roster row past its cut-off (by the exit date, else
 * the last day on site, else the entry date) loses the name and the wage card. A worker whose every roster row and
 * attendance row is past its keeping loses the name, ID number (cipher, mask and blind index) and phone. Entry and
 * exit dates, days and hours stay; the worker's row stays, so counts of workers stay the same.
 */
@Component
class RosterAnonymiser implements RecordAnonymiser {

    private static final String EMPLOYMENT_END = """
            COALESCE(e.exit_date, (SELECT max(a.work_date) FROM attendance a
                                    WHERE a.worker_id = e.worker_id AND a.project_id = e.project_id AND a.current), e.entry_date)""";
    private static final String EMPLOYMENT = """
            UPDATE employment e SET worker_name = :anon, bank_card_cipher = '', bank_card_hash = 'anonymised-' || e.id,
                   bank_card_masked = :anon, bank_name = NULL, anonymised_at = now()
              FROM published_project p
             WHERE p.id = e.project_id AND e.anonymised_at IS NULL AND\s""";
    private static final String WORKER = """
            UPDATE worker w SET name = :anon, id_number_cipher = '', id_number_hash = 'anonymised-' || w.id,
                   id_number_masked = :anon, id_check = NULL, phone_cipher = NULL, phone_hash = NULL, anonymised_at = now()
             WHERE w.anonymised_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM employment e WHERE e.worker_id = w.id AND e.anonymised_at IS NULL)
               AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.worker_id = w.id AND a.anonymised_at IS NULL)
               AND EXISTS (SELECT 1 FROM employment e WHERE e.worker_id = w.id)""";

    private final JdbcClient jdbc;

    RosterAnonymiser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<RetentionKind> kinds() {
        return Set.of(RetentionKind.ATTENDANCE, RetentionKind.ROSTER);
    }

    @Override
    public int anonymiseBefore(RetentionCutoffs cutoffs) {
        if (cutoffs.kind() == RetentionKind.ATTENDANCE) {
            RetentionCutoffs.Condition c = cutoffs.before("p.region_code", "a.work_date");
            return jdbc.sql("""
                    UPDATE attendance a SET anonymised_at = now() FROM published_project p
                     WHERE p.id = a.project_id AND a.anonymised_at IS NULL AND\s""" + c.sql())
                    .params(c.parameters()).update();
        }
        RetentionCutoffs.Condition c = cutoffs.before("p.region_code", EMPLOYMENT_END);
        int rows = jdbc.sql(EMPLOYMENT + c.sql()).params(c.parameters()).param("anon", ANONYMISED).update();
        return rows + jdbc.sql(WORKER).param("anon", ANONYMISED).update();
    }

    @Override
    public Optional<LocalDate> latestOf(RetentionKind kind, ErasureSubject person) {
        String sql = kind == RetentionKind.ATTENDANCE
                ? "SELECT max(work_date) FROM attendance WHERE worker_id = :w AND anonymised_at IS NULL"
                : "SELECT max(" + EMPLOYMENT_END + ") FROM employment e WHERE e.worker_id = :w AND e.anonymised_at IS NULL";
        return jdbc.sql(sql).param("w", person.workerId()).query(LocalDate.class).list().stream()
                .filter(Objects::nonNull).findFirst();
    }

    @Override
    public int anonymise(RetentionKind kind, ErasureSubject person) {
        if (kind == RetentionKind.ATTENDANCE) {
            return jdbc.sql("UPDATE attendance SET anonymised_at = now() WHERE worker_id = :w AND anonymised_at IS NULL")
                    .param("w", person.workerId()).update();
        }
        int rows = jdbc.sql(EMPLOYMENT + "e.worker_id = :w").param("w", person.workerId()).param("anon", ANONYMISED)
                .update();
        return rows + jdbc.sql(WORKER + " AND w.id = :w").param("w", person.workerId()).param("anon", ANONYMISED)
                .update();
    }
}
