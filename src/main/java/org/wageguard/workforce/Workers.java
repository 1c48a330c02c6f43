package org.wageguard.workforce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Checked;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.Masking;

/**
 * Workers: one person, identified by ID number, across every project. The number is stored encrypted with a blind
 * index of its normalised form (trimmed, check character upper-case); a number failing GB 11643 is kept as sent and
 * flagged with the failed check, never corrected (ARCHITECTURE rule 6).
 */
@Service
@Transactional(readOnly = true)
public class Workers {

    /** A worker as shown: the ID number masked. */
    public record Worker(long id, String name, String idNumberMasked, boolean idVerified, String idCheck) {
    }

    static final String UNNAMED = "（未登记姓名）";

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;

    Workers(JdbcClient jdbc, SensitiveData sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    /** The blind index of an ID number as FORMATS.md keys it. */
    public String hash(String idNumber) {
        return sensitive.index(IdNumber.parseLenient(idNumber).value());
    }

    /**
     * The worker with this ID number, registered on first sight. A name from a roster or pay sheet replaces an
     * earlier one (people correct their names); {@code null} keeps it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long identify(Checked<IdNumber> id, String name, String phone) {
        String hash = sensitive.index(id.value());
        String actor = CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
        Optional<Long> existing = jdbc.sql("SELECT id FROM worker WHERE id_number_hash = :h").param("h", hash)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            if (name != null || phone != null) {
                jdbc.sql("""
                        UPDATE worker SET name = COALESCE(:name, name), phone_cipher = COALESCE(:phone, phone_cipher),
                               phone_hash = COALESCE(:phoneHash, phone_hash), updated_at = now(), updated_by = :by
                         WHERE id = :id AND (name IS DISTINCT FROM COALESCE(:name, name)
                               OR phone_hash IS DISTINCT FROM COALESCE(:phoneHash, phone_hash))
                        """).param("id", existing.get()).param("name", name)
                        .param("phone", phone == null ? null : sensitive.encrypt(phone))
                        .param("phoneHash", phone == null ? null : sensitive.index(phone)).param("by", actor).update();
            }
            return existing.get();
        }
        return jdbc.sql("""
                INSERT INTO worker (id_number_cipher, id_number_hash, id_number_masked, id_verified, id_check, name,
                    phone_cipher, phone_hash, created_by, updated_by)
                VALUES (:cipher, :hash, :masked, :verified, :check, :name, :phone, :phoneHash, :by, :by)
                RETURNING id
                """).param("cipher", sensitive.encrypt(id.value())).param("hash", hash)
                .param("masked", Masking.idNumber(id.value())).param("verified", id.verified())
                .param("check", id.failure().map(f -> f.chineseMessage()).orElse(null))
                .param("name", name == null ? UNNAMED : name)
                .param("phone", phone == null ? null : sensitive.encrypt(phone))
                .param("phoneHash", phone == null ? null : sensitive.index(phone)).param("by", actor)
                .query(Long.class).single();
    }

    /** A worker if the scope covers at least one project the worker has current data on; otherwise absent. */
    public Optional<Worker> find(DataScope scope, long id) {
        Optional<Worker> worker = jdbc.sql("SELECT id, name, id_number_masked, id_verified, id_check FROM worker WHERE id = :id")
                .param("id", id).query(Workers::map).optional();
        return worker.filter(w -> !projectIdsInScope(scope, id).isEmpty());
    }

    /** For modules that have checked scope themselves (e.g. through the worker's pay sheets). */
    public Optional<Worker> summary(long id) {
        return jdbc.sql("SELECT id, name, id_number_masked, id_verified, id_check FROM worker WHERE id = :id")
                .param("id", id).query(Workers::map).optional();
    }

    /** A worker as the workers' portal verifies them: the phone on file in clear, only to send a one-time code to. */
    public record SelfService(long workerId, String name, String phone) {
    }

    /**
     * The worker with this ID number if the name given is the one on file, with the phone on file; empty otherwise
     * (the caller tells the visitor nothing either way).
     */
    public Optional<SelfService> selfService(String idNumber, String name) {
        if (idNumber == null || idNumber.isBlank() || name == null || name.isBlank()) {
            return Optional.empty();
        }
        String hash = sensitive.index(IdNumber.parseLenient(idNumber.trim()).value());
        return jdbc.sql("SELECT id, name, phone_cipher FROM worker WHERE id_number_hash = :h").param("h", hash)
                .query((rs, n) -> new SelfService(rs.getLong("id"), rs.getString("name"),
                        rs.getString("phone_cipher") == null ? null : sensitive.decryptForProcessing(rs.getString("phone_cipher"))))
                .optional().filter(w -> w.name().equals(name.trim()));
    }

    /** Every project with the worker's current roster or attendance rows, for the worker's own view. */
    public java.util.List<Long> projectIdsOf(long workerId) {
        return jdbc.sql("""
                SELECT p.id FROM published_project p
                 WHERE EXISTS (SELECT 1 FROM employment e WHERE e.project_id = p.id AND e.worker_id = :w AND e.current)
                    OR EXISTS (SELECT 1 FROM attendance a WHERE a.project_id = p.id AND a.worker_id = :w AND a.current)
                 ORDER BY p.code
                """).param("w", workerId).query(Long.class).list();
    }

    /** Projects with the worker's current roster or attendance rows that the scope covers. */
    public java.util.List<Long> projectIdsInScope(DataScope scope, long workerId) {
        var predicate = scope.predicate(org.wageguard.identity.ScopeColumns.of("p.region_code", "p.department_id",
                "p.contractor_code", null, null));
        var params = new java.util.HashMap<String, Object>(predicate.parameters());
        params.put("w", workerId);
        return jdbc.sql("""
                SELECT p.id FROM published_project p
                 WHERE (EXISTS (SELECT 1 FROM employment e WHERE e.project_id = p.id AND e.worker_id = :w AND e.current)
                     OR EXISTS (SELECT 1 FROM attendance a WHERE a.project_id = p.id AND a.worker_id = :w AND a.current))
                   AND """ + " " + predicate.sql() + " ORDER BY p.code").params(params).query(Long.class).list();
    }

    /** The full ID number, audited, if the scope covers the worker; the caller has checked the permission. */
    @Transactional
    public Optional<String> revealIdNumberInScope(DataScope scope, long workerId) {
        if (find(scope, workerId).isEmpty()) {
            return Optional.empty();
        }
        String cipher = jdbc.sql("SELECT id_number_cipher FROM worker WHERE id = :id").param("id", workerId)
                .query(String.class).single();
        return Optional.of(sensitive.reveal(cipher, "worker", workerId, "身份证号"));
    }

    /**
     * The full wage-card number the worker has on a project's roster (their latest period's), for the officer who must check it against the
     * bank's records; every view is written to the sensitive-data log.
     */
    @Transactional
    public Optional<String> revealCardInScope(DataScope scope, long workerId, long projectId) {
        if (find(scope, workerId).isEmpty() || !projectIdsInScope(scope, workerId).contains(projectId)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT bank_card_cipher FROM employment WHERE worker_id = :w AND project_id = :p AND current
                 ORDER BY entry_date DESC LIMIT 1""")
                .param("w", workerId).param("p", projectId).query(String.class).optional()
                .map(cipher -> sensitive.reveal(cipher, "worker", workerId, "工资卡号（项目 " + projectId + "）"));
    }

    private static Worker map(ResultSet rs, int n) throws SQLException {
        return new Worker(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
                rs.getBoolean("id_verified"), rs.getString("id_check"));
    }
}
