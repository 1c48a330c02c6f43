package org.wageguard.inspection;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;

/**
 * Campaigns, on-site inspections, findings and rectification orders: the inspection module's write side and
 * the rectification list. Every change is audited.
 */
@Service
public class Inspections {

    /** Decree 724 and the labor inspection rules: an on-site inspection is made by at least two inspectors. */
    public static final int MIN_INSPECTORS = 2;

    public enum CampaignKind { SPECIAL_ACTION, NATIONAL_PREPARATION, FOLLOW_UP }

    public enum OrderStatus { OPEN, RECTIFIED, ESCALATED }

    /** One answer to a checklist item: compliant or not, with the inspector's note. */
    public record Answer(long itemId, Boolean compliant, String note) {
    }

    /** A rectification order in the list, with whether its deadline has passed. */
    public record OrderRow(long id, String number, String responsibleParty, LocalDate issuedOn, LocalDate deadline,
            String status, String findingDescription, boolean overdue) {
    }

    private final JdbcClient jdbc;
    private final CaseIntake caseIntake;
    private final OperationLog operationLog;
    private final Clock clock;

    Inspections(JdbcClient jdbc, CaseIntake caseIntake, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.caseIntake = caseIntake;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    @Transactional
    public long createCampaign(String name, CampaignKind kind, LocalDate from, LocalDate to, long leadDepartmentId,
            List<Long> memberDepartmentIds, Long parentId) {
        if (to.isBefore(from)) {
            throw new InspectionRuleException("inspection.error.period");
        }
        long id = jdbc.sql("""
                INSERT INTO inspection_campaign (name, kind, period_from, period_to, lead_department_id, parent_id, created_by)
                VALUES (:name, :kind, :from, :to, :lead, :parent, :actor) RETURNING id
                """).param("name", name).param("kind", kind.name()).param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).param("lead", leadDepartmentId).param("parent", parentId)
                .param("actor", actor()).query(Long.class).single();
        for (long d : memberDepartmentIds) {
            jdbc.sql("INSERT INTO campaign_member (campaign_id, department_id) VALUES (:c, :d) ON CONFLICT DO NOTHING")
                    .param("c", id).param("d", d).update();
        }
        jdbc.sql("INSERT INTO campaign_template (campaign_id, template_id) SELECT :c, id FROM checklist_template WHERE enabled")
                .param("c", id).update();
        operationLog.record("INSPECTION_CAMPAIGN_CREATE", "inspection_campaign", id, "创建检查行动 " + name);
        return id;
    }

    @Transactional
    public long addProjectTarget(long campaignId, long projectId) {
        long id = jdbc.sql("""
                INSERT INTO campaign_target (campaign_id, project_id, department_id)
                SELECT :c, id, department_id FROM project WHERE id = :p RETURNING id
                """).param("c", campaignId).param("p", projectId).query(Long.class).single();
        operationLog.record("INSPECTION_TARGET_ADD", "inspection_campaign", campaignId, "加入检查对象（项目）" + projectId);
        return id;
    }

    @Transactional
    public long addEmployerTarget(long campaignId, long employerId) {
        long id = jdbc.sql("""
                INSERT INTO campaign_target (campaign_id, employer_id, department_id)
                SELECT :c, id, supervising_department_id FROM employer WHERE id = :e RETURNING id
                """).param("c", campaignId).param("e", employerId).query(Long.class).single();
        operationLog.record("INSPECTION_TARGET_ADD", "inspection_campaign", campaignId, "加入检查对象（单位）" + employerId);
        return id;
    }

