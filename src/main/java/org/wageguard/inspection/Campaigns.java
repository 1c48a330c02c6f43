package org.wageguard.inspection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.CaseDocuments;
import org.wageguard.identity.Departments;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.imports.LedgerWorkbook;
import org.wageguard.shared.Rows;

/**
 * The read side of campaigns: who may see a campaign (its lead and member departments' officers, and the leadership
 * office and labor inspection of its region), the list, the dashboard figures, targets and their inspections, the
 * Excel export of results and the printed rectification notice.
 */
@Service
@Transactional(readOnly = true)
public class Campaigns {

    /** Who is looking: their department, and whether it oversees the whole region (治欠办, 劳动监察). */
    public record Viewer(Long departmentId, boolean regionWide, String regionPrefix) {
    }

    public record CampaignRow(long id, String name, String kind, LocalDate periodFrom, LocalDate periodTo,
            long leadDepartmentId, String leadName, String memberNames, Long parentId, String parentName, int targets,
            int inspected, int findings, int orders, int rectified) {

        public int progressPercent() {
            return targets == 0 ? 0 : inspected * 100 / targets;
        }

        public String rectifiedRate() {
            return orders == 0 ? "—" : String.format("%.1f%%", rectified * 100.0 / orders);
        }
    }

    public record TargetRow(long id, String kind, Long projectId, Long employerId, String name, String departmentName,
            int inspections, Long lastInspectionId, LocalDate lastInspectedOn, int findings, int openOrders) {
    }

    public record Count(String label, int count) {
    }

    public record DepartmentRow(String departmentName, int targets, int inspected, int findings, int orders,
            int rectified) {
    }

    public record TargetInfo(long id, long campaignId, String campaignName, String kind, String name,
            String responsibleParty) {
    }

    public record ChecklistItem(long id, int sortOrder, String code, String question, String evidence,
            String answerType) {
    }

    public record InspectionHead(long id, long targetId, long campaignId, String campaignName, String targetName,
            LocalDate inspectedOn, String inspectors, String note, String responsibleParty) {
    }

    public record AnswerRow(long id, String question, Boolean compliant, String value, String note, List<Long> photoIds) {
    }

    public record FindingRow(long id, String description, Long caseId, Long orderId, String orderNumber,
            String orderStatus, LocalDate deadline) {
    }

    public record InspectionView(InspectionHead head, List<AnswerRow> answers, List<FindingRow> findings) {
    }

    public record PhotoFile(String fileName, String contentType, byte[] content) {
    }

    static final String VISIBLE = """
            (c.lead_department_id = :myDept
             OR EXISTS (SELECT 1 FROM campaign_member m WHERE m.campaign_id = c.id AND m.department_id = :myDept)
             OR (:regionWide AND ld.region_code LIKE :regionPrefix))
            """;

    private static final String CAMPAIGNS = """
            SELECT c.id, c.name, c.kind, c.period_from, c.period_to, c.lead_department_id, ld.name AS lead_name,
                   (SELECT string_agg(d.name, '、' ORDER BY d.sort_order, d.id) FROM campaign_member m
                      JOIN department d ON d.id = m.department_id WHERE m.campaign_id = c.id) AS member_names,
                   c.parent_id, pc.name AS parent_name,
                   (SELECT count(*) FROM campaign_target t WHERE t.campaign_id = c.id) AS targets,
                   (SELECT count(*) FROM campaign_target t WHERE t.campaign_id = c.id
                       AND EXISTS (SELECT 1 FROM inspection i WHERE i.target_id = t.id)) AS inspected,
                   (SELECT count(*) FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                      JOIN campaign_target t ON t.id = i.target_id WHERE t.campaign_id = c.id) AS findings,
                   (SELECT count(*) FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                      JOIN inspection i ON i.id = f.inspection_id JOIN campaign_target t ON t.id = i.target_id
                     WHERE t.campaign_id = c.id) AS orders,
                   (SELECT count(*) FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                      JOIN inspection i ON i.id = f.inspection_id JOIN campaign_target t ON t.id = i.target_id
                     WHERE t.campaign_id = c.id AND o.status = 'RECTIFIED') AS rectified
              FROM inspection_campaign c JOIN department ld ON ld.id = c.lead_department_id
              LEFT JOIN inspection_campaign pc ON pc.id = c.parent_id
            """;

