package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, clue tracking as the seed has it ("对各欠薪线索进行再核查和持续跟踪"): a clue handled and closed is still
 * followed up until tracking ends, so it stays in the ledger handed to its department.
 */
@DemoApplicationTest
class ClueFollowUpTests {

    @Autowired CaseIntake intake;
    @Autowired ClueLedgers ledgers;
    @Autowired JdbcClient jdbc;

    @Test
    void aHandledClueStillUnderFollowUpReachesTheDepartmentsLedger() {
        long department = jdbc.sql("""
                INSERT INTO department (name, region_code, kind) VALUES ('沅江市跟踪测试局', '430981', 'INDUSTRY') RETURNING id
                """).query(Long.class).single();
        long closed = intake.register(new Intake(Channel.PLATFORM, CaseKind.COMPLAINT, "易国平", MobilePhone.of("13907371701"),
                false, null, "沅江市癸建筑公司", null, "430981", "E", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31),
                "平台线索：拖欠工资", List.of(new Intake.Claimant("易国平", null, new BigDecimal("4100"))), null, null));
        long ended = intake.register(new Intake(Channel.PLATFORM, CaseKind.COMPLAINT, "易国安", MobilePhone.of("13907371702"),
                false, null, "沅江市子建筑公司", null, "430981", "E", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31),
                "平台线索：拖欠工资", List.of(new Intake.Claimant("易国安", null, new BigDecimal("4100"))), null, null));
        jdbc.sql("UPDATE case_file SET department_id = :d, status = 'CLOSED' WHERE id = :c").param("d", department).param("c", closed).update();
        jdbc.sql("UPDATE case_file SET department_id = :d, status = 'TRACKING_ENDED' WHERE id = :c").param("d", department).param("c", ended).update();

        assertThat(ledgers.holdings("430981")).filteredOn(h -> h.departmentId() == department).singleElement()
                .satisfies(h -> {
                    assertThat(h.held()).as("closed, still followed up").isEqualTo(1);
                    assertThat(h.finished()).as("tracking ended").isEqualTo(1);
                });
        ledgers.issue("system", "430981");
        ClueLedgers.Ledger ledger = ledgers.ledgers("430981", java.util.Set.of(department), 1).get(0);
        assertThat(ledgers.items(ledger.id())).extracting(ClueLedgers.Item::caseId).containsExactly(closed);
    }
}
