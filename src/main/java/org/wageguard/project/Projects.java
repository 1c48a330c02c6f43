package org.wageguard.project;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.employer.Employers;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.Listing;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.identity.SensitiveData;

/**
 * Projects under construction: registration, editing with optimistic locking, and reading within a data
 * scope (an industry officer sees their department's projects, a contractor its own, the leadership office
 * and inspectors the region).
 */
@Service
@Transactional(readOnly = true)
public class Projects {

    static final ScopeColumns COLUMNS = ScopeColumns.of("p.region_code", "p.department_id", "p.contractor_code",
            null, null);

    public record Filter(String keyword, Long departmentId, ProjectStatus status, String regionCode) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    static final String SELECT = """
            SELECT p.id, p.code, p.name, p.region_code, r.name AS region_name, p.department_id,
                   d.name AS department_name, p.owner_id, o.name AS owner_name, p.general_contractor_id,
                   g.name AS general_contractor_name, p.contractor_code, p.address, p.wage_officer_name,
                   p.government_invested, p.contract_value, p.planned_labor_cost, p.contract_date, p.start_date,
                   p.planned_completion, p.status, p.version, p.industry_code, s.name AS industry_name
              FROM project p JOIN region r ON r.code = p.region_code
              LEFT JOIN industry_sector s ON s.code = p.industry_code
              JOIN department d ON d.id = p.department_id
              JOIN published_employer o ON o.id = p.owner_id
              JOIN published_employer g ON g.id = p.general_contractor_id
            """;

    /** The sectors a construction project may belong to: GB/T 4754-2017 section E 建筑业, divisions 47–50. */
    public static final java.util.Set<String> CONSTRUCTION_DIVISIONS = java.util.Set.of("47", "48", "49", "50");

    private final JdbcClient jdbc;
    private final Employers employers;
    private final SensitiveData sensitive;
    private final OperationLog operationLog;
    private final ComplianceItems compliance;