    private final JdbcClient jdbc;
    private final Departments departments;
    private final CaseDocuments documents;
    private final OperationLog operationLog;

    Campaigns(JdbcClient jdbc, Departments departments, CaseDocuments documents, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.documents = documents;
        this.operationLog = operationLog;
    }

    public Viewer viewer(OfficerPrincipal officer) {
        boolean regionWide = officer.departmentId() != null && departments.find(officer.departmentId())
                .map(d -> d.kind() == Departments.Kind.LEADERSHIP_OFFICE || d.kind() == Departments.Kind.LABOR_INSPECTION)
                .orElse(false);
        String prefix = officer.regionCode() == null ? "-" : RegionCode.of(officer.regionCode()).subtreePrefix() + "%";
        return new Viewer(officer.departmentId(), regionWide, prefix);
    }

    static Map<String, Object> params(Viewer v) {
        Map<String, Object> p = new HashMap<>();
        p.put("myDept", v.departmentId() == null ? -1L : v.departmentId());
        p.put("regionWide", v.regionWide());
        p.put("regionPrefix", v.regionPrefix());
        return p;
    }

    /** An on-site inspection of a project. */
    public record ProjectInspection(long inspectionId, LocalDate inspectedOn, long campaignId, String campaignName,
            long projectId, String projectName, String inspectors, long findings) {
    }

    /**
     * The inspections of projects of the viewer's region made in a period, in campaigns the viewer may see, newest
     * first: the rows behind the dashboard's "projects inspected".
     */
    public List<ProjectInspection> projectInspections(Viewer v, LocalDate from, LocalDate to) {
        Map<String, Object> p = params(v);
        p.put("f", Date.valueOf(from));
        p.put("t", Date.valueOf(to));
        return jdbc.sql("""
                SELECT i.id AS inspection_id, i.inspected_on, c.id AS campaign_id, c.name AS campaign_name,
                       pr.id AS project_id, pr.name AS project_name, i.inspectors,
                       (SELECT count(*) FROM inspection_finding f WHERE f.inspection_id = i.id) AS findings
                  FROM inspection i JOIN campaign_target t ON t.id = i.target_id
                  JOIN inspection_campaign c ON c.id = t.campaign_id JOIN department ld ON ld.id = c.lead_department_id
                  JOIN published_project pr ON pr.id = t.project_id
                 WHERE i.inspected_on BETWEEN :f AND :t AND pr.region_code LIKE :regionPrefix AND
                """ + VISIBLE + " ORDER BY i.inspected_on DESC, i.id DESC").params(p)
                .query(Rows.of(ProjectInspection.class)).list();
    }

    /** The campaigns the viewer may see, the newest first. */
    public List<CampaignRow> list(Viewer v) {
        return jdbc.sql(CAMPAIGNS + " WHERE " + VISIBLE + " ORDER BY c.period_from DESC, c.id DESC").params(params(v))
                .query(Rows.of(CampaignRow.class)).list();
    }

    /** One campaign, if the viewer may see it. */
    public Optional<CampaignRow> find(Viewer v, long id) {
        Map<String, Object> p = params(v);
        p.put("id", id);
        return jdbc.sql(CAMPAIGNS + " WHERE c.id = :id AND " + VISIBLE).params(p).query(Rows.of(CampaignRow.class)).optional();
    }

    public List<TargetRow> targets(long campaignId) {
        return jdbc.sql("""
                SELECT t.id, CASE WHEN t.project_id IS NULL THEN 'EMPLOYER' ELSE 'PROJECT' END AS kind, t.project_id,
                       t.employer_id, COALESCE(p.name, e.name) AS name, d.name AS department_name,
                       (SELECT count(*) FROM inspection i WHERE i.target_id = t.id) AS inspections,
                       (SELECT i.id FROM inspection i WHERE i.target_id = t.id ORDER BY i.inspected_on DESC, i.id DESC LIMIT 1)
                           AS last_inspection_id,
                       (SELECT max(i.inspected_on) FROM inspection i WHERE i.target_id = t.id) AS last_inspected_on,
                       (SELECT count(*) FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                         WHERE i.target_id = t.id) AS findings,
                       (SELECT count(*) FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                          JOIN inspection i ON i.id = f.inspection_id WHERE i.target_id = t.id AND o.status = 'OPEN')
                           AS open_orders
                  FROM campaign_target t LEFT JOIN published_project p ON p.id = t.project_id
                  LEFT JOIN published_employer e ON e.id = t.employer_id LEFT JOIN department d ON d.id = t.department_id
                 WHERE t.campaign_id = :c ORDER BY (t.project_id IS NULL), COALESCE(p.code, e.name), t.id
                """).param("c", campaignId).query(Rows.of(TargetRow.class)).list();
    }

