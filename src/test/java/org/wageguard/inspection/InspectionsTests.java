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
    @Autowired org.wageguard.project.ComplianceItems compliance;
    @Autowired org.wageguard.identity.Notifications notifications;
    @Autowired org.wageguard.casework.DocumentNumbers documentNumbers;

    Inspections on(LocalDate day) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        return new Inspections(jdbc, caseIntake, operationLog, Clock.fixed(day.atStartOfDay(zone).toInstant(), zone), compliance,
                notifications, documentNumbers);
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

    int version(long order) {
        return jdbc.sql("SELECT version FROM rectification_order WHERE id = :id").param("id", order).query(Integer.class).single();
    }

    @Test
    void theSeedsSevenConstructionItemsAndFourEnterpriseItemsAreSeeded() {
        assertThat(jdbc.sql("SELECT code FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' AND i.created_by = 'system' ORDER BY sort_order")
                .query(String.class).list()).containsExactly("REAL_NAME", "SPECIAL_ACCOUNT", "BANK_PAYROLL",
                "WAGE_DEPOSIT", "NOTICE_BOARD", "PAYMENT_GUARANTEE", "LABOR_CONTRACT");
        assertThat(jdbc.sql("SELECT count(*) FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'EMPLOYER' AND i.created_by = 'system'")
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
        assertThat(on(LocalDate.of(2026, 6, 20)).reinspect(order, version(order), true, "已设置告示牌")).isEqualTo(Inspections.OrderStatus.RECTIFIED);
        assertThatThrownBy(() -> on(LocalDate.of(2026, 6, 21)).reinspect(order, version(order), true, null)).hasMessage("inspection.error.orderClosed");
    }

    @Test
    void unfixedBeforeTheDeadlineStaysOpenAndAfterItIsEscalatedToAnInspectionCase() {
        Inspections june = on(LocalDate.of(2026, 6, 10));
        long target = projectTarget(june, "YJ-2021-005");
        long finding = finding(june.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answersWithBoardMissing(), null));
        long order = june.order(finding, "湖南沅江建工集团", 15);

        assertThat(on(LocalDate.of(2026, 6, 25)).reinspect(order, version(order), false, "尚未整改")).isEqualTo(Inspections.OrderStatus.OPEN);
        assertThat(on(LocalDate.of(2026, 6, 26)).rectifications(new Campaigns.Viewer(null, true, "430981%"), REGION).stream().filter(r -> r.id() == order).findFirst()
                .orElseThrow().overdue()).isTrue();
        assertThat(on(LocalDate.of(2026, 6, 26)).rectifications(new Campaigns.Viewer(null, true, "430981%"), REGION).get(0).overdue()).as("overdue first").isTrue();

        assertThat(on(LocalDate.of(2026, 6, 26)).reinspect(order, version(order), false, "逾期仍未整改")).isEqualTo(Inspections.OrderStatus.ESCALATED);
        Long caseId = jdbc.sql("SELECT case_id FROM inspection_finding WHERE id = :id").param("id", finding).query(Long.class).single();
        assertThat(caseId).isNotNull();
        assertThat(jdbc.sql("SELECT channel FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("INSPECTION");
        assertThat(june.toCase(finding)).as("one case per finding").isEqualTo(caseId);
    }

    long item(String code) {
        return jdbc.sql("SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' AND i.code = :c")
                .param("c", code).query(Long.class).single();
    }

    record Board(String status, String statusReason) {
    }

    Board board(String projectCode) {
        return jdbc.sql("""
                SELECT ci.status, ci.status_reason FROM compliance_item ci JOIN project p ON p.id = ci.project_id
                 WHERE p.code = :c AND ci.kind = 'NOTICE_BOARD'
                """).param("c", projectCode).query(Board.class).single();
    }

    @Test
    void aNonCompliantBoardMakesTheProjectsItemMissingWithTheInspectionAsReasonAndTheSecondLookLiftsIt() {
        String code = jdbc.sql("""
                SELECT p.code FROM project p JOIN compliance_item ci ON ci.project_id = p.id
                 WHERE ci.kind = 'NOTICE_BOARD' AND ci.status = 'PRESENT' AND p.code NOT IN ('YJ-2021-003','YJ-2021-004','YJ-2021-005','YJ-2021-006','YJ-2021-007')
                 ORDER BY p.code LIMIT 1
                """).query(String.class).single();
        Board before = board(code);
        Inspections june = on(LocalDate.of(2026, 6, 12));
        long target = projectTarget(june, code);
        long inspection = june.inspect(target, LocalDate.of(2026, 6, 12), "张三、李四",
                List.of(new Inspections.Answer(item("NOTICE_BOARD"), false, "告示牌已被拆除"),
                        new Inspections.Answer(item("REAL_NAME"), null, null)), null);
        Board after = board(code);
        assertThat(after.status()).isEqualTo("MISSING");
        assertThat(after.statusReason()).contains("现场检查（2026-06-12").contains("测试专项行动 " + code)
                .contains("检查记录" + inspection).contains("发现不符合：告示牌已被拆除");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM compliance_history h JOIN compliance_item ci ON ci.id = h.item_id JOIN project p ON p.id = ci.project_id
                 WHERE p.code = :c AND ci.kind = 'NOTICE_BOARD' AND h.status_to = 'MISSING' AND h.summary LIKE '现场检查%'
                """).param("c", code).query(Integer.class).single()).isEqualTo(1);

        long order = june.order(finding(inspection), "湖南华盛建设工程有限公司", 10);
        on(LocalDate.of(2026, 6, 18)).reinspect(order, version(order), true, "已重新设置告示牌");
        assertThat(board(code)).isEqualTo(before);
    }

    @Test
    void photosAreCheckedByContentAndSize() {
        Inspections june = on(LocalDate.of(2026, 6, 10));
        long target = projectTarget(june, "YJ-2021-008");
        List<Inspections.Answer> answers = List.of(new Inspections.Answer(item("NOTICE_BOARD"), false, "无告示牌"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        assertThatThrownBy(() -> june.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answers, null,
                List.of(new Inspections.Photo(item("NOTICE_BOARD"), "fake.jpg", "GIF89a-not-a-photo".getBytes()))))
                .hasMessage("inspection.error.photoType");
        byte[] huge = new byte[Inspections.MAX_PHOTO_BYTES + 1];
        huge[0] = (byte) 0xFF; huge[1] = (byte) 0xD8; huge[2] = (byte) 0xFF;
        assertThatThrownBy(() -> june.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answers, null,
                List.of(new Inspections.Photo(item("NOTICE_BOARD"), "big.jpg", huge)))).hasMessage("inspection.error.photoSize");
        long inspection = june.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answers, null,
                List.of(new Inspections.Photo(item("NOTICE_BOARD"), "board.png", png)));
        assertThat(jdbc.sql("""
                SELECT ph.content_type FROM inspection_photo ph JOIN inspection_answer a ON a.id = ph.answer_id WHERE a.inspection_id = :i
                """).param("i", inspection).query(String.class).single()).isEqualTo("image/png");
    }

    @Test
    void anOverdueOrderIsNotifiedOnceAndOfferedAsACase() {
        Inspections june = on(LocalDate.of(2026, 6, 10));
        long target = projectTarget(june, "YJ-2021-009");
        long finding = finding(june.inspect(target, LocalDate.of(2026, 6, 10), "张三、李四", answersWithBoardMissing(), null));
        long order = june.order(finding, "湖南华盛建设工程有限公司", LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 20));
        assertThatThrownBy(() -> on(LocalDate.of(2026, 6, 20)).escalate(order)).hasMessage("inspection.error.notOverdue");
        String title = "整改逾期：" + jdbc.sql("SELECT number FROM rectification_order WHERE id = :id").param("id", order).query(String.class).single();
        on(LocalDate.of(2026, 6, 21)).notifyOverdue();
        on(LocalDate.of(2026, 6, 22)).notifyOverdue();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE title = :t").param("t", title).query(Integer.class).single())
                .as("lead department and the leadership office, once").isEqualTo(2);
        long caseId = on(LocalDate.of(2026, 6, 22)).escalate(order);
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :id").param("id", order).query(String.class).single())
                .isEqualTo("ESCALATED");
        assertThat(jdbc.sql("SELECT channel FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("INSPECTION");
    }

    @Test
    void factsRecordedAfterTheInspectionCountAgain() {
        String code = jdbc.sql("""
                SELECT p.code FROM project p JOIN compliance_item ci ON ci.project_id = p.id
                 WHERE ci.kind = 'NOTICE_BOARD' AND ci.status = 'PRESENT'
                   AND p.code IN ('YJ-2021-011', 'YJ-2021-014', 'YJ-2021-016', 'YJ-2021-017')
                 ORDER BY p.code DESC LIMIT 1
                """).query(String.class).single();
        Inspections june = on(LocalDate.of(2026, 6, 12));
        long target = projectTarget(june, code);
        june.inspect(target, LocalDate.of(2026, 6, 12), "张三、李四",
                List.of(new Inspections.Answer(item("NOTICE_BOARD"), false, "告示牌缺投诉电话")), null);
        assertThat(board(code).status()).isEqualTo("MISSING");
        long project = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
        var item = compliance.item(project, org.wageguard.project.ComplianceKind.NOTICE_BOARD).orElseThrow();
        compliance.record(project, org.wageguard.project.ComplianceKind.NOTICE_BOARD, item.version(), item.facts());
        assertThat(board(code).status()).as("the facts recorded since").isEqualTo("PRESENT");
    }

    /** A campaign led by {@code department}, one project target inspected on {@code day}: its finding. */
    long findingOfCampaignLedBy(long department, LocalDate day, String project) {
        Inspections inspections = on(day);
        long campaign = inspections.createCampaign("编号测试行动 " + department + " " + day + " " + project,
                Inspections.CampaignKind.SPECIAL_ACTION, day, day.plusMonths(1), department, List.of(department), null);
        long target = inspections.addProjectTarget(campaign, jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", project)
                .query(Long.class).single());
        return finding(inspections.inspect(target, day, "张三、李四", answersWithBoardMissing(), null));
    }

    String number(long order) {
        return jdbc.sql("SELECT number FROM rectification_order WHERE id = :id").param("id", order).query(String.class).single();
    }

    @Test
    void rectificationNoticesAreNumberedPerYearInTheIssuingRegionsPrefixWithoutLeadingZeros() {
        // A county of its own with its prefix set (GB/T 9704-2012 7.2.4: 发文机关代字、年份、发文顺序号，序号不编虚位).
        jdbc.sql("INSERT INTO region (code, name, level) VALUES ('439973', '桃源测试县', 'COUNTY')").update();
        jdbc.sql("INSERT INTO case_region_setting (region_code, document_prefix) VALUES ('439973', '桃测')").update();
        long department = jdbc.sql("""
                INSERT INTO department (name, region_code, kind) VALUES ('桃源测试县人社局', '439973', 'INDUSTRY') RETURNING id
                """).query(Long.class).single();
        LocalDate june = LocalDate.of(2026, 6, 10);
        long first = on(june).order(findingOfCampaignLedBy(department, june, "YJ-2021-003"), "甲公司", june, june.plusDays(15));
        long second = on(june).order(findingOfCampaignLedBy(department, june, "YJ-2021-004"), "乙公司", june, june.plusDays(15));
        LocalDate nextYear = LocalDate.of(2027, 1, 5);
        long third = on(nextYear).order(findingOfCampaignLedBy(department, nextYear, "YJ-2021-003"), "丙公司", nextYear,
                nextYear.plusDays(15));
        assertThat(List.of(number(first), number(second), number(third)))
                .containsExactly("桃测整改〔2026〕1号", "桃测整改〔2026〕2号", "桃测整改〔2027〕1号");

        // The demo county's notices go on after the highest number it already issued that year.
        long yuanjiang = jdbc.sql("SELECT id FROM department WHERE region_code = '430981' ORDER BY id LIMIT 1").query(Long.class).single();
        int highest = jdbc.sql("""
                SELECT COALESCE(max(substring(number FROM '〕0*([0-9]+)号')::int), 0) FROM rectification_order
                 WHERE number LIKE '沅整改〔2026〕%'
                """).query(Integer.class).single();
        long next = on(june).order(findingOfCampaignLedBy(yuanjiang, june, "YJ-2021-004"), "丁公司", june, june.plusDays(15));
        assertThat(number(next)).isEqualTo("沅整改〔2026〕" + (highest + 1) + "号");
    }
}
