package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import org.wageguard.DemoApplicationTest;
import org.wageguard.employer.ArrearsConfirmed;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 22: casework no longer writes the employer's arrears record itself. A resolution that confirms arrears
 * publishes {@link ArrearsConfirmed}; the employer module records it after the resolution has committed, through
 * Spring Modulith's event publication registry, which keeps the event until the record is written and delivers it
 * again when it was not (at start: {@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@DemoApplicationTest
class ArrearsConfirmedEventTests {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired JdbcClient jdbc;
    @Autowired Logins logins;
    @Autowired TransactionTemplate transactions;
    @Autowired IncompleteEventPublications incomplete;

    int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    long arrearsRecords(long caseId) {
        return jdbc.sql("SELECT count(*) FROM employer_arrears_record WHERE case_reference = (SELECT number FROM case_file WHERE id = :c)")
                .param("c", caseId).query(Long.class).single();
    }

    @Test
    void theEmployerRecordsTheConfirmedArrearsAfterTheResolutionCommitsAndAgainWhenTheEventIsRedelivered() {
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市顺达建筑劳务有限公司'").query(Long.class).single();
        long caseId = intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "邹立平", MobilePhone.of("13907371388"),
                false, employer, "沅江市顺达建筑劳务有限公司", null, "430981", "E", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 31), "拖欠工资", List.of(new Intake.Claimant("邹立平", null, new BigDecimal("7300"))), null,
                LocalDate.of(2026, 11, 26)));
        OfficerPrincipal jiancha = logins.principal("jiancha");
        handling.accept(caseId, version(caseId), jiancha);
        handling.coordinate(caseId, version(caseId), jiancha);

        Map<String, Object> publication = transactions.execute(tx -> {
            handling.resolve(caseId, version(caseId), jiancha, Outcome.MEDIATED, "调解", null);
            assertThat(arrearsRecords(caseId)).as("not written inside the resolution's transaction").isZero();
            return jdbc.sql("""
                    SELECT listener_id, event_type, serialized_event FROM event_publication
                     WHERE event_type = :type AND completion_date IS NULL AND serialized_event LIKE :ref
                    """).param("type", ArrearsConfirmed.class.getName())
                    .param("ref", "%" + jdbc.sql("SELECT number FROM case_file WHERE id = :c").param("c", caseId)
                            .query(String.class).single() + "%")
                    .query().singleRow();
        });
        assertThat(publication).as("the event is in the publication registry").isNotNull();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(arrearsRecords(caseId)).isEqualTo(1));
        assertThat(jdbc.sql("SELECT amount FROM employer_arrears_record WHERE case_reference = (SELECT number FROM case_file WHERE id = :c)")
                .param("c", caseId).query(BigDecimal.class).single()).isEqualByComparingTo("7300");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type = :type AND completion_date IS NULL
                """).param("type", ArrearsConfirmed.class.getName()).query(Long.class).single())
                .as("completed and removed from the registry").isZero());

        // The same publication left incomplete (the application stopped before the employer recorded it) is delivered
        // again, from what the registry stored: the serialized event is enough to record the arrears.
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts)
                VALUES (:id, :listener, :type, :event, now(), 'PUBLISHED', 1)
                """).param("id", UUID.randomUUID()).param("listener", publication.get("listener_id"))
                .param("type", publication.get("event_type")).param("event", publication.get("serialized_event")).update();
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ArrearsConfirmed a
                && a.employerId() == employer);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(arrearsRecords(caseId)).isEqualTo(2));
    }
}
