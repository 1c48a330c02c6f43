package org.wageguard.employer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.internal.ListingSql;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.shared.Rows;

/**
 * The employer register as other modules use it: look-ups by id and credit code, choices for select boxes within
 * a data scope, and the arrears standing that the wage-deposit rules read. Callers that show an employer to an
 * officer have checked scope on their own record (a project); {@link #choices} applies the scope itself.
 */
@Service
@Transactional(readOnly = true)
public class Employers {

    /** The employer table's scope columns under the alias {@code e}: no owner column. */
    public static final ScopeColumns SCOPE = ScopeColumns.of("e.region_code", "e.supervising_department_id",
            "e.credit_code", "e.grid_code", null);

    private static final String SUMMARY = """
            SELECT e.id, e.name, e.credit_code, e.type, e.industry_code, e.region_code, e.supervising_department_id,
                   %s AS blacklisted
              FROM employer e
            """.formatted(ListingSql.inForce(CreditListKind.BLACKLIST));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.wageguard.employer.internal.CreditRecords creditRecords;

    Employers(JdbcClient jdbc, Clock clock, org.wageguard.employer.internal.CreditRecords creditRecords) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.creditRecords = creditRecords;
    }

    /**
     * Arrears confirmed by a case (casework records them here): they feed the deposit rate and the credit
     * file. Returns the record's id.
     */
    @org.springframework.transaction.annotation.Transactional
    public long recordConfirmedArrears(long employerId, LocalDate confirmedOn, java.math.BigDecimal amount, int workers,
            String caseReference, String description) {
        return creditRecords.recordArrears(employerId, new org.wageguard.employer.internal.CreditRecords.NewArrears(
                confirmedOn, amount, workers, caseReference, description));
    }

    /**
     * A person listed with the employer (MOHRSS Decree 45 Art. 5, which lists the employer together with 法定代表人或者
     * 主要负责人、直接负责的主管人员和其他直接责任人员); the ID number only masked.
     */
    public record ListedPerson(String name, String role, String idNumberMasked) {
    }

    /** An employer outside construction that stopped or half-stopped while still employing workers (rule 14). */
    public record Halted(long id, String name, String creditCode, String industryCode, String regionCode,
            Long supervisingDepartmentId, String operatingStatus, int employeeCount) {
    }

    /**
     * Lists the employer on a credit list by a decision at the end of the procedure of MOHRSS Decree 45 (taken by
     * monitoring's credit procedure), with the persons listed with it (Art. 5: 法定代表人或者主要负责人、直接负责的主管人员和
     * 其他直接责任人员). The term follows from the kind (Art. 13); without a decision number the listing is refused.
     * Returns the listing's id.
     */
    @org.springframework.transaction.annotation.Transactional
    public long list(long employerId, CreditListKind kind, LocalDate decidedOn, String decisionNumber, String grounds,
            List<ListedPerson> persons) {
        long id = creditRecords.recordListing(employerId,
                new org.wageguard.employer.internal.CreditRecords.NewListing(kind, decidedOn, decisionNumber, grounds));
        for (ListedPerson p : persons) {
            jdbc.sql("""
                    INSERT INTO employer_listed_person (listing_id, name, role, id_number_masked)
                    VALUES (:l, :n, :r, :m)
                    """).param("l", id).param("n", p.name()).param("r", p.role()).param("m", p.idNumberMasked()).update();
        }
        return id;
    }

    /** Records the day a listing was published (公布). */
    @org.springframework.transaction.annotation.Transactional
    public void published(long listingId, LocalDate on) {
        jdbc.sql("UPDATE employer_credit_listing SET published_on = :d, updated_at = now() WHERE id = :id")
                .param("d", on).param("id", listingId).update();
    }

    /**
     * Ends a listing early (提前移出) on a day, under Decree 45 Art. 14 ({@link CreditRepair}): paid up on
     * {@code paidUpOn} while listed, six months on the list since, with the written pledge; otherwise
     * {@link CreditListingRefused}.
     */
    @org.springframework.transaction.annotation.Transactional
    public void removeEarly(long employerId, long listingId, LocalDate on, LocalDate paidUpOn, String pledge) {
        int version = jdbc.sql("SELECT version FROM employer_credit_listing WHERE id = :id AND employer_id = :e")
                .param("id", listingId).param("e", employerId).query(Integer.class).single();
        creditRecords.removeListing(employerId, listingId, version, on, paidUpOn, pledge);
    }

    public List<ListedPerson> listedPersons(long listingId) {
        return jdbc.sql("SELECT name, role, id_number_masked FROM employer_listed_person WHERE listing_id = :l ORDER BY id")
                .param("l", listingId).query(Rows.of(ListedPerson.class)).list();
    }

    /** Ids of employers on the list on a day. */
    public java.util.Set<Long> listedOn(CreditListKind kind, LocalDate day) {
        return new java.util.HashSet<>(jdbc.sql("SELECT e.id FROM employer e WHERE " + ListingSql.inForce(kind))
                .param("asOf", day).query(Long.class).list());
    }

    /** Employers outside construction (GB/T 4754 divisions 47–50) halted or half-running with employees on record. */
    public List<Halted> haltedWithWorkers() {
        return jdbc.sql("""
                SELECT e.id, e.name, e.credit_code, e.industry_code, e.region_code, e.supervising_department_id,
                       e.operating_status, e.employee_count
                  FROM employer e
                 WHERE e.operating_status IN ('HALTED', 'HALF_RUNNING') AND COALESCE(e.employee_count, 0) > 0
                   AND e.industry_code NOT IN ('47', '48', '49', '50')
                 ORDER BY e.name
                """).query(Rows.of(Halted.class)).list();
    }

    public Optional<EmployerSummary> find(long id) {
        return jdbc.sql(SUMMARY + " WHERE e.id = :id").param("id", id).param("asOf", today())
                .query(Employers::summary).optional();
    }

    public Optional<EmployerSummary> findByCreditCode(String creditCode) {
        if (creditCode == null || creditCode.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(SUMMARY + " WHERE e.credit_code = :code").param("code", creditCode.trim().toUpperCase())
                .param("asOf", today()).query(Employers::summary).optional();
    }

    /** Employers of the given types (all types if empty) within the scope, by name, for select boxes. */
    public List<EmployerSummary> choices(DataScope scope, Set<EmployerType> types) {
        ScopePredicate predicate = scope.predicate(SCOPE);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("asOf", today());
        String sql = SUMMARY + " WHERE " + predicate.sql() + " AND e.operating_status <> 'CLOSED'";
        if (types != null && !types.isEmpty()) {
            sql += " AND e.type IN (:types)";
            params.put("types", types.stream().map(Enum::name).toList());
        }
        return jdbc.sql(sql + " ORDER BY e.name, e.id").params(params).query(Employers::summary).list();
    }

    /** The employer's arrears standing on a day (Decree 724 Art. 32); an unknown id is an {@link IllegalArgumentException}. */
    public ArrearsStanding standing(long employerId, LocalDate asOf) {
        record Facts(LocalDate registeredOn, LocalDate lastArrears, boolean blacklisted) {
        }
        Facts facts = jdbc.sql("""
                SELECT e.registered_on,
                       (SELECT max(a.confirmed_on) FROM employer_arrears_record a
                         WHERE a.employer_id = e.id AND a.confirmed_on <= :asOf) AS last_arrears,
                       %s AS blacklisted
                  FROM employer e WHERE e.id = :id
                """.formatted(ListingSql.inForce(CreditListKind.BLACKLIST))).param("id", employerId).param("asOf", asOf).query(Rows.of(Facts.class))
                .optional().orElseThrow(() -> new IllegalArgumentException("No employer " + employerId));
        boolean recent = facts.lastArrears() != null && facts.lastArrears().isAfter(asOf.minusYears(2));
        LocalDate cleanSince = facts.lastArrears() != null ? facts.lastArrears() : facts.registeredOn();
        int years = cleanSince.isAfter(asOf) ? 0 : Period.between(cleanSince, asOf).getYears();
        return new ArrearsStanding(recent, facts.blacklisted(), Math.min(years, ArrearsStanding.MAX_CLEAN_YEARS));
    }

    /** Whether arrears of the employer were confirmed between two days (both included). */
    public boolean arrearsBetween(long employerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) > 0 FROM employer_arrears_record
                 WHERE employer_id = :id AND confirmed_on BETWEEN :from AND :to
                """).param("id", employerId).param("from", from).param("to", to).query(Boolean.class).single();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static EmployerSummary summary(ResultSet rs, int row) throws SQLException {
        long department = rs.getLong("supervising_department_id");
        Long departmentId = rs.wasNull() ? null : department;
        return new EmployerSummary(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                EmployerType.valueOf(rs.getString("type")), rs.getString("industry_code"), rs.getString("region_code"),
                departmentId, rs.getBoolean("blacklisted"));
    }
}
