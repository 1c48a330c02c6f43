package org.wageguard.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.CaseIntake;
import org.wageguard.identity.OperationLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Campaign → inspection → finding → rectification order → second look, on a fake clock. */
@DemoApplicationTest
class InspectionsTests {

    static final org.wageguard.identity.DataScope REGION = new org.wageguard.identity.DataScope(
            org.wageguard.identity.DataScopeType.REGION, "430981", java.util.Set.of(), null, null, 0);

    @Autowired JdbcClient jdbc;
    @Autowired CaseIntake caseIntake;
    @Autowired OperationLog operationLog;

    Inspections on(LocalDate day) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        return new Inspections(jdbc, caseIntake, operationLog, Clock.fixed(day.atStartOfDay(zone).toInstant(), zone));
    }

    long projectTarget(Inspections inspections, String code) {
        long department = jdbc.sql("SELECT id FROM department ORDER BY id LIMIT 1").query(Long.class).single();
        long campaign = inspections.createCampaign("测试专项行动 " + code, Inspections.CampaignKind.SPECIAL_ACTION,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), department, List.of(department), null);
        long project = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
        return inspections.addProjectTarget(campaign, project);
    }

    List<Inspections.Answer> answersWithBoardMissing() {
        return jdbc.sql("""
                SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id
                 WHERE t.target_kind = 'PROJECT' ORDER BY i.sort_order
                """).query(Long.class).list().stream()
                .map(id -> new Inspections.Answer(id, !code(id).equals("NOTICE_BOARD"), code(id).equals("NOTICE_BOARD") ? "现场未见告示牌" : null))
                .toList();
    }

    String code(long itemId) {
        return jdbc.sql("SELECT code FROM checklist_item WHERE id = :id").param("id", itemId).query(String.class).single();
    }

    long finding(long inspection) {
        return jdbc.sql("SELECT id FROM inspection_finding WHERE inspection_id = :i").param("i", inspection)
                .query(Long.class).single();
    }

    @Test
    void theSeedsSevenConstructionItemsAndFourEnterpriseItemsAreSeeded() {
        assertThat(jdbc.sql("SELECT code FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' ORDER BY sort_order")
                .query(String.class).list()).containsExactly("REAL_NAME", "SPECIAL_ACCOUNT", "BANK_PAYROLL",
                "WAGE_DEPOSIT", "NOTICE_BOARD", "PAYMENT_GUARANTEE", "LABOR_CONTRACT");
        assertThat(jdbc.sql("SELECT count(*) FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'EMPLOYER'")
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void anInspectionNeedsTwoInspectorsAndANoAnswerBecomesAFinding() {
        Inspections inspections = on(LocalDate.of(2026, 6, 10));
        long target = projectTarget(inspections, "YJ-2021-003");
        assertThatThrownBy(() -> inspections.inspect(target, LocalDate.of(2026, 6, 10), "张三", answersWithBoardMissing(), null))
                .hasMessage("inspection.error.inspectors");
        long inspection = inspections.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answersWithBoardMissing(), null);
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_answer WHERE inspection_id = :i").param("i", inspection)
                .query(Integer.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("SELECT description FROM inspection_finding WHERE inspection_id = :i").param("i", inspection)
                .query(String.class).single()).isEqualTo("是否设置维权信息告示牌——现场未见告示牌");
    }

    @Test
    void aFixedFindingIsClosedByTheSecondLook() {
        Inspections june = on(LocalDate.of(2026, 6, 10));
        long target = projectTarget(june, "YJ-2021-004");
        long order = june.order(finding(june.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answersWithBoardMissing(), null)),
                "湖南沅江建工集团", 15);
        assertThat(jdbc.sql("SELECT deadline FROM rectification_order WHERE id = :id").param("id", order)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(on(LocalDate.of(2026, 6, 20)).reinspect(order, true, "已设置告示牌")).isEqualTo(Inspections.OrderStatus.RECTIFIED);
        assertThatThrownBy(() -> on(LocalDate.of(2026, 6, 21)).reinspect(order, true, null)).hasMessage("inspection.error.orderClosed");
    }

    @Test
    void unfixedBeforeTheDeadlineStaysOpenAndAfterItIsEscalatedToAnInspectionCase() {
        Inspections june = on(LocalDate.of(2026, 6, 10));
        long target = projectTarget(june, "YJ-2021-005");
        long finding = finding(june.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answersWithBoardMissing(), null));
        long order = june.order(finding, "湖南沅江建工集团", 15);

        assertThat(on(LocalDate.of(2026, 6, 25)).reinspect(order, false, "尚未整改")).isEqualTo(Inspections.OrderStatus.OPEN);
        assertThat(on(LocalDate.of(2026, 6, 26)).rectifications(REGION, null).stream().filter(r -> r.id() == order).findFirst()
                .orElseThrow().overdue()).isTrue();
        assertThat(on(LocalDate.of(2026, 6, 26)).rectifications(REGION, null).get(0).overdue()).as("overdue first").isTrue();

        assertThat(on(LocalDate.of(2026, 6, 26)).reinspect(order, false, "逾期仍未整改")).isEqualTo(Inspections.OrderStatus.ESCALATED);
        Long caseId = jdbc.sql("SELECT case_id FROM inspection_finding WHERE id = :id").param("id", finding).query(Long.class).single();
        assertThat(caseId).isNotNull();
        assertThat(jdbc.sql("SELECT channel FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("INSPECTION");
        assertThat(june.toCase(finding)).as("one case per finding").isEqualTo(caseId);
    }
}