    /** Findings of the campaign by checklist item, most frequent first. */
    public List<Count> findingsByItem(long campaignId) {
        return jdbc.sql("""
                SELECT COALESCE(ci.question, '其他') AS label, count(*) AS count
                  FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                  JOIN campaign_target t ON t.id = i.target_id LEFT JOIN checklist_item ci ON ci.id = f.item_id
                 WHERE t.campaign_id = :c GROUP BY ci.question, ci.sort_order ORDER BY count(*) DESC, ci.sort_order
                """).param("c", campaignId).query(Rows.of(Count.class)).list();
    }

    /** Targets, inspections, findings and rectification by the targets' supervising department. */
    public List<DepartmentRow> byDepartment(long campaignId) {
        return jdbc.sql("""
                SELECT COALESCE(d.name, '—') AS department_name, count(*) AS targets,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection i WHERE i.target_id = t.id)) AS inspected,
                       COALESCE(sum((SELECT count(*) FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
                                      WHERE i.target_id = t.id)), 0) AS findings,
                       COALESCE(sum((SELECT count(*) FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                                      JOIN inspection i ON i.id = f.inspection_id WHERE i.target_id = t.id)), 0) AS orders,
                       COALESCE(sum((SELECT count(*) FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                                      JOIN inspection i ON i.id = f.inspection_id
                                     WHERE i.target_id = t.id AND o.status = 'RECTIFIED')), 0) AS rectified
                  FROM campaign_target t LEFT JOIN department d ON d.id = t.department_id
                 WHERE t.campaign_id = :c GROUP BY d.name, d.sort_order ORDER BY d.sort_order, d.name
                """).param("c", campaignId).query(Rows.of(DepartmentRow.class)).list();
    }

    /** A target of a campaign the viewer may see. */
    public Optional<TargetInfo> target(Viewer v, long targetId) {
        Map<String, Object> p = params(v);
        p.put("t", targetId);
        return jdbc.sql("""
                SELECT t.id, c.id AS campaign_id, c.name AS campaign_name,
                       CASE WHEN t.project_id IS NULL THEN 'EMPLOYER' ELSE 'PROJECT' END AS kind,
                       COALESCE(p.name, e.name) AS name, COALESCE(gc.name, e.name) AS responsible_party
                  FROM campaign_target t JOIN inspection_campaign c ON c.id = t.campaign_id
                  JOIN department ld ON ld.id = c.lead_department_id
                  LEFT JOIN published_project p ON p.id = t.project_id LEFT JOIN published_employer gc ON gc.id = p.general_contractor_id
                  LEFT JOIN published_employer e ON e.id = t.employer_id
                 WHERE t.id = :t AND
                """ + VISIBLE).params(p).query(Rows.of(TargetInfo.class)).optional();
    }

    /** The enabled items of the checklist the campaign uses for this kind of target, in order. */
    public List<ChecklistItem> checklist(long campaignId, String targetKind) {
        return jdbc.sql("""
                SELECT ci.id, ci.sort_order, ci.code, ci.question, ci.evidence, ci.answer_type
                  FROM checklist_item ci JOIN checklist_template t ON t.id = ci.template_id
                 WHERE ci.enabled AND t.id = (
                       SELECT x.id FROM checklist_template x
                        WHERE x.target_kind = :k AND (x.id IN (SELECT template_id FROM campaign_template WHERE campaign_id = :c)
                              OR NOT EXISTS (SELECT 1 FROM campaign_template ct JOIN checklist_template y ON y.id = ct.template_id
                                              WHERE ct.campaign_id = :c AND y.target_kind = :k) AND x.enabled)
                        ORDER BY x.id LIMIT 1)
                 ORDER BY ci.sort_order, ci.id
                """).param("k", targetKind).param("c", campaignId).query(Rows.of(ChecklistItem.class)).list();
    }

