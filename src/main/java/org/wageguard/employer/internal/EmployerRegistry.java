package org.wageguard.employer.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;

/**
 * Writes employers: registration, edits guarded by the version the editor saw (a second editor is told, never
 * overwritten), and the import's insert-or-update by credit code. Every change goes to the operation log in the
 * same transaction.
 */
@Service
@Transactional
public class EmployerRegistry {

    /** Which optional columns an import file carried: a column left out of the file leaves the stored value alone. */
    public record Present(boolean address, boolean legalRepresentative, boolean contactPerson, boolean contactPhone,
            boolean laborIntensive, boolean keyEnterprise, boolean gridCode, boolean operatingStatus, boolean employeeCount) {

        public static final Present ALL = new Present(true, true, true, true, true, true, true, true, true);
    }

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;
    private final OperationLog operationLog;

    EmployerRegistry(JdbcClient jdbc, SensitiveData sensitive, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the credit code is already registered */
    public long register(EmployerDraft d) {
        long id = insert(d);
        operationLog.record("EMPLOYER_REGISTER", "employer", id, "登记用人单位 " + d.name() + " " + d.creditCode().value());
        return id;
    }

    /**
     * @param keepPhone keep the stored contact phone (the form never shows it in full, so an empty field means
     *                  "unchanged")
     * @throws org.wageguard.shared.StaleEditException when someone saved the employer after {@code version} was read
     */
    public void update(long id, int version, EmployerDraft d, boolean keepPhone) {
        Versioned.update(jdbc, "employer", """
                name = :name, credit_code = :code, industry_code = :industry, region_code = :region,
                    address = :address, legal_representative = :legal, contact_person = :contact,
                    contact_phone_cipher = CASE WHEN :keepPhone THEN contact_phone_cipher ELSE :phoneCipher END,
                    contact_phone_hash = CASE WHEN :keepPhone THEN contact_phone_hash ELSE :phoneHash END,
                    type = :type, labor_intensive = :laborIntensive, key_enterprise = :keyEnterprise, supervising_department_id = :dept,
                    grid_code = :grid, operating_status = :status, employee_count = :count""")
                .params(params(d)).param("keepPhone", keepPhone).by(actor()).existingRow(id, version);
        operationLog.record("EMPLOYER_UPDATE", "employer", id, "修改用人单位 " + d.name() + " " + d.creditCode().value());
    }

    /**
     * The import's write: a new credit code registers, a known one updates what the file carries. Unlike a form
     * there is no version to compare: the file is the later statement and the log keeps both.
     *
     * @return whether a new employer was registered
     */
    public boolean upsert(EmployerDraft d, Present present) {
        Long existing = jdbc.sql("SELECT id FROM employer WHERE credit_code = :code FOR UPDATE")
                .param("code", d.creditCode().value()).query(Long.class).optional().orElse(null);
        if (existing == null) {
            long id = insert(d);
            operationLog.record("EMPLOYER_IMPORT", "employer", id, "导入登记用人单位 " + d.name() + " " + d.creditCode().value());
            return true;
        }
        Versioned.update(jdbc, "employer", """
                name = :name, industry_code = :industry, region_code = :region, type = :type,
                    supervising_department_id = :dept,
                    address = CASE WHEN :hasAddress THEN :address ELSE address END,
                    legal_representative = CASE WHEN :hasLegal THEN :legal ELSE legal_representative END,
                    contact_person = CASE WHEN :hasContact THEN :contact ELSE contact_person END,
                    contact_phone_cipher = CASE WHEN :hasPhone THEN :phoneCipher ELSE contact_phone_cipher END,
                    contact_phone_hash = CASE WHEN :hasPhone THEN :phoneHash ELSE contact_phone_hash END,
                    labor_intensive = CASE WHEN :hasLabor THEN :laborIntensive ELSE labor_intensive END,
                    key_enterprise = CASE WHEN :hasKey THEN :keyEnterprise ELSE key_enterprise END,
                    grid_code = CASE WHEN :hasGrid THEN :grid ELSE grid_code END,
                    operating_status = CASE WHEN :hasStatus THEN :status ELSE operating_status END,
                    employee_count = CASE WHEN :hasCount THEN :count ELSE employee_count END""")
                .params(params(d)).by(actor())
                .param("hasAddress", present.address()).param("hasLegal", present.legalRepresentative())
                .param("hasContact", present.contactPerson()).param("hasPhone", present.contactPhone())
                .param("hasLabor", present.laborIntensive()).param("hasKey", present.keyEnterprise()).param("hasGrid", present.gridCode())
                .param("hasStatus", present.operatingStatus()).param("hasCount", present.employeeCount())
                .rowAtAnyVersion(existing);
        operationLog.record("EMPLOYER_IMPORT", "employer", existing, "导入更新用人单位 " + d.name() + " " + d.creditCode().value());
        return false;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Long> idOf(String creditCode) {
        return jdbc.sql("SELECT id FROM employer WHERE credit_code = :code").param("code", creditCode)
                .query(Long.class).optional();
    }

    private long insert(EmployerDraft d) {
        return jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, address, legal_representative,
                    contact_person, contact_phone_cipher, contact_phone_hash, type, labor_intensive, key_enterprise,
                    supervising_department_id, grid_code, operating_status, employee_count, created_by, updated_by)
                VALUES (:name, :code, :industry, :region, :address, :legal, :contact, :phoneCipher, :phoneHash, :type,
                    :laborIntensive, :keyEnterprise, :dept, :grid, :status, :count, :actor, :actor)
                RETURNING id
                """).params(params(d)).query(Long.class).single();
    }

    private Map<String, Object> params(EmployerDraft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name());
        p.put("code", d.creditCode().value());
        p.put("industry", d.industryCode());
        p.put("region", d.regionCode());
        p.put("address", d.address());
        p.put("legal", d.legalRepresentative());
        p.put("contact", d.contactPerson());
        p.put("phoneCipher", d.contactPhone() == null ? null : sensitive.encrypt(d.contactPhone().value()));
        p.put("phoneHash", d.contactPhone() == null ? null : sensitive.index(d.contactPhone().value()));
        p.put("type", d.type().name());
        p.put("laborIntensive", d.laborIntensive());
        p.put("keyEnterprise", d.keyEnterprise());
        p.put("dept", d.supervisingDepartmentId());
        p.put("grid", d.gridCode());
        p.put("status", d.operatingStatus().name());
        p.put("count", d.employeeCount());
        p.put("actor", actor());
        return p;
    }

    private static String actor() {
        return CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
    }
}
