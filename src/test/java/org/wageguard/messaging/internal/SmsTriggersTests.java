package org.wageguard.messaging.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.MatterProgressed;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.SensitiveData;
import org.wageguard.messaging.TextMessages;
import org.wageguard.monitoring.RedAlertRaised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.payroll.ProjectMonthReconciled;
import org.wageguard.shared.Rows;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: who is told what, from the other modules' events (each listener called as the event registry calls it
 * after the commit; the browser journey {@code SmsBrowserTests} goes through the real import and its event). Rolled
 * back: nothing stays in the message log.
 */
@DemoApplicationTest
@Transactional
class SmsTriggersTests {

    @Autowired JdbcClient jdbc;
    @Autowired SmsProperties properties;
    @Autowired TextMessages messages;
    @Autowired SensitiveData sensitive;
    @Autowired Notifications notifications;
    @Autowired Clock clock;

    /**
     * The listener itself, not the application's proxy of it: the proxy runs each call in a transaction of its own
     * (as after a commit), which would neither see this test's records nor be rolled back with it.
     */
    SmsTriggers triggers;

    @org.junit.jupiter.api.BeforeEach
    void listener() {
        triggers = new SmsTriggers(jdbc, messages, sensitive, notifications, properties, clock);
    }

    record Message(String kind, String recipientKind, String recipientRef, String phoneMasked, String body,
            String status, String reason, Long departmentId) {
    }

    List<Message> messagesWhere(String sql, Object value) {
        return jdbc.sql("""
                SELECT kind, recipient_kind, recipient_ref, phone_masked, body, status, reason, department_id
                  FROM sms_message WHERE\s""" + sql + " ORDER BY id").param("v", value).query(Rows.of(Message.class)).list();
    }

    record Matter(long id, String number, Long departmentId) {
    }

    @Test
    void theComplainantIsToldWhenTheMatterIsAcceptedAssignedAndPaidEachOnce() {
        Matter matter = jdbc.sql("""
                SELECT id, number, department_id FROM case_file
                 WHERE complainant_phone IS NOT NULL AND NOT anonymous ORDER BY id LIMIT 1
                """).query(Rows.of(Matter.class)).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();

        triggers.on(new MatterProgressed(matter.id(), MatterProgressed.Step.ACCEPTED, 0, null, null));
        triggers.on(new MatterProgressed(matter.id(), MatterProgressed.Step.ASSIGNED, 9001, housing, null));
        triggers.on(new MatterProgressed(matter.id(), MatterProgressed.Step.PAID, 9002, null, new BigDecimal("12800.5")));
        triggers.on(new MatterProgressed(matter.id(), MatterProgressed.Step.PAID, 9002, null, new BigDecimal("12800.5")));

        List<Message> told = messagesWhere("recipient_ref = :v", "case:" + matter.id());
        assertThat(told).extracting(Message::kind).containsExactly("MATTER_ACCEPTED", "MATTER_ASSIGNED", "MATTER_PAID");
        assertThat(told).allSatisfy(m -> {
            assertThat(m.recipientKind()).isEqualTo("COMPLAINANT");
            assertThat(m.body()).startsWith("【护薪】").contains(matter.number());
            assertThat(m.phoneMasked()).matches("1\\d{2}\\*{4}\\d{4}");
            assertThat(m.status()).isEqualTo("QUEUED");
        });
        assertThat(told.get(1).body()).contains("已交沅江市住房和城乡建设局办理");
        assertThat(told.get(2).body()).contains("12800.50元");
    }