    /** An inspection with its answers, photos and findings, if the viewer may see its campaign. */
    public Optional<InspectionView> inspection(Viewer v, long id) {
        Map<String, Object> p = params(v);
        p.put("id", id);
        Optional<InspectionHead> head = jdbc.sql("""
                SELECT i.id, t.id AS target_id, c.id AS campaign_id, c.name AS campaign_name,
                       COALESCE(pr.name, e.name) AS target_name, i.inspected_on, i.inspectors, i.note,
                       COALESCE(gc.name, e.name) AS responsible_party
                  FROM inspection i JOIN campaign_target t ON t.id = i.target_id
                  JOIN inspection_campaign c ON c.id = t.campaign_id JOIN department ld ON ld.id = c.lead_department_id
                  LEFT JOIN published_project pr ON pr.id = t.project_id LEFT JOIN published_employer gc ON gc.id = pr.general_contractor_id
                  LEFT JOIN published_employer e ON e.id = t.employer_id
                 WHERE i.id = :id AND
                """ + VISIBLE).params(p).query(Rows.of(InspectionHead.class)).optional();
        return head.map(h -> {
            record Raw(long id, String question, Boolean compliant, String value, String note) {
            }
            List<AnswerRow> answers = new ArrayList<>();
            for (Raw r : jdbc.sql("""
                    SELECT a.id, ci.question, a.compliant, a.value, a.note FROM inspection_answer a
                      JOIN checklist_item ci ON ci.id = a.item_id WHERE a.inspection_id = :i ORDER BY ci.sort_order, ci.id
                    """).param("i", id).query(Rows.of(Raw.class)).list()) {
                answers.add(new AnswerRow(r.id(), r.question(), r.compliant(), r.value(), r.note(),
                        jdbc.sql("SELECT id FROM inspection_photo WHERE answer_id = :a ORDER BY id").param("a", r.id())
                                .query(Long.class).list()));
            }
            List<FindingRow> findings = jdbc.sql("""
                    SELECT f.id, f.description, f.case_id, o.id AS order_id, o.number AS order_number,
                           o.status AS order_status, o.deadline
                      FROM inspection_finding f LEFT JOIN rectification_order o ON o.finding_id = f.id
                     WHERE f.inspection_id = :i ORDER BY f.id
                    """).param("i", id).query(Rows.of(FindingRow.class)).list();
            return new InspectionView(h, answers, findings);
        });
    }

    /** A finding {@code :f} with its inspection {@code i}, if the viewer may see its campaign. */
    static final String FINDING_IN_VIEW = """
              FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id
              JOIN campaign_target t ON t.id = i.target_id JOIN inspection_campaign c ON c.id = t.campaign_id
              JOIN department ld ON ld.id = c.lead_department_id
             WHERE f.id = :f AND
            """ + VISIBLE;

    /** The inspection a finding belongs to, if the viewer may see its campaign. */
    public Optional<Long> inspectionOfFinding(Viewer v, long findingId) {
        Map<String, Object> p = params(v);
        p.put("f", findingId);
        return jdbc.sql("SELECT i.id " + FINDING_IN_VIEW).params(p).query(Long.class).optional();
    }

    /** A site photo, if the viewer may see the campaign it was taken in. */
    public Optional<PhotoFile> photo(Viewer v, long photoId) {
        Map<String, Object> p = params(v);
        p.put("id", photoId);
        return jdbc.sql("""
                SELECT ph.file_name, ph.content_type, ph.content FROM inspection_photo ph
                  JOIN inspection_answer a ON a.id = ph.answer_id JOIN inspection i ON i.id = a.inspection_id
                  JOIN campaign_target t ON t.id = i.target_id JOIN inspection_campaign c ON c.id = t.campaign_id
                  JOIN department ld ON ld.id = c.lead_department_id
                 WHERE ph.id = :id AND
                """ + VISIBLE).params(p).query(Rows.of(PhotoFile.class)).optional();
    }