    Projects(JdbcClient jdbc, Employers employers, SensitiveData sensitive, OperationLog operationLog,
            ComplianceItems compliance) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
        this.compliance = compliance;
    }

    /** A project if the scope covers it: out of scope reads as absent. */
    public Optional<ProjectSummary> find(DataScope scope, long id) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("id", id);
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + predicate.sql()).params(params).query(Projects::map)
                .optional();
    }

    /** For other modules that hold a typed id and have checked scope themselves. */
    public Optional<ProjectSummary> summary(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(Projects::map).optional();
    }

    public Optional<ProjectSummary> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE p.code = :code").param("code", code).query(Projects::map).optional();
    }

    public Listing<ProjectSummary> list(DataScope scope, Filter filter, int page, int size, IntFunction<String> linker) {
        Where where = where(scope, filter);
        long total = jdbc.sql("SELECT count(*) FROM project p" + where.sql()).params(where.params()).query(Long.class)
                .single();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", Listing.offset(page, size));
        List<ProjectSummary> rows = jdbc.sql(SELECT + where.sql() + " ORDER BY p.code LIMIT :limit OFFSET :offset")
                .params(params).query(Projects::map).list();
        return new Listing<>(rows, total, Math.max(1, page), size, linker);
    }

    /** All projects matching, for the matrix and its export (a county has dozens to hundreds). */
    public List<ProjectSummary> all(DataScope scope, Filter filter) {
        Where where = where(scope, filter);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY p.code").params(where.params()).query(Projects::map).list();
    }

    /** Every project not yet completed, in every region: what early warning evaluates each night. */
    public List<ProjectSummary> underWay() {
        return jdbc.sql(SELECT + " WHERE p.status IN ('UNDER_CONSTRUCTION', 'SUSPENDED') ORDER BY p.code")
                .query(Projects::map).list();
    }

    record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(DataScope scope, Filter filter) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        StringBuilder sql = new StringBuilder(" WHERE ").append(predicate.sql());
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            sql.append(" AND (p.code ILIKE :kw OR p.name ILIKE :kw)");
            params.put("kw", "%" + filter.keyword().trim() + "%");
        }
        if (filter.departmentId() != null) {
            sql.append(" AND p.department_id = :dept");
            params.put("dept", filter.departmentId());
        }
        if (filter.status() != null) {
            sql.append(" AND p.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            sql.append(" AND p.region_code LIKE :regionPrefix");
            params.put("regionPrefix", filter.regionCode() + "%");
        }
        return new Where(sql.toString(), params);
    }

    @Transactional
    public long register(ProjectDraft d) {
        String contractorCode = employers.find(d.generalContractorId())
                .orElseThrow(() -> new IllegalArgumentException("unknown contractor")).creditCode();
        long id = jdbc.sql("""
                INSERT INTO project (code, name, region_code, department_id, owner_id, general_contractor_id,
                    contractor_code, address, wage_officer_name, wage_officer_phone, government_invested,
                    contract_value, planned_labor_cost, contract_date, start_date, planned_completion, status,
                    industry_code, created_by, updated_by)
                VALUES (:code, :name, :region, :dept, :owner, :gc, :gcCode, :address, :officer, :phone, :gov,
                    :value, :labor, :contractDate, :start, :completion, :status, :industry, :actor, :actor)
                RETURNING id
                """).params(params(d)).param("gcCode", contractorCode).param("code", d.code().trim())
                .query(Long.class).single();
        compliance.open(id);
        operationLog.record("PROJECT_REGISTER", "project", id, "登记在建项目 " + d.code() + " " + d.name());
        return id;
    }

    @Transactional
    public void update(long id, int version, ProjectDraft d) {
        String contractorCode = employers.find(d.generalContractorId())
                .orElseThrow(() -> new IllegalArgumentException("unknown contractor")).creditCode();
        boolean saved = Versioned.update(jdbc, "project", """
                name = :name, region_code = :region, department_id = :dept, owner_id = :owner,
                    general_contractor_id = :gc, contractor_code = :gcCode, address = :address,
                    wage_officer_name = :officer, wage_officer_phone = COALESCE(:phone, wage_officer_phone),
                    government_invested = :gov, contract_value = :value, planned_labor_cost = :labor,
                    contract_date = :contractDate, start_date = :start, planned_completion = :completion,
                    status = :status, industry_code = COALESCE(:industry, industry_code)""").params(params(d)).param("gcCode", contractorCode).by(CurrentOfficer.find().map(o -> o.username()).orElse("system")).row(id, version);
        if (!saved) {
            throw new IllegalArgumentException("unknown project " + id);
        }
        compliance.reevaluate(id);
        operationLog.record("PROJECT_UPDATE", "project", id, "修改在建项目 " + d.name());
    }

    /** Projects under way in a region by one general contractor (the deposit's multi-project rule). */
    public int underWayByContractor(long generalContractorId, String regionPrefix) {
        return jdbc.sql("""
                SELECT count(*) FROM project WHERE general_contractor_id = :gc AND status = 'UNDER_CONSTRUCTION'
                   AND region_code LIKE :prefix
                """).param("gc", generalContractorId).param("prefix", regionPrefix + "%").query(Integer.class).single();
    }

    public String wageOfficerPhoneMasked(long id) {
        String cipher = jdbc.sql("SELECT wage_officer_phone FROM project WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        return cipher == null ? null : org.wageguard.shared.Masking.mobile(sensitive.decryptForProcessing(cipher));
    }

    private Map<String, Object> params(ProjectDraft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name().trim());
        p.put("region", d.regionCode());
        p.put("dept", d.departmentId());
        p.put("owner", d.ownerId());
        p.put("gc", d.generalContractorId());
        p.put("address", d.address());
        p.put("officer", d.wageOfficerName());
        p.put("phone", d.wageOfficerPhone() == null ? null : sensitive.encrypt(d.wageOfficerPhone().value()));
        p.put("gov", d.governmentInvested());
        p.put("value", d.contractValue());
        p.put("labor", d.plannedLaborCost());
        p.put("contractDate", Date.valueOf(d.contractDate()));
        p.put("start", d.startDate() == null ? null : Date.valueOf(d.startDate()));
        p.put("completion", d.plannedCompletion() == null ? null : Date.valueOf(d.plannedCompletion()));
        p.put("status", d.status().name());
        p.put("industry", d.industryCode() == null || d.industryCode().isBlank() ? null : d.industryCode());
        p.put("actor", CurrentOfficer.find().map(o -> o.username()).orElse("system"));
        return p;
    }

    static ProjectSummary map(ResultSet rs, int row) throws SQLException {
        Date start = rs.getDate("start_date");
        Date completion = rs.getDate("planned_completion");
        return new ProjectSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("region_code"), rs.getString("region_name"), rs.getLong("department_id"),
                rs.getString("department_name"), rs.getLong("owner_id"), rs.getString("owner_name"),
                rs.getLong("general_contractor_id"), rs.getString("general_contractor_name"),
                rs.getString("contractor_code"), rs.getString("address"), rs.getString("wage_officer_name"),
                rs.getBoolean("government_invested"), rs.getBigDecimal("contract_value"),
                rs.getBigDecimal("planned_labor_cost"), rs.getDate("contract_date").toLocalDate(),
                start == null ? null : start.toLocalDate(), completion == null ? null : completion.toLocalDate(),
                ProjectStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getString("industry_code"),
                rs.getString("industry_name"));
    }
}
