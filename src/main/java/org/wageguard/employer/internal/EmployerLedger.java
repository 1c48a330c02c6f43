package org.wageguard.employer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.Employers;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.Listing;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Masking;
import org.wageguard.shared.RegionCode;

/**
 * The employer ledger (用人单位台账) as officers read it: searched, filtered, paged, exported, and one employer's
 * page — always within the reader's data scope, so that an employer outside it simply is not there.
 */
@Service
@Transactional(readOnly = true)
public class EmployerLedger {

    /** Search and filters of the list; {@code null} or blank means "any". */
    public record Filter(String keyword, EmployerType type, String industryCode, Long departmentId,
            OperatingStatus status, String regionCode, Boolean keyEnterprise) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null, null);
    }

    /** One employer as the list, the detail page and the export show it; the phone only masked. */
    public record EmployerView(long id, String name, String creditCode, EmployerType type, String industryCode,
            String industryName, String regionCode, String regionName, String address, String legalRepresentative,
            String contactPerson, String contactPhoneMasked, boolean laborIntensive, boolean keyEnterprise, long supervisingDepartmentId,
            String departmentName, String gridCode, OperatingStatus operatingStatus, Integer employeeCount,
            LocalDate registeredOn, int version, boolean blacklisted, boolean keyAttention, LocalDate lastArrears) {
    }

    private static final String SELECT = """
            SELECT e.id, e.name, e.credit_code, e.type, e.industry_code, s.name AS industry_name, e.region_code,
                   r.name AS region_name, e.address, e.legal_representative, e.contact_person, e.contact_phone_cipher,
                   e.labor_intensive, e.key_enterprise, e.supervising_department_id, d.name AS department_name, e.grid_code,
                   e.operating_status, e.employee_count, e.registered_on, e.version,
                   %s AS blacklisted, %s AS key_attention,
                   (SELECT max(a.confirmed_on) FROM employer_arrears_record a WHERE a.employer_id = e.id) AS last_arrears
              FROM employer e
              JOIN industry_sector s ON s.code = e.industry_code
              JOIN region r ON r.code = e.region_code
              JOIN department d ON d.id = e.supervising_department_id
            """.formatted(ListingSql.inForce(CreditListKind.BLACKLIST), ListingSql.inForce(CreditListKind.KEY_ATTENTION));

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;
    private final Clock clock;

    EmployerLedger(JdbcClient jdbc, SensitiveData sensitive, Clock clock) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.clock = clock;
    }

    public Listing<EmployerView> list(DataScope scope, Filter filter, int page, int size, IntFunction<String> linker) {
        Where where = where(scope, filter);
        long total = jdbc.sql("SELECT count(*) FROM employer e" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<EmployerView> rows = jdbc.sql(SELECT + where.sql() + " ORDER BY e.name, e.id LIMIT :limit OFFSET :offset")
                .params(where.params()).param("asOf", LocalDate.now(clock)).param("limit", size)
                .param("offset", Listing.offset(page, size)).query(this::map).list();
        return new Listing<>(rows, total, Math.max(1, page), size, linker);
    }

    /** Every employer matching, for the Excel ledger (a county has hundreds, a province tens of thousands). */
    public List<EmployerView> all(DataScope scope, Filter filter) {
        Where where = where(scope, filter);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY e.name, e.id").params(where.params())
                .param("asOf", LocalDate.now(clock)).query(this::map).list();
    }

    public Optional<EmployerView> find(DataScope scope, long id) {
        ScopePredicate predicate = scope.predicate(Employers.SCOPE);
        return jdbc.sql(SELECT + " WHERE e.id = :id AND " + predicate.sql()).params(predicate.parameters())
                .param("id", id).param("asOf", LocalDate.now(clock)).query(this::map).optional();
    }

    record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(DataScope scope, Filter filter) {
        ScopePredicate predicate = scope.predicate(Employers.SCOPE);
        StringBuilder sql = new StringBuilder(" WHERE ").append(predicate.sql());
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            sql.append(" AND (e.name ILIKE :kw OR e.credit_code ILIKE :kw)");
            params.put("kw", "%" + filter.keyword().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.type() != null) {
            sql.append(" AND e.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.industryCode() != null && !filter.industryCode().isBlank()) {
            sql.append(" AND e.industry_code = :industry");
            params.put("industry", filter.industryCode());
        }
        if (filter.departmentId() != null) {
            sql.append(" AND e.supervising_department_id = :dept");
            params.put("dept", filter.departmentId());
        }
        if (filter.status() != null) {
            sql.append(" AND e.operating_status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            sql.append(" AND e.region_code LIKE :regionPrefix");
            params.put("regionPrefix", RegionCode.of(filter.regionCode().trim()).subtreePrefix() + "%");
        }
        if (Boolean.TRUE.equals(filter.keyEnterprise())) {
            sql.append(" AND e.key_enterprise");
        }
        return new Where(sql.toString(), params);
    }

    private EmployerView map(ResultSet rs, int row) throws SQLException {
        String cipher = rs.getString("contact_phone_cipher");
        java.sql.Date last = rs.getDate("last_arrears");
        int count = rs.getInt("employee_count");
        Integer employees = rs.wasNull() ? null : count;
        return new EmployerView(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                EmployerType.valueOf(rs.getString("type")), rs.getString("industry_code"), rs.getString("industry_name"),
                rs.getString("region_code"), rs.getString("region_name"), rs.getString("address"),
                rs.getString("legal_representative"), rs.getString("contact_person"),
                cipher == null ? null : Masking.mobile(sensitive.decryptForProcessing(cipher)),
                rs.getBoolean("labor_intensive"), rs.getBoolean("key_enterprise"), rs.getLong("supervising_department_id"),
                rs.getString("department_name"), rs.getString("grid_code"),
                OperatingStatus.valueOf(rs.getString("operating_status")), employees,
                rs.getDate("registered_on").toLocalDate(), rs.getInt("version"), rs.getBoolean("blacklisted"),
                rs.getBoolean("key_attention"), last == null ? null : last.toLocalDate());
    }
}