    /** The campaign's results as an xlsx: one row per finding, or per target where nothing was found. */
    @Transactional
    public byte[] export(long campaignId) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT CASE WHEN t.project_id IS NULL THEN '用人单位' ELSE '在建项目' END AS kind,
                       COALESCE(p.name, e.name) AS name, d.name AS department_name, i.inspected_on, i.inspectors,
                       ci.question, f.description, o.number, o.responsible_party, o.deadline, o.status, o.checked_on,
                       cf.number AS case_number
                  FROM campaign_target t LEFT JOIN published_project p ON p.id = t.project_id
                  LEFT JOIN published_employer e ON e.id = t.employer_id LEFT JOIN department d ON d.id = t.department_id
                  LEFT JOIN inspection i ON i.target_id = t.id
                  LEFT JOIN inspection_finding f ON f.inspection_id = i.id
                  LEFT JOIN checklist_item ci ON ci.id = f.item_id
                  LEFT JOIN rectification_order o ON o.finding_id = f.id LEFT JOIN registered_case cf ON cf.id = f.case_id
                 WHERE t.campaign_id = :c
                 ORDER BY (t.project_id IS NULL), COALESCE(p.code, e.name), i.inspected_on, f.id
                """).param("c", campaignId).query((rs, n) -> {
            Date on = rs.getDate("inspected_on");
            Date deadline = rs.getDate("deadline");
            Date checked = rs.getDate("checked_on");
            String status = rs.getString("status");
            String caseNumber = rs.getString("case_number");
            rows.add(java.util.Arrays.asList(rs.getString("kind"), rs.getString("name"), rs.getString("department_name"),
                    on == null ? "未检查" : on.toLocalDate(), rs.getString("inspectors"), rs.getString("question"),
                    rs.getString("description"), rs.getString("number"), rs.getString("responsible_party"),
                    deadline == null ? null : deadline.toLocalDate(), status == null ? null : statusLabel(status),
                    checked == null ? null : checked.toLocalDate(), caseNumber));
            return null;
        }).list();
        String name = jdbc.sql("SELECT name FROM inspection_campaign WHERE id = :c").param("c", campaignId)
                .query(String.class).single();
        operationLog.record("INSPECTION_EXPORT", "inspection_campaign", campaignId, "导出检查结果 " + name);
        return LedgerWorkbook.toXlsx("检查结果", EXPORT_HEADERS, rows);
    }

    public static final List<String> EXPORT_HEADERS = List.of("对象类型", "检查对象", "主管部门", "检查日期", "检查人员",
            "检查事项", "发现问题", "整改通知书文号", "责任单位", "整改期限", "整改状态", "回头看日期", "案件编号");

    private static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "整改中";
            case "RECTIFIED" -> "已整改";
            case "ESCALATED" -> "逾期未改，已转案件";
            default -> status;
        };
    }

    /** The rectification notice (整改通知书) as a PDF, laid out and fonted as casework's documents. */
    @Transactional
    public byte[] notice(long orderId) {
        record Facts(String number, String responsibleParty, LocalDate issuedOn, LocalDate deadline,
                String description, String targetName, LocalDate inspectedOn, String inspectors, String campaignName,
                String leadName) {
        }
        Facts f = jdbc.sql("""
                SELECT o.number, o.responsible_party, o.issued_on, o.deadline, f.description,
                       COALESCE(p.name, e.name) AS target_name, i.inspected_on, i.inspectors, c.name AS campaign_name,
                       ld.name AS lead_name
                  FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                  JOIN inspection i ON i.id = f.inspection_id JOIN campaign_target t ON t.id = i.target_id
                  JOIN inspection_campaign c ON c.id = t.campaign_id JOIN department ld ON ld.id = c.lead_department_id
                  LEFT JOIN published_project p ON p.id = t.project_id LEFT JOIN published_employer e ON e.id = t.employer_id
                 WHERE o.id = :id
                """).param("id", orderId).query(Rows.of(Facts.class)).single();
        byte[] pdf = documents.notice("整改通知书", f.number(), List.of(
                f.responsibleParty() + "：",
                f.inspectedOn() + "，" + f.campaignName() + "联合检查组（检查人员：" + f.inspectors() + "）对" + f.targetName()
                        + "进行了现场检查，发现存在以下问题：" + f.description() + "。",
                "上述情况不符合《保障农民工工资支付条例》的有关规定。现责令你单位于 " + f.deadline()
                        + " 前整改到位，并将整改情况书面报送检查组。",
                "逾期未整改的，将依法予以处理，并转为案件查处。"), f.leadName(), f.issuedOn());
        operationLog.record("RECTIFICATION_NOTICE", "rectification_order", orderId, "打印整改通知书 " + f.number());
        return pdf;
    }
}