    /** Records an on-site inspection; each non-compliant answer becomes a finding. */
    @Transactional
    public long inspect(long targetId, LocalDate on, String inspectors, List<Answer> answers, String note) {
        List<String> names = Arrays.stream(inspectors == null ? new String[0] : inspectors.split("[、,，\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (names.size() < MIN_INSPECTORS) {
            throw new InspectionRuleException("inspection.error.inspectors");
        }
        String kind = jdbc.sql("SELECT CASE WHEN project_id IS NULL THEN 'EMPLOYER' ELSE 'PROJECT' END FROM campaign_target WHERE id = :t")
                .param("t", targetId).query(String.class).single();
        long template = jdbc.sql("SELECT id FROM checklist_template WHERE target_kind = :k AND enabled ORDER BY id LIMIT 1")
                .param("k", kind).query(Long.class).single();
        long id = jdbc.sql("""
                INSERT INTO inspection (target_id, template_id, inspected_on, inspectors, note, created_by)
                VALUES (:t, :tpl, :on, :who, :note, :actor) RETURNING id
                """).param("t", targetId).param("tpl", template).param("on", Date.valueOf(on))
                .param("who", String.join("、", names)).param("note", note).param("actor", actor())
                .query(Long.class).single();
        for (Answer a : answers) {
            jdbc.sql("""
                    INSERT INTO inspection_answer (inspection_id, item_id, compliant, note)
                    SELECT :i, id, :ok, :note FROM checklist_item WHERE id = :item AND template_id = :tpl
                    """).param("i", id).param("item", a.itemId()).param("tpl", template).param("ok", a.compliant())
                    .param("note", a.note()).update();
            if (Boolean.FALSE.equals(a.compliant())) {
                String question = jdbc.sql("SELECT question FROM checklist_item WHERE id = :id").param("id", a.itemId())
                        .query(String.class).single();
                jdbc.sql("INSERT INTO inspection_finding (inspection_id, item_id, description) VALUES (:i, :item, :d)")
                        .param("i", id).param("item", a.itemId())
                        .param("d", a.note() == null || a.note().isBlank() ? question
                                : question.replaceAll("[？?]$", "") + "——" + a.note()).update();
            }
        }
        operationLog.record("INSPECTION_RECORD", "inspection", id, "现场检查，检查人员 " + String.join("、", names));
        return id;
    }

    /** Issues a rectification order for a finding, with the responsible party and a deadline. */
    @Transactional
    public long order(long findingId, String responsibleParty, int days) {
        LocalDate today = LocalDate.now(clock);
        long seq = jdbc.sql("SELECT count(*) + 1 FROM rectification_order WHERE EXTRACT(YEAR FROM issued_on) = :y")
                .param("y", today.getYear()).query(Long.class).single();
        String number = String.format("沅整改〔%d〕%04d号", today.getYear(), seq);
        long id = jdbc.sql("""
                INSERT INTO rectification_order (finding_id, number, responsible_party, issued_on, deadline)
                VALUES (:f, :n, :party, :on, :deadline) RETURNING id
                """).param("f", findingId).param("n", number).param("party", responsibleParty)
                .param("on", Date.valueOf(today)).param("deadline", Date.valueOf(today.plusDays(days)))
                .query(Long.class).single();
        operationLog.record("RECTIFICATION_ORDER", "rectification_order", id, "下达整改通知 " + number);
        return id;
    }

    /**
     * The second look: fixed closes the order; not fixed after the deadline escalates it and opens a case
     * (channel INSPECTION); not fixed before the deadline leaves it open.
     */
    @Transactional
    public OrderStatus reinspect(long orderId, boolean fixed, String note) {
        LocalDate today = LocalDate.now(clock);
        record Order(long findingId, LocalDate deadline, String status) {
        }
        Order o = jdbc.sql("SELECT finding_id, deadline, status FROM rectification_order WHERE id = :id")
                .param("id", orderId).query(Order.class).single();
        if (!OrderStatus.OPEN.name().equals(o.status())) {
            throw new InspectionRuleException("inspection.error.orderClosed");
        }
        OrderStatus next = fixed ? OrderStatus.RECTIFIED : today.isAfter(o.deadline()) ? OrderStatus.ESCALATED : OrderStatus.OPEN;
        jdbc.sql("UPDATE rectification_order SET status = :s, checked_on = :on, check_note = :note WHERE id = :id")
                .param("s", next.name()).param("on", Date.valueOf(today)).param("note", note).param("id", orderId).update();
        operationLog.record("RECTIFICATION_CHECK", "rectification_order", orderId, "回头看：" + next.name());
        if (next == OrderStatus.ESCALATED) {
            toCase(o.findingId());
        }
        return next;
    }

    /** Opens a case for a finding through casework's intake (channel INSPECTION); once per finding. */
    @Transactional
    public long toCase(long findingId) {
        record Finding(String description, Long caseId, Long projectId, Long employerId) {
        }
        Finding f = jdbc.sql("""
                SELECT f.description, f.case_id, t.project_id, COALESCE(t.employer_id, p.general_contractor_id) AS employer_id
                  FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                  JOIN campaign_target t ON t.id = i.target_id LEFT JOIN project p ON p.id = t.project_id
                 WHERE f.id = :id
                """).param("id", findingId).query(Finding.class).single();
        if (f.caseId() != null) {
            return f.caseId();
        }
        record Employer(String name, String regionCode, String industryCode) {
        }
        Employer e = jdbc.sql("SELECT name, region_code, industry_code FROM employer WHERE id = :id")
                .param("id", f.employerId()).query(Employer.class).single();
        long caseId = caseIntake.register(new Intake(Channel.INSPECTION, CaseKind.REPORT, null, null, true,
                f.employerId(), e.name(), f.projectId(), e.regionCode(), e.industryCode(), null, null,
                f.description(), List.of(), null, null));
        jdbc.sql("UPDATE inspection_finding SET case_id = :c WHERE id = :id").param("c", caseId).param("id", findingId).update();
        operationLog.record("INSPECTION_FINDING_CASE", "inspection_finding", findingId, "检查发现转为案件");
        return caseId;
    }

    /** Where an order's target lies and which department answers for it, for the officer's data scope. */
    static final org.wageguard.identity.ScopeColumns SCOPE = org.wageguard.identity.ScopeColumns.of(
            "r.region_code", "t.department_id", null, null, null);

    private static final String ORDERS_IN_SCOPE = """
              FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
              JOIN inspection i ON i.id = f.inspection_id JOIN campaign_target t ON t.id = i.target_id
              JOIN inspection_campaign c ON c.id = t.campaign_id
              LEFT JOIN project p ON p.id = t.project_id LEFT JOIN employer e ON e.id = t.employer_id
              CROSS JOIN LATERAL (SELECT COALESCE(p.region_code, e.region_code) AS region_code) r
             WHERE (%s OR c.lead_department_id = :myDept
                    OR EXISTS (SELECT 1 FROM campaign_member m WHERE m.campaign_id = c.id AND m.department_id = :myDept))
            """;

    /**
     * The rectification list an officer may see — orders on targets within their data scope, or of campaigns their
     * department leads or joins — overdue open orders first, then by deadline.
     */
    @Transactional(readOnly = true)
    public List<OrderRow> rectifications(org.wageguard.identity.DataScope scope, Long myDepartment) {
        LocalDate today = LocalDate.now(clock);
        var predicate = scope.predicate(SCOPE);
        java.util.Map<String, Object> params = new java.util.HashMap<>(predicate.parameters());
        params.put("today", Date.valueOf(today));
        params.put("myDept", myDepartment == null ? -1L : myDepartment);
        return jdbc.sql("""
                SELECT o.id, o.number, o.responsible_party, o.issued_on, o.deadline, o.status, f.description AS finding_description,
                       (o.status = 'OPEN' AND o.deadline < :today) AS overdue
                """ + ORDERS_IN_SCOPE.formatted(predicate.sql()) + """
                 ORDER BY (o.status = 'OPEN' AND o.deadline < :today) DESC, (o.status = 'OPEN') DESC, o.deadline, o.id
                """).params(params).query(OrderRow.class).list();
    }

    /** Whether the officer may see (and act on) the order. */
    @Transactional(readOnly = true)
    public boolean visible(long orderId, org.wageguard.identity.DataScope scope, Long myDepartment) {
        var predicate = scope.predicate(SCOPE);
        java.util.Map<String, Object> params = new java.util.HashMap<>(predicate.parameters());
        params.put("id", orderId);
        params.put("myDept", myDepartment == null ? -1L : myDepartment);
        return jdbc.sql("SELECT count(*)" + ORDERS_IN_SCOPE.formatted(predicate.sql()) + " AND o.id = :id")
                .params(params).query(Long.class).single() > 0;
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }
}
