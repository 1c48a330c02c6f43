package org.wageguard.messaging.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.wageguard.casework.MatterProgressed;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.SensitiveData;
import org.wageguard.messaging.MessageKind;
import org.wageguard.messaging.TextMessages;
import org.wageguard.monitoring.RedAlertRaised;
import org.wageguard.payroll.ProjectMonthReconciled;
import org.wageguard.shared.Rows;
import org.wageguard.shared.SharedMessages;

/**
 * The notices the other modules' events give rise to, each after the event's transaction has committed: a matter's
 * complainant when it is accepted, assigned or paid (casework); a worker when the bank's disbursement to their card
 * succeeded or failed (payroll: the disbursements of a reconciled project-month, dated within
 * {@code wage-notice-days}); officers who chose it when an assignment or a red alert reaches their department. Each
 * notice carries the key of what caused it, so a disbursement file sent again notifies nobody twice.
 */
@Component
class SmsTriggers {

    private final JdbcClient jdbc;
    private final TextMessages messages;
    private final SensitiveData sensitive;
    private final Notifications notifications;
    private final SmsProperties properties;
    private final Clock clock;

    SmsTriggers(JdbcClient jdbc, TextMessages messages, SensitiveData sensitive, Notifications notifications,
            SmsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.sensitive = sensitive;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    record Matter(String number, String complainantPhone, String regionCode, Long departmentId, boolean anonymous) {
    }

    @ApplicationModuleListener
    void on(MatterProgressed event) {
        Optional<Matter> found = jdbc.sql("""
                SELECT number, complainant_phone, region_code, department_id, anonymous FROM registered_case WHERE id = :id
                """).param("id", event.caseId()).query(Rows.of(Matter.class)).optional();
        if (found.isEmpty()) {
            return;
        }
        Matter m = found.get();
        String department = event.departmentId() == null ? null : jdbc.sql("SELECT name FROM department WHERE id = :d")
                .param("d", event.departmentId()).query(String.class).optional().orElse("");
        if (m.complainantPhone() != null && !m.anonymous()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("number", m.number());
            MessageKind kind = switch (event.step()) {
                case ACCEPTED -> MessageKind.MATTER_ACCEPTED;
                case ASSIGNED -> {
                    params.put("department", department);
                    yield MessageKind.MATTER_ASSIGNED;
                }
                case PAID -> {
                    params.put("amount", money(event.amount()));
                    yield MessageKind.MATTER_PAID;
                }
            };
            messages.queue(new TextMessages.Outgoing(kind, sensitive.decryptForProcessing(m.complainantPhone()), params,
                    "case:" + event.caseId(), m.regionCode(), m.departmentId(),
                    "case:" + event.caseId() + ":" + event.step() + ":" + event.ref()));
        }
        if (event.step() == MatterProgressed.Step.ASSIGNED && event.departmentId() != null) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("number", m.number());
            toOfficers(event.departmentId(), "assignments", MessageKind.OFFICER_ASSIGNMENT, params,
                    "assignment:" + event.ref());
        }
    }

    record Payment(long projectId, String transactionId, String status, BigDecimal amount, LocalDate valueDate,
            String cardMasked, LocalDate month, long workerId, String name, String phoneCipher, String projectName,
            String regionCode, long departmentId) {
    }

    @ApplicationModuleListener
    void on(ProjectMonthReconciled event) {
        LocalDate since = LocalDate.now(clock.withZone(properties.getZone())).minusDays(properties.getWageNoticeDays());
        List<Payment> payments = jdbc.sql("""
                SELECT d.project_id, d.transaction_id, d.status, d.amount, d.value_date, d.card_masked, d.month,
                       w.id AS worker_id, w.name, w.phone_cipher, p.name AS project_name, p.region_code, p.department_id
                  FROM published_disbursement d
                  JOIN published_worker w ON w.id_number_hash = d.payee_id_hash
                  JOIN published_project p ON p.id = d.project_id
                 WHERE d.project_id = :p AND d.month = :m AND d.current AND d.value_date >= :since
                   AND d.status IN ('SUCCESS', 'FAILED', 'RETURNED') AND w.phone_cipher IS NOT NULL
                 ORDER BY d.id
                """).param("p", event.projectId()).param("m", Date.valueOf(event.month().atDay(1)))
                .param("since", Date.valueOf(since)).query(Rows.of(Payment.class)).list();
        for (Payment p : payments) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("name", p.name());
            params.put("project", p.projectName());
            params.put("month", String.valueOf(p.month().getMonthValue()));
            params.put("amount", money(p.amount()));
            params.put("date", p.valueDate().getMonthValue() + "月" + p.valueDate().getDayOfMonth() + "日");
            params.put("card", p.cardMasked() == null ? "" : p.cardMasked().substring(Math.max(0, p.cardMasked().length() - 4)));
            MessageKind kind = p.status().equals("SUCCESS") ? MessageKind.WAGE_PAID : MessageKind.WAGE_FAILED;
            messages.queue(new TextMessages.Outgoing(kind, sensitive.decryptForProcessing(p.phoneCipher()), params,
                    "worker:" + p.workerId(), p.regionCode(), p.departmentId(),
                    "disbursement:" + p.projectId() + ":" + p.transactionId() + ":" + p.status()));
        }
    }

    @ApplicationModuleListener
    void on(RedAlertRaised event) {
        Optional<Long> department = Optional.ofNullable(event.departmentId())
                .or(() -> notifications.leadershipOffice(event.regionCode()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("rule", SharedMessages.chinese("messages/monitoring", "monitoring.rule." + event.rule() + ".name"));
        params.put("subject", event.subjectName());
        department.ifPresent(d -> toOfficers(d, "red_alerts", MessageKind.OFFICER_RED_ALERT, params,
                "alert:" + event.alertId()));
    }

    record Officer(long id, String mobileCipher, String regionCode, Long departmentId) {
    }

    /** The officers of a department who chose this kind of notice and have a mobile number on file. */
    private void toOfficers(long departmentId, String choice, MessageKind kind, Map<String, String> params,
            String sourceKey) {
        List<Officer> officers = jdbc.sql("""
                SELECT o.id, o.mobile_cipher, o.region_code, o.department_id FROM officer_directory o
                  JOIN sms_officer_preference p ON p.officer_id = o.id
                 WHERE o.department_id = :d AND o.enabled AND o.mobile_cipher IS NOT NULL AND p.%s
                 ORDER BY o.id
                """.formatted(choice.equals("red_alerts") ? "red_alerts" : "assignments"))
                .param("d", departmentId).query(Rows.of(Officer.class)).list();
        for (Officer o : officers) {
            messages.queue(new TextMessages.Outgoing(kind, sensitive.decryptForProcessing(o.mobileCipher()), params,
                    "officer:" + o.id(), o.regionCode(), o.departmentId(), sourceKey + ":officer:" + o.id()));
        }
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
