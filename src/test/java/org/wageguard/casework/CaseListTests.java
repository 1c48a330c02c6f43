package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case list reads overdue cases apart from the rest: paging through it must give every case exactly once, overdue
 * first and newest first, as one sort of the whole selection would; the paid-out totals kept on the case by triggers
 * must equal the claimants' rows.
 */
@DemoApplicationTest
class CaseListTests {

    @Autowired CaseQueries queries;
    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired JdbcClient jdbc;
    @Autowired Logins logins;

    @Test
    void pagingGivesEveryCaseOnceOverdueFirstThenNewestFirst() {
        // An overdue case among the newest, so that the overdue block is not simply the top of the date order.
        intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "某", null, false, null, "沅江市某工程队", null,
                "430981", "E", null, null, "测试", List.of(new Intake.Claimant("某", null, new BigDecimal("1000"))), null,
                handling.today().minusDays(40)));
        var scope = logins.principal("zhiqianban").scope();
        List<CaseQueries.CaseRow> expected = new ArrayList<>(queries.all(scope, CaseQueries.Filter.none()));
        expected.sort(Comparator.comparing(CaseQueries.CaseRow::overdue).reversed()
                .thenComparing(CaseQueries.CaseRow::registeredOn, Comparator.reverseOrder())
                .thenComparing(CaseQueries.CaseRow::id, Comparator.reverseOrder()));
        assertThat(expected.stream().filter(CaseQueries.CaseRow::overdue)).isNotEmpty();
        List<Long> paged = new ArrayList<>();
        int size = 4;
        var first = queries.list(scope, CaseQueries.Filter.none(), 1, size, p -> "");
        assertThat(first.total()).isEqualTo(expected.size());
        for (int page = 1; page <= (expected.size() + size - 1) / size; page++) {
            queries.list(scope, CaseQueries.Filter.none(), page, size, p -> "").rows().forEach(r -> paged.add(r.id()));
        }
        assertThat(paged).containsExactlyElementsOf(expected.stream().map(CaseQueries.CaseRow::id).toList());
    }

    @Test
    void theOverdueFilterListsExactlyTheOverdueCasesAndTheTrailAddsUpTheCountedOnes() {
        intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "某", null, false, null, "沅江市某劳务队", null,
                "430981", "E", null, null, "测试", List.of(new Intake.Claimant("某", null, new BigDecimal("3000"))), null,
                handling.today().minusDays(60)));
        var scope = logins.principal("zhiqianban").scope();
        CaseQueries.Filter overdue = new CaseQueries.Filter(null, null, null, true, null, null, null, null, null, null,
                null, null, null);
        List<CaseQueries.CaseRow> all = queries.all(scope, CaseQueries.Filter.none());
        List<Long> expected = all.stream().filter(CaseQueries.CaseRow::overdue)
                .sorted(Comparator.comparing(CaseQueries.CaseRow::registeredOn, Comparator.reverseOrder())
                        .thenComparing(CaseQueries.CaseRow::id, Comparator.reverseOrder()))
                .map(CaseQueries.CaseRow::id).toList();
        assertThat(expected).isNotEmpty();
        var page = queries.list(scope, overdue, 1, 1000, p -> "");
        assertThat(page.total()).isEqualTo(expected.size());
        assertThat(page.rows()).extracting(CaseQueries.CaseRow::id).containsExactlyElementsOf(expected);

        // The money trail of the whole list: the cases the statistics count (no refused, withdrawn or linked repeat).
        var counted = all.stream().filter(r -> r.linkedCaseId() == null && !r.status().equals("REFUSED")
                && !r.status().equals("WITHDRAWN")).toList();
        var trail = queries.moneyTrail(scope, CaseQueries.Filter.none());
        assertThat(trail.cases()).isEqualTo(counted.size());
        assertThat(trail.claimed()).isEqualByComparingTo(counted.stream().map(CaseQueries.CaseRow::amountClaimed)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(trail.paidOut()).isEqualByComparingTo(counted.stream().map(CaseQueries.CaseRow::amountPaidOut)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(trail.workers()).isEqualTo(counted.stream().mapToLong(CaseQueries.CaseRow::workers).sum());
    }

    @Test
    void thePaidOutTotalsOnTheCaseFollowTheClaimants() {
        Long mismatches = jdbc.sql("""
                SELECT count(*) FROM case_file c
                 WHERE c.amount_paid_out <> COALESCE((SELECT sum(amount_paid) FROM case_claimant k WHERE k.case_id = c.id), 0)
                    OR c.workers_paid <> (SELECT count(*) FROM case_claimant k WHERE k.case_id = c.id AND k.paid_on IS NOT NULL)
                """).query(Long.class).single();
        assertThat(mismatches).isZero();
        long id = intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "某", null, false, null, "沅江市某工程队",
                null, "430981", "E", null, null, "测试", List.of(new Intake.Claimant("甲", null, new BigDecimal("1200")),
                        new Intake.Claimant("乙", null, new BigDecimal("800"))), null, LocalDate.of(2026, 11, 20)));
        jdbc.sql("UPDATE case_claimant SET amount_paid = 1200, paid_on = '2026-11-25' WHERE case_id = :c AND name = '甲'")
                .param("c", id).update();
        record Paid(BigDecimal amountPaidOut, int workersPaid) {
        }
        Paid paid = jdbc.sql("SELECT amount_paid_out, workers_paid FROM case_file WHERE id = :c").param("c", id)
                .query(Paid.class).single();
        assertThat(paid.amountPaidOut()).isEqualByComparingTo("1200");
        assertThat(paid.workersPaid()).isEqualTo(1);
    }
}