    @Test
    void anOfficerIsToldOfAnAssignmentOrARedAlertOnlyIfTheyChoseIt() {
        record Officer(long id, long departmentId) {
        }
        List<Officer> officers = jdbc.sql("""
                SELECT id, department_id FROM officer_directory WHERE mobile_cipher IS NOT NULL AND enabled
                   AND department_id = (SELECT department_id FROM officer_directory WHERE username = 'zhujian')
                 ORDER BY id
                """).query(Rows.of(Officer.class)).list();
        assertThat(officers).isNotEmpty();
        Officer chooser = officers.get(0);
        long department = chooser.departmentId();
        long caseId = jdbc.sql("SELECT id FROM case_file ORDER BY id LIMIT 1").query(Long.class).single();

        triggers.on(new MatterProgressed(caseId, MatterProgressed.Step.ASSIGNED, 9101, department, null));
        assertThat(messagesWhere("kind = 'OFFICER_ASSIGNMENT' AND source_key LIKE :v", "assignment:9101:%")).isEmpty();

        messages.choose(chooser.id(), new TextMessages.OfficerChoice(true, false));
        triggers.on(new MatterProgressed(caseId, MatterProgressed.Step.ASSIGNED, 9102, department, null));
        triggers.on(new RedAlertRaised(9103, RuleCode.values()[0], "沅江市测试项目", "430981", department));
        assertThat(messagesWhere("source_key LIKE :v", "assignment:9102:%")).singleElement()
                .satisfies(m -> {
                    assertThat(m.recipientRef()).isEqualTo("officer:" + chooser.id());
                    assertThat(m.body()).contains("已交办贵部门");
                });
        assertThat(messagesWhere("source_key LIKE :v", "alert:9103:%")).isEmpty();

        messages.choose(chooser.id(), new TextMessages.OfficerChoice(false, true));
        triggers.on(new RedAlertRaised(9104, RuleCode.values()[0], "沅江市测试项目", "430981", department));
        assertThat(messagesWhere("source_key LIKE :v", "alert:9104:%")).singleElement()
                .satisfies(m -> assertThat(m.body()).startsWith("【护薪】红色预警：沅江市测试项目"));
    }

    @Test
    void aDisbursementToAWorkersCardNotifiesTheWorkerOnceAndAnOptedOutWorkerNot() {
        SmsProperties properties = new SmsProperties();
        properties.setWageNoticeDays(100_000);
        SmsTriggers everyDisbursement = new SmsTriggers(jdbc, messages, sensitive, notifications, properties, clock);
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-011'").query(Long.class).single();
        ProjectMonthReconciled october = new ProjectMonthReconciled(project, YearMonth.of(2026, 10),
                Map.of("red", 0L, "orange", 0L, "yellow", 0L));
        long optedOut = jdbc.sql("""
                SELECT w.id FROM worker w JOIN disbursement d ON d.payee_id_hash = w.id_number_hash
                 WHERE d.project_id = :p AND d.status = 'SUCCESS' AND d.current AND w.phone_cipher IS NOT NULL
                 ORDER BY w.id LIMIT 1
                """).param("p", project).query(Long.class).single();
        messages.setOptOut(optedOut, true, "test");

        // the demo's own later payments (a November advance paid days ago) were told when the demo was loaded
        List<Message> before = messagesWhere("source_key LIKE :v", "disbursement:" + project + ":%");
        everyDisbursement.on(october);
        List<Message> told = new java.util.ArrayList<>(messagesWhere("source_key LIKE :v", "disbursement:" + project + ":%"));
        told.removeAll(before);
        assertThat(told).extracting(Message::kind).contains("WAGE_PAID", "WAGE_FAILED");
        assertThat(told).filteredOn(m -> m.kind().equals("WAGE_FAILED")).allSatisfy(m ->
                assertThat(m.body()).contains("未成功").contains("12333"));
        assertThat(told).filteredOn(m -> m.recipientRef().equals("worker:" + optedOut)).singleElement()
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo("SUPPRESSED");
                    assertThat(m.reason()).isEqualTo("OPTED_OUT");
                });
        assertThat(told).filteredOn(m -> !m.recipientRef().equals("worker:" + optedOut))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo("QUEUED"));

        // the month reconciled again (any later import): nobody is told twice
        everyDisbursement.on(october);
        assertThat(messagesWhere("source_key LIKE :v", "disbursement:" + project + ":%")).hasSize(before.size() + told.size());
        // an old statement is no news: with the default seven days, another project's October tells nobody
        long other = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-004'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM disbursement WHERE project_id = :p AND month = '2026-10-01' AND current")
                .param("p", other).query(Long.class).single()).isPositive();
        triggers.on(new ProjectMonthReconciled(other, YearMonth.of(2026, 10), Map.of("red", 0L, "orange", 0L, "yellow", 0L)));
        assertThat(messagesWhere("source_key LIKE :v", "disbursement:" + other + ":%")).isEmpty();
    }
}
