package org.wageguard.inspection;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.DocumentNumbers;
import org.wageguard.casework.Intake;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OperationLog;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.shared.Rows;

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

    /** The largest photo accepted from the site (as the project's evidence files). */
    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

    /** One answer to a checklist item: compliant, not compliant or not applicable ({@code null}), with a note. */
    public record Answer(long itemId, Boolean compliant, String note, String value) {
        public Answer(long itemId, Boolean compliant, String note) {
            this(itemId, compliant, note, null);
        }
    }

    /** A photo taken on site for one checklist item. */
    public record Photo(long itemId, String fileName, byte[] content) {
    }

    /** A rectification order in the list, with whether its deadline has passed. */
    public record OrderRow(long id, String number, String responsibleParty, LocalDate issuedOn, LocalDate deadline,
            String status, String findingDescription, boolean overdue, Long caseId, String targetName, int version) {
    }

    private final JdbcClient jdbc;
    private final CaseIntake caseIntake;
    private final OperationLog operationLog;
    private final Clock clock;
    private final ComplianceItems compliance;
    private final Notifications notifications;
    private final DocumentNumbers documentNumbers;

    /** The document kind of a rectification notice in casework's numbering ({@code case.doc.number.RECTIFICATION}). */
    static final String RECTIFICATION = "RECTIFICATION";

    Inspections(JdbcClient jdbc, CaseIntake caseIntake, OperationLog operationLog, Clock clock,
            ComplianceItems compliance, Notifications notifications, DocumentNumbers documentNumbers) {
        this.jdbc = jdbc;
        this.documentNumbers = documentNumbers;
        this.caseIntake = caseIntake;
        this.operationLog = operationLog;
        this.clock = clock;
        this.compliance = compliance;
        this.notifications = notifications;
    }

    @Transactional
    public long createCampaign(String name, CampaignKind kind, LocalDate from, LocalDate to, long leadDepartmentId,
            List<Long> memberDepartmentIds, Long parentId) {
        return createCampaign(name, kind, from, to, leadDepartmentId, memberDepartmentIds, parentId, List.of());
    }

    /** A campaign using the given checklist templates (every enabled template when none is given). */
    @Transactional
    public long createCampaign(String name, CampaignKind kind, LocalDate from, LocalDate to, long leadDepartmentId,
            List<Long> memberDepartmentIds, Long parentId, List<Long> templateIds) {
        if (name == null || name.isBlank()) {
            throw new InspectionRuleException("inspection.error.name");
        }
        if (from == null || to == null || to.isBefore(from)) {
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
        if (templateIds == null || templateIds.isEmpty()) {
            jdbc.sql("INSERT INTO campaign_template (campaign_id, template_id) SELECT :c, id FROM checklist_template WHERE enabled")
                    .param("c", id).update();
        } else {
            jdbc.sql("INSERT INTO campaign_template (campaign_id, template_id) SELECT :c, id FROM checklist_template WHERE id IN (:t)")
                    .param("c", id).param("t", templateIds).update();
        }
        operationLog.record("INSPECTION_CAMPAIGN_CREATE", "inspection_campaign", id, "创建检查行动 " + name);
        return id;
    }

    /** A department joins the campaign's joint team after it started. */
    @Transactional
    public void addMember(long campaignId, long departmentId) {
        int added = jdbc.sql("INSERT INTO campaign_member (campaign_id, department_id) VALUES (:c, :d) ON CONFLICT DO NOTHING")
                .param("c", campaignId).param("d", departmentId).update();
        if (added > 0) {
            operationLog.record("INSPECTION_MEMBER_ADD", "inspection_campaign", campaignId, "联合检查组增加成员部门 " + departmentId);
        }
    }

    @Transactional
    public long addProjectTarget(long campaignId, long projectId) {
        long id = jdbc.sql("""
                INSERT INTO campaign_target (campaign_id, project_id, department_id)
                SELECT :c, id, department_id FROM published_project WHERE id = :p RETURNING id
                """).param("c", campaignId).param("p", projectId).query(Long.class).single();
        operationLog.record("INSPECTION_TARGET_ADD", "inspection_campaign", campaignId, "加入检查对象（项目）" + projectId);
        return id;
    }

    @Transactional
    public long addEmployerTarget(long campaignId, long employerId) {
        long id = jdbc.sql("""
                INSERT INTO campaign_target (campaign_id, employer_id, department_id)
                SELECT :c, id, supervising_department_id FROM published_employer WHERE id = :e RETURNING id
                """).param("c", campaignId).param("e", employerId).query(Long.class).single();
        operationLog.record("INSPECTION_TARGET_ADD", "inspection_campaign", campaignId, "加入检查对象（单位）" + employerId);
        return id;
    }

    /** Records an on-site inspection; each non-compliant answer becomes a finding. */
    @Transactional
    public long inspect(long targetId, LocalDate on, String inspectors, List<Answer> answers, String note) {
        return inspect(targetId, on, inspectors, answers, note, List.of());
    }

    /**
     * Records an on-site inspection with its photos (JPEG or PNG by content, at most 10 MB each); each
     * non-compliant answer becomes a finding, and on a project each answered item that the project's compliance
     * items know is recorded there as the inspection's observation.
     */
    @Transactional
    public long inspect(long targetId, LocalDate on, String inspectors, List<Answer> answers, String note,
            List<Photo> photos) {
        List<String> names = Arrays.stream(inspectors == null ? new String[0] : inspectors.split("[、,，;；\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (names.size() < MIN_INSPECTORS) {
            throw new InspectionRuleException("inspection.error.inspectors");
        }
        if (on == null) {
            throw new InspectionRuleException("inspection.error.date");
        }
        List<String> photoTypes = photos.stream().map(Inspections::photoType).toList();
        record Target(String kind, Long projectId, long campaignId, String campaignName) {
        }
        Target target = jdbc.sql("""
                SELECT CASE WHEN t.project_id IS NULL THEN 'EMPLOYER' ELSE 'PROJECT' END AS kind, t.project_id,
                       c.id AS campaign_id, c.name AS campaign_name
                  FROM campaign_target t JOIN inspection_campaign c ON c.id = t.campaign_id WHERE t.id = :t
                """).param("t", targetId).query(Rows.of(Target.class)).single();
        long template = templateFor(target.campaignId(), target.kind());
        long id = jdbc.sql("""
                INSERT INTO inspection (target_id, template_id, inspected_on, inspectors, note, created_by)
                VALUES (:t, :tpl, :on, :who, :note, :actor) RETURNING id
                """).param("t", targetId).param("tpl", template).param("on", Date.valueOf(on))
                .param("who", String.join("、", names)).param("note", note).param("actor", actor())
                .query(Long.class).single();
        for (Answer a : answers) {
            jdbc.sql("""
                    INSERT INTO inspection_answer (inspection_id, item_id, compliant, note, value)
                    SELECT :i, id, :ok, :note, :value FROM checklist_item WHERE id = :item AND template_id = :tpl
                    """).param("i", id).param("item", a.itemId()).param("tpl", template).param("ok", a.compliant())
                    .param("note", blankToNull(a.note())).param("value", blankToNull(a.value())).update();
            record Item(String question, String complianceKind) {
            }
            Item item = jdbc.sql("SELECT question, compliance_kind FROM checklist_item WHERE id = :id AND template_id = :tpl")
                    .param("id", a.itemId()).param("tpl", template).query(Rows.of(Item.class)).optional().orElse(null);
            if (item == null) {
                continue;
            }
            if (Boolean.FALSE.equals(a.compliant())) {
                jdbc.sql("INSERT INTO inspection_finding (inspection_id, item_id, description) VALUES (:i, :item, :d)")
                        .param("i", id).param("item", a.itemId())
                        .param("d", a.note() == null || a.note().isBlank() ? item.question()
                                : item.question().replaceAll("[？?]$", "") + "——" + a.note()).update();
            }
            if (target.projectId() != null && item.complianceKind() != null && a.compliant() != null) {
                compliance.observe(target.projectId(), ComplianceKind.valueOf(item.complianceKind()), on, a.compliant(),
                        target.campaignName() + " 检查记录" + id, blankToNull(a.note()));
            }
        }
        for (int p = 0; p < photos.size(); p++) {
            Photo photo = photos.get(p);
            int rows = jdbc.sql("""
                    INSERT INTO inspection_photo (answer_id, file_name, content_type, content, size_bytes, created_by)
                    SELECT a.id, :name, :type, :content, :size, :actor FROM inspection_answer a
                     WHERE a.inspection_id = :i AND a.item_id = :item
                    """).param("name", photo.fileName() == null || photo.fileName().isBlank() ? "photo" : photo.fileName())
                    .param("type", photoTypes.get(p)).param("content", photo.content())
                    .param("size", photo.content().length).param("actor", actor()).param("i", id)
                    .param("item", photo.itemId()).update();
            if (rows == 0) {
                throw new InspectionRuleException("inspection.error.photoWithoutAnswer");
            }
        }
        operationLog.record("INSPECTION_RECORD", "inspection", id, "现场检查，检查人员 " + String.join("、", names));
        return id;
    }

    /** The checklist of the campaign for this kind of target (the first enabled one when the campaign names none). */
    private long templateFor(long campaignId, String kind) {
        return jdbc.sql("""
                SELECT t.id FROM checklist_template t
                 WHERE t.target_kind = :k AND (t.id IN (SELECT template_id FROM campaign_template WHERE campaign_id = :c)
                       OR NOT EXISTS (SELECT 1 FROM campaign_template ct JOIN checklist_template x ON x.id = ct.template_id
                                       WHERE ct.campaign_id = :c AND x.target_kind = :k) AND t.enabled)
                 ORDER BY t.id LIMIT 1
                """).param("k", kind).param("c", campaignId).query(Long.class).single();
    }

    /** JPEG or PNG by the first bytes, at most 10 MB; anything else is refused. */
    static String photoType(Photo photo) {
        byte[] b = photo.content();
        if (b == null || b.length == 0 || b.length > MAX_PHOTO_BYTES) {
            throw new InspectionRuleException("inspection.error.photoSize");
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length >= png.length && Arrays.equals(Arrays.copyOf(b, png.length), png)) {
            return "image/png";
        }
        throw new InspectionRuleException("inspection.error.photoType");
    }

    /** Issues a rectification order for a finding, with the responsible party and a deadline. */
    @Transactional
    public long order(long findingId, String responsibleParty, int days) {
        LocalDate today = LocalDate.now(clock);
        return order(findingId, responsibleParty, today, today.plusDays(days));
    }

    /** Issues a rectification order dated {@code issuedOn} with the given deadline (not before the issue date). */
    @Transactional
    public long order(long findingId, String responsibleParty, LocalDate today, LocalDate deadline) {
        if (responsibleParty == null || responsibleParty.isBlank()) {
            throw new InspectionRuleException("inspection.error.responsible");
        }
        if (deadline == null || deadline.isBefore(today)) {
            throw new InspectionRuleException("inspection.error.deadline");
        }
        if (jdbc.sql("SELECT count(*) FROM rectification_order WHERE finding_id = :f").param("f", findingId)
                .query(Long.class).single() > 0) {
            throw new InspectionRuleException("inspection.error.orderExists");
        }
        // Numbered per year in the issuing body's region prefix (文书简称), as casework numbers its documents.
        String issuingRegion = jdbc.sql("""
                SELECT d.region_code FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                  JOIN campaign_target t ON t.id = i.target_id JOIN inspection_campaign c ON c.id = t.campaign_id
                  JOIN department d ON d.id = c.lead_department_id
                 WHERE f.id = :f
                """).param("f", findingId).query(String.class).optional()
                .orElseThrow(() -> new InspectionRuleException("inspection.error.noFinding"));
        String number = documentNumbers.next(issuingRegion, RECTIFICATION, today).number();
        long id = jdbc.sql("""
                INSERT INTO rectification_order (finding_id, number, responsible_party, issued_on, deadline, created_by)
                VALUES (:f, :n, :party, :on, :deadline, :actor) RETURNING id
                """).param("f", findingId).param("n", number).param("party", responsibleParty.trim())
                .param("on", Date.valueOf(today)).param("deadline", Date.valueOf(deadline)).param("actor", actor())
                .query(Long.class).single();
        operationLog.record("RECTIFICATION_ORDER", "rectification_order", id, "下达整改通知 " + number);
        return id;
    }

    /**
     * The second look: fixed closes the order; not fixed after the deadline escalates it and opens a case
     * (channel INSPECTION); not fixed before the deadline leaves it open.
     */
    @Transactional
    public OrderStatus reinspect(long orderId, int version, boolean fixed, String note) {
        return reinspect(orderId, version, fixed, note, LocalDate.now(clock));
    }

    /** The second look made on {@code today}; a fixed finding on a project item is recorded there as compliant. */
    @Transactional
    public OrderStatus reinspect(long orderId, int version, boolean fixed, String note, LocalDate today) {
        record Order(long findingId, LocalDate deadline, String status) {
        }
        Versioned.requireVersion(jdbc, "rectification_order", orderId, version);
        Order o = jdbc.sql("SELECT finding_id, deadline, status FROM rectification_order WHERE id = :id")
                .param("id", orderId).query(Rows.of(Order.class)).single();
        if (!OrderStatus.OPEN.name().equals(o.status())) {
            throw new InspectionRuleException("inspection.error.orderClosed");
        }
        OrderStatus next = fixed ? OrderStatus.RECTIFIED : today.isAfter(o.deadline()) ? OrderStatus.ESCALATED : OrderStatus.OPEN;
        Versioned.update(jdbc, "rectification_order", "status = :s, checked_on = :on, check_note = :note")
                .param("s", next.name()).param("on", Date.valueOf(today)).param("note", note).by(actor())
                .existingRow(orderId, version);
        if (fixed) {
            observeFixed(orderId, today, note);
        }
        operationLog.record("RECTIFICATION_CHECK", "rectification_order", orderId, "回头看：" + next.name());
        if (next == OrderStatus.ESCALATED) {
            toCase(o.findingId());
        }
        return next;
    }

    private void observeFixed(long orderId, LocalDate on, String note) {
        record Fixed(Long projectId, String complianceKind, String number) {
        }
        jdbc.sql("""
                SELECT t.project_id, ci.compliance_kind, o.number FROM rectification_order o
                  JOIN inspection_finding f ON f.id = o.finding_id JOIN inspection i ON i.id = f.inspection_id
                  JOIN campaign_target t ON t.id = i.target_id LEFT JOIN checklist_item ci ON ci.id = f.item_id
                 WHERE o.id = :id
                """).param("id", orderId).query(Rows.of(Fixed.class)).optional()
                .filter(f -> f.projectId() != null && f.complianceKind() != null)
                .ifPresent(f -> compliance.observe(f.projectId(), ComplianceKind.valueOf(f.complianceKind()), on, true,
                        "回头看 " + f.number(), blankToNull(note)));
    }

    /**
     * An overdue order still open is escalated: it becomes a case through casework's intake (once) and is marked
     * ESCALATED. Refused while the deadline has not passed or once the order is closed.
     */
    @Transactional
    public long escalate(long orderId) {
        record Order(long findingId, LocalDate deadline, String status) {
        }
        Order o = jdbc.sql("SELECT finding_id, deadline, status FROM rectification_order WHERE id = :id")
                .param("id", orderId).query(Rows.of(Order.class)).single();
        if (!OrderStatus.OPEN.name().equals(o.status())) {
            throw new InspectionRuleException("inspection.error.orderClosed");
        }
        if (!LocalDate.now(clock).isAfter(o.deadline())) {
            throw new InspectionRuleException("inspection.error.notOverdue");
        }
        // A command guarded by the order's state (open, overdue); it counts the version up so that an open
        // second-look form is stale.
        Versioned.update(jdbc, "rectification_order", "status = 'ESCALATED'").by(actor()).rowAtAnyVersion(orderId);
        operationLog.record("RECTIFICATION_ESCALATE", "rectification_order", orderId, "逾期未整改，升级转为案件");
        return toCase(o.findingId());
    }

    /**
     * Every night (inspection.internal.InspectionSchedule): open orders past their deadline are reported, once each, to the region's leadership office and the
     * campaign's lead department, with the rectification list where they are offered as a case.
     * @return how many orders were reported
     */
    @Transactional
    public int notifyOverdue() {
        LocalDate today = LocalDate.now(clock);
        record Overdue(long id, String number, String responsibleParty, LocalDate deadline, long leadDepartmentId,
                String regionCode) {
        }
        List<Overdue> overdue = jdbc.sql("""
                SELECT o.id, o.number, o.responsible_party, o.deadline, c.lead_department_id, d.region_code
                  FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                  JOIN inspection i ON i.id = f.inspection_id JOIN campaign_target t ON t.id = i.target_id
                  JOIN inspection_campaign c ON c.id = t.campaign_id JOIN department d ON d.id = c.lead_department_id
                 WHERE o.status = 'OPEN' AND o.deadline < :today AND o.overdue_notified_on IS NULL ORDER BY o.id
                """).param("today", Date.valueOf(today)).query(Rows.of(Overdue.class)).list();
        for (Overdue o : overdue) {
            String body = o.responsibleParty() + " 未在 " + o.deadline() + " 前完成整改（" + o.number() + "），请回头看或转为案件。";
            java.util.Set<Long> to = new java.util.LinkedHashSet<>();
            to.add(o.leadDepartmentId());
            notifications.leadershipOffice(o.regionCode()).ifPresent(to::add);
            for (long department : to) {
                notifications.send(department, "RECTIFICATION_OVERDUE", "整改逾期：" + o.number(), body,
                        "/inspection/rectifications#order-" + o.id());
            }
            jdbc.sql("UPDATE rectification_order SET overdue_notified_on = :today WHERE id = :id")
                    .param("today", Date.valueOf(today)).param("id", o.id()).update();
        }
        return overdue.size();
    }

    /** Opens a case for a finding through casework's intake (channel INSPECTION); once per finding. */
    @Transactional
    public long toCase(long findingId) {
        record Finding(String description, Long caseId, Long projectId, Long employerId) {
        }
        Finding f = jdbc.sql("""
                SELECT f.description, f.case_id, t.project_id, COALESCE(t.employer_id, p.general_contractor_id) AS employer_id
                  FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                  JOIN campaign_target t ON t.id = i.target_id LEFT JOIN published_project p ON p.id = t.project_id
                 WHERE f.id = :id
                """).param("id", findingId).query(Rows.of(Finding.class)).single();
        if (f.caseId() != null) {
            return f.caseId();
        }
        record Employer(String name, String regionCode, String industryCode) {
        }
        Employer e = jdbc.sql("SELECT name, region_code, industry_code FROM published_employer WHERE id = :id")
                .param("id", f.employerId()).query(Rows.of(Employer.class)).single();
        long caseId = caseIntake.register(new Intake(Channel.INSPECTION, CaseKind.REPORT, null, null, true,
                f.employerId(), e.name(), f.projectId(), e.regionCode(), e.industryCode(), null, null,
                f.description(), List.of(), null, null));
        jdbc.sql("UPDATE inspection_finding SET case_id = :c WHERE id = :id").param("c", caseId).param("id", findingId).update();
        operationLog.record("INSPECTION_FINDING_CASE", "inspection_finding", findingId, "检查发现转为案件");
        return caseId;
    }

    /** The department that answers for an order's target, for an officer whose data scope is departments. */
    static final org.wageguard.identity.ScopeColumns SCOPE = org.wageguard.identity.ScopeColumns.of(
            null, "t.department_id", null, null, null);

    /**
     * Orders an officer may see: those of a campaign they may see, by the campaigns' own rule ({@link Campaigns#VISIBLE}:
     * the lead and member departments, the region's leadership office and labor inspection), and those on targets
     * their department answers for. A region-wide data scope alone (the system administrator's) shows none.
     */
    private static final String ORDERS_IN_SCOPE = """
              FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
              JOIN inspection i ON i.id = f.inspection_id JOIN campaign_target t ON t.id = i.target_id
              JOIN inspection_campaign c ON c.id = t.campaign_id JOIN department ld ON ld.id = c.lead_department_id
              LEFT JOIN published_project p ON p.id = t.project_id LEFT JOIN published_employer e ON e.id = t.employer_id
             WHERE (%s OR """ + Campaigns.VISIBLE + ")\n";

    private static java.util.Map<String, Object> orderParams(Campaigns.Viewer viewer,
            org.wageguard.identity.ScopePredicate predicate) {
        java.util.Map<String, Object> params = new java.util.HashMap<>(predicate.parameters());
        params.putAll(Campaigns.params(viewer));
        return params;
    }

    /**
     * The rectification list an officer may see (see {@link #ORDERS_IN_SCOPE}), overdue open orders first, then by
     * deadline.
     */
    @Transactional(readOnly = true)
    public List<OrderRow> rectifications(Campaigns.Viewer viewer, org.wageguard.identity.DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        var predicate = scope.predicate(SCOPE);
        java.util.Map<String, Object> params = orderParams(viewer, predicate);
        params.put("today", Date.valueOf(today));
        return jdbc.sql("""
                SELECT o.id, o.number, o.responsible_party, o.issued_on, o.deadline, o.status, f.description AS finding_description,
                       (o.status = 'OPEN' AND o.deadline < :today) AS overdue, f.case_id,
                       COALESCE(p.name, e.name) AS target_name, o.version
                """ + ORDERS_IN_SCOPE.formatted(predicate.sql()) + """
                 ORDER BY (o.status = 'OPEN' AND o.deadline < :today) DESC, (o.status = 'OPEN') DESC, o.deadline, o.id
                """).params(params).query(Rows.of(OrderRow.class)).list();
    }

    /**
     * The second look on an order, by an officer: the order is resolved through the one scope gate first
     * ({@link #requireOrder}: outside the officer's view it does not exist, 404).
     */
    @Transactional
    public OrderStatus reinspect(long orderId, int version, boolean fixed, String note, Campaigns.Viewer viewer,
            org.wageguard.identity.DataScope scope) {
        requireOrder(orderId, viewer, scope);
        return reinspect(orderId, version, fixed, note);
    }

    /** An overdue order escalated to a case by an officer, through the same gate. */
    @Transactional
    public long escalate(long orderId, Campaigns.Viewer viewer, org.wageguard.identity.DataScope scope) {
        requireOrder(orderId, viewer, scope);
        return escalate(orderId);
    }

    /** A finding's rectification order, issued by an officer: the finding resolved within their view first (404). */
    @Transactional
    public long order(long findingId, String responsibleParty, LocalDate today, LocalDate deadline, Campaigns.Viewer viewer) {
        requireFinding(findingId, viewer);
        return order(findingId, responsibleParty, today, deadline);
    }

    /** A finding opened as a case by an officer, through the same gate. */
    @Transactional
    public long toCase(long findingId, Campaigns.Viewer viewer) {
        requireFinding(findingId, viewer);
        return toCase(findingId);
    }

    /** The finding within the officer's view (its campaign's rule), or {@link org.wageguard.identity.OutOfScopeException}. */
    public void requireFinding(long findingId, Campaigns.Viewer viewer) {
        java.util.Map<String, Object> params = Campaigns.params(viewer);
        params.put("f", findingId);
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 " + Campaigns.FINDING_IN_VIEW + ")").params(params).query(Boolean.class).single()) {
            throw new org.wageguard.identity.OutOfScopeException("inspection_finding", findingId);
        }
    }

    /** The order within the officer's view, or {@link org.wageguard.identity.OutOfScopeException} (answered 404). */
    public void requireOrder(long orderId, Campaigns.Viewer viewer, org.wageguard.identity.DataScope scope) {
        if (!visible(orderId, viewer, scope)) {
            throw new org.wageguard.identity.OutOfScopeException("rectification_order", orderId);
        }
    }

    /** Whether the officer may see (and act on) the order. */
    @Transactional(readOnly = true)
    public boolean visible(long orderId, Campaigns.Viewer viewer, org.wageguard.identity.DataScope scope) {
        var predicate = scope.predicate(SCOPE);
        java.util.Map<String, Object> params = orderParams(viewer, predicate);
        params.put("id", orderId);
        return jdbc.sql("SELECT count(*)" + ORDERS_IN_SCOPE.formatted(predicate.sql()) + " AND o.id = :id")
                .params(params).query(Long.class).single() > 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }
}
