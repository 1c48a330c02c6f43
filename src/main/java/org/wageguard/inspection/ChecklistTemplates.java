package org.wageguard.inspection;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * The checklist templates the administrator maintains: items with their question, the evidence to look at and the
 * answer type. Items are never deleted (answers refer to them); a disabled item leaves new inspections.
 */
@Service
@Transactional(readOnly = true)
public class ChecklistTemplates {

    public static final Set<String> ANSWER_TYPES = Set.of("YES_NO", "TEXT", "NUMBER");

    public record Template(long id, String name, String targetKind, boolean enabled) {
    }

    public record Item(long id, long templateId, int sortOrder, String code, String question, String evidence,
            String answerType, String complianceKind, boolean enabled, int version) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    ChecklistTemplates(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    public List<Template> templates() {
        return jdbc.sql("SELECT id, name, target_kind, enabled FROM checklist_template ORDER BY target_kind DESC, id")
                .query(Rows.of(Template.class)).list();
    }

    public List<Item> items(long templateId) {
        return jdbc.sql("""
                SELECT id, template_id, sort_order, code, question, evidence, answer_type, compliance_kind, enabled, version
                  FROM checklist_item WHERE template_id = :t ORDER BY sort_order, id
                """).param("t", templateId).query(Rows.of(Item.class)).list();
    }

    @Transactional
    public long addItem(long templateId, String question, String evidence, String answerType) {
        check(question, answerType);
        long id = jdbc.sql("""
                INSERT INTO checklist_item (template_id, sort_order, code, question, evidence, answer_type, created_by, updated_by)
                SELECT :t, COALESCE(max(sort_order), 0) + 1, 'ITEM_' || (count(*) + 1) || '_' || floor(random() * 100000)::int,
                       :q, :e, :a, :actor, :actor FROM checklist_item WHERE template_id = :t RETURNING id
                """).param("t", templateId).param("q", question.trim()).param("e", blank(evidence))
                .param("a", answerType).param("actor", actor()).query(Long.class).single();
        operationLog.record("CHECKLIST_ITEM_ADD", "checklist_template", templateId, "新增检查事项 " + question.trim());
        return id;
    }

    @Transactional
    public void updateItem(long itemId, int version, String question, String evidence, String answerType, boolean enabled) {
        check(question, answerType);
        if (!Versioned.update(jdbc, "checklist_item", "question = :q, evidence = :e, answer_type = :a, enabled = :on")
                .param("q", question.trim()).param("e", blank(evidence)).param("a", answerType).param("on", enabled)
                .by(actor()).row(itemId, version)) {
            throw new InspectionRuleException("inspection.error.noItem");
        }
        operationLog.record("CHECKLIST_ITEM_EDIT", "checklist_item", itemId, "修改检查事项 " + question.trim()
                + (enabled ? "" : "（停用）"));
    }

    private static void check(String question, String answerType) {
        if (question == null || question.isBlank() || question.length() > 256) {
            throw new InspectionRuleException("inspection.error.question");
        }
        if (!ANSWER_TYPES.contains(answerType)) {
            throw new InspectionRuleException("inspection.error.answerType");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }
}
