package org.wageguard.casework.internal;

import java.time.Clock;
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
 * Casework's part of retention. A case file ({@link RetentionKind#CASE_FILE}: filed, 立案) or a clue
 * ({@link RetentionKind#CLUE}: a complaint or report never filed) closed before its region's cut-off loses the
 * complainant's name and phone, the description, and the names and ID numbers (with their blind indexes) of its
 * claimant workers and liable persons. Amounts claimed, confirmed and paid, the number of workers, dates, status and
 * outcome stay, so every statistic of cases stays the same. Open cases are never touched.
 */
@Component
class CaseFileAnonymiser implements RecordAnonymiser {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseFileAnonymiser(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<RetentionKind> kinds() {
        return Set.of(RetentionKind.CASE_FILE, RetentionKind.CLUE);
    }

    private static String filed(RetentionKind kind) {
        return kind == RetentionKind.CASE_FILE ? "c.filed_on IS NOT NULL" : "c.filed_on IS NULL";
    }

    @Override
    public int anonymiseBefore(RetentionCutoffs cutoffs) {
        RetentionCutoffs.Condition c = cutoffs.before("c.region_code", "c.closed_on");
        java.util.List<Long> ids = jdbc.sql("SELECT c.id FROM case_file c WHERE c.anonymised_at IS NULL AND c.closed_on IS NOT NULL AND "
                + filed(cutoffs.kind()) + " AND " + c.sql()).params(c.parameters()).query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("UPDATE case_claimant SET name = :anon, id_number = NULL, id_number_hash = NULL WHERE case_id IN (:ids)")
                .param("anon", ANONYMISED).param("ids", ids).update();
        jdbc.sql("UPDATE case_person SET name = :anon, id_number = NULL, id_number_hash = NULL WHERE case_id IN (:ids)")
                .param("anon", ANONYMISED).param("ids", ids).update();
        return jdbc.sql("""
                UPDATE case_file SET complainant_name = NULL, complainant_phone = NULL, description = :anon,
                       anonymised_at = now() WHERE id IN (:ids)
                """).param("anon", ANONYMISED).param("ids", ids).update();
    }

    @Override
    public Optional<LocalDate> latestOf(RetentionKind kind, ErasureSubject person) {
        return jdbc.sql("SELECT max(COALESCE(c.closed_on, CAST(:today AS DATE))) FROM case_file c"
                + " JOIN case_claimant k ON k.case_id = c.id WHERE k.id_number_hash = :h AND " + filed(kind))
                .param("today", LocalDate.now(clock)).param("h", person.idNumberHash())
                .query(LocalDate.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public int anonymise(RetentionKind kind, ErasureSubject person) {
        java.util.List<Long> ids = jdbc.sql("SELECT c.id FROM case_file c JOIN case_claimant k ON k.case_id = c.id"
                + " WHERE k.id_number_hash = :h AND " + filed(kind)).param("h", person.idNumberHash())
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        // The complainant is the worker when the complainant's name is the claimant's (a worker complaining alone).
        jdbc.sql("""
                UPDATE case_file c SET complainant_name = NULL, complainant_phone = NULL
                  FROM case_claimant k WHERE k.case_id = c.id AND k.id_number_hash = :h AND c.complainant_name = k.name
                """).param("h", person.idNumberHash()).update();
        return jdbc.sql("UPDATE case_claimant SET name = :anon, id_number = NULL, id_number_hash = NULL"
                + " WHERE id_number_hash = :h AND case_id IN (:ids)")
                .param("anon", ANONYMISED).param("h", person.idNumberHash()).param("ids", ids).update();
    }
}
