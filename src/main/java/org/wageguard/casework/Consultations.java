package org.wageguard.casework;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Masking;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;

/**
 * The consultation log (咨询登记): a worker's question on the hotline or at the counter that is not a complaint or a
 * report — answered, logged and counted apart from the matters (the seed's "接受劳动者咨询800余次"), never filed. A
 * question that turns out to be a complaint is registered as one instead.
 */
@Service
public class Consultations {

    public enum Way { HOTLINE, WALK_IN }

    public enum Topic { WAGE_ARREARS, WAGE_STANDARD, CONTRACT, SOCIAL_INSURANCE, PROCEDURE, OTHER }

    /** What the officer fills in at the counter or on the phone; person, phone and employer may stay empty. */
    public record Entry(Way channel, LocalDate consultedOn, String person, String phone, Topic topic, String question,
            String answer, String employerName) {
    }

    /** A logged consultation; the phone is shown masked. */
    public record Consultation(long id, String regionCode, String channel, LocalDate consultedOn, String person,
            String phoneMasked, String topic, String question, String answer, String employerName, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    /** Consultations in a period: all, and by way in. */
    public record Count(long total, long hotline, long walkIn) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final Clock clock;
    private final SensitiveData sensitive;

    Consultations(JdbcClient jdbc, OperationLog operationLog, Clock clock, SensitiveData sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** Logs a consultation in the officer's own region. */
    @Transactional
    public long record(OfficerPrincipal officer, Entry e) {
        if (!officer.hasPermission("casework:consultation:record")) {
            throw new AccessDeniedException("casework:consultation:record");
        }
        LocalDate today = LocalDate.now(clock);
        if (e.channel() == null || e.topic() == null || e.consultedOn() == null) {
            throw CaseRuleException.of("consultation.required");
        }
        if (e.consultedOn().isAfter(today) || e.consultedOn().isBefore(today.minusYears(1))) {
            throw CaseRuleException.of("consultation.date", today.minusYears(1), today);
        }
        String question = required(e.question(), "consultation.question", 1000);
        String answer = required(e.answer(), "consultation.answer", 1000);
        String person = optional(e.person(), 64);
        String employer = optional(e.employerName(), 128);
        String phone = null;
        if (e.phone() != null && !e.phone().isBlank()) {
            var checked = MobilePhone.parseLenient(e.phone());
            if (checked.failure().isPresent()) {
                throw new CaseRuleException("联系电话：" + checked.failure().get().chineseMessage());
            }
            phone = checked.verifiedValue().map(MobilePhone::value).orElse(null);
        }
        long id = jdbc.sql("""
                INSERT INTO consultation (region_code, channel, consulted_on, person, phone, topic, question, answer,
                                          employer_name, recorded_by)
                VALUES (:r, :ch, :on, :person, :phone, :topic, :q, :a, :employer, :by) RETURNING id
                """).param("r", officer.regionCode()).param("ch", e.channel().name()).param("on", Date.valueOf(e.consultedOn()))
                .param("person", person).param("phone", sensitive.encrypt(phone)).param("topic", e.topic().name()).param("q", question)
                .param("a", answer).param("employer", employer).param("by", officer.username()).query(Long.class).single();
        operationLog.record("CONSULTATION_RECORD", "consultation", id, "咨询登记（"
                + CaseRuleException.text("consultation.channel." + e.channel()) + "，"
                + CaseRuleException.text("consultation.topic." + e.topic()) + "）");
        return id;
    }

    /** The consultations of the officer's region subtree in a period, newest first. */
    public List<Consultation> list(String regionPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, region_code, channel, consulted_on, person, phone AS phone_masked, topic, question, answer,
                       employer_name, recorded_by, recorded_at
                  FROM consultation WHERE region_code LIKE :p AND consulted_on BETWEEN :f AND :t
                 ORDER BY consulted_on DESC, id DESC
                """).param("p", regionPrefix + "%").param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Rows.of(Consultation.class)).list().stream()
                .map(c -> c.phoneMasked() == null ? c : new Consultation(c.id(), c.regionCode(), c.channel(),
                        c.consultedOn(), c.person(), Masking.mobile(sensitive.decryptForProcessing(c.phoneMasked())), c.topic(), c.question(),
                        c.answer(), c.employerName(), c.recordedBy(), c.recordedAt()))
                .toList();
    }

    public Count count(String regionPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE channel = 'HOTLINE') AS hotline,
                       count(*) FILTER (WHERE channel = 'WALK_IN') AS walk_in
                  FROM consultation WHERE region_code LIKE :p AND consulted_on BETWEEN :f AND :t
                """).param("p", regionPrefix + "%").param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Rows.of(Count.class)).single();
    }

    /** The region subtree an officer sees consultations of. */
    public static String scopeOf(OfficerPrincipal officer) {
        return RegionCode.of(officer.regionCode()).subtreePrefix();
    }

    private static String required(String value, String key, int max) {
        if (value == null || value.isBlank()) {
            throw CaseRuleException.of(key);
        }
        if (value.strip().length() > max) {
            throw CaseRuleException.of("case.tracking.tooLong");
        }
        return value.strip();
    }

    private static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw CaseRuleException.of("case.tracking.tooLong");
        }
        return value.strip();
    }
}
