package org.wageguard.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wageguard.payroll.reconciliation.TestIds.id;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of FORMATS.md at its edges, on small data sets. */
class ReconciliationRuleTests {

    static final String P = "P1";
    static final String A = id(1);
    static final String B = id(2);
    static final String CARD_A = "6222000000000001";
    static final String CARD_B = "6222000000000002";
    static final String MARCH = "2024-03";
    static final YearMonth MARCH_YM = YearMonth.of(2024, 3);

    /** Worker A, on the roster, 22 days in March, paid in full on the pay day: nothing to find. */
    static DataSet cleanWorkerA() {
        return new DataSet().roster(P, A, CARD_A)
                .attendance(P, A, MARCH, 1, 22)
                .payroll(P, MARCH, A, 22, "5000.00", "2024-04-10")
                .pay(P, "T1", CARD_A, A, "5000.00", "2024-04-10", "SUCCESS", MARCH);
    }

    @Test
    void aWorkerAttendedPaidAndPaidInFullHasNoFindings() {
        assertThat(cleanWorkerA().reconcile()).isEmpty();
    }

    @Nested
    class InvalidIdNumber {
        @Test
        void aWrongCheckCharacterIsAFindingAndTheWorkerIsReconciledAsAnyOther() {
            String bad = TestIds.withWrongCheck(B);
            List<Finding> findings = cleanWorkerA().roster(P, bad, CARD_B).attendance(P, bad, MARCH, 1, 3).reconcile();
            assertThat(findings).extracting(Finding::rule, Finding::workerIdNumber, Finding::month)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Rule.INVALID_ID_NUMBER, bad, null),
                            org.assertj.core.groups.Tuple.tuple(Rule.UNPAID, bad, MARCH_YM));
            assertThat(findings).filteredOn(f -> f.rule() == Rule.INVALID_ID_NUMBER)
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
                        assertThat(f.detail()).contains(bad).contains("校验位");
                    });
        }

        @Test
        void aBirthDateAfterTodayOrBefore1900OrNotRealIsInvalid() {
            String future = TestIds.withCheck("43098120991231001");
            String old = TestIds.withCheck("43098118991231001");
            String notReal = TestIds.withCheck("43098119900230001");
            String firstDay = TestIds.withCheck("43098119000101001");
            String today = TestIds.withCheck("430981" + "20261128" + "001");
            DataSet data = new DataSet();
            for (String w : List.of(future, old, notReal, firstDay, today)) {
                data.roster(P, w, "6222" + w.substring(10, 18));
            }
            assertThat(data.findings(Rule.INVALID_ID_NUMBER)).extracting(Finding::workerIdNumber)
                    .containsExactlyInAnyOrder(future, old, notReal);
        }

        @Test
        void aLowerCaseXCheckCharacterIsTheSameWorkerAndPrintsUpperCase() {
            String x = TestIds.idEndingInX();
            String lower = x.substring(0, 17) + "x";
            List<Finding> findings = new DataSet().roster(P, lower, CARD_A).attendance(P, x, MARCH, 1, 2)
                    .attendance(P, lower, MARCH, 3, 3).reconcile();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(Rule.UNPAID);
                assertThat(f.workerIdNumber()).isEqualTo(x);
                assertThat(f.detail()).contains("3 天");
            });
        }

        @Test
        void aPayeeIdIsCheckedToo() {
            String bad = "43098119900101ABCD";
            List<Finding> findings = cleanWorkerA().pay(P, "T9", CARD_B, bad.toLowerCase(), "10", "2024-04-10",
                    "SUCCESS", MARCH).reconcile();
            assertThat(findings).extracting(Finding::rule, Finding::workerIdNumber).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(Rule.INVALID_ID_NUMBER, bad),
                    org.assertj.core.groups.Tuple.tuple(Rule.PAID_TO_OTHER_CARD, bad));
        }

        @Test
        void anInvalidIdIsOneFindingPerProject() {
            String bad = TestIds.withWrongCheck(B);
            List<Finding> findings = new DataSet().roster(P, bad, CARD_B).roster("P2", bad, CARD_B)
                    .payroll(P, MARCH, bad, 0, "0", "2024-04-10").reconcile();
            assertThat(findings).filteredOn(f -> f.rule() == Rule.INVALID_ID_NUMBER)
                    .extracting(Finding::projectCode).containsExactlyInAnyOrder(P, "P2");
        }
    }

    @Nested
    class NotOnRoster {
        @Test
        void attendanceOrPayrollOfAWorkerMissingFromTheProjectsRosterIsAFinding() {
            String c = id(3);
            List<Finding> findings = cleanWorkerA().roster("P2", B, CARD_B)
                    .attendance(P, B, MARCH, 1, 1)
                    .payroll(P, MARCH, c, 0, "0", "2024-04-10")
                    .reconcile();
            assertThat(findings).filteredOn(f -> f.rule() == Rule.NOT_ON_ROSTER)
                    .extracting(Finding::workerIdNumber, Finding::month, Finding::severity)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(B, null, Severity.ORANGE),
                            org.assertj.core.groups.Tuple.tuple(c, null, Severity.ORANGE));
        }

        @Test
        void aPaymentAloneDoesNotMakeItAFinding() {
            assertThat(cleanWorkerA().pay(P, "T2", CARD_B, B, "100", "2024-04-10", "SUCCESS", MARCH)
                    .findings(Rule.NOT_ON_ROSTER)).isEmpty();
        }
    }

    @Nested
    class NoContract {
        @Test
        void onlyAWorkerWithAttendanceWhoseRosterSaysNoIsAFinding() {
            String c = id(3);
            List<Finding> findings = new DataSet().roster(P, A, CARD_A, "n").roster(P, B, CARD_B, "否")
                    .roster(P, c, "6222000000000003", "N")
                    .attendance(P, A, MARCH, 1, 2).attendance(P, B, MARCH, 1, 1).findings(Rule.NO_CONTRACT);
            assertThat(findings).extracting(Finding::workerIdNumber).containsExactlyInAnyOrder(A, B);
            assertThat(findings).allSatisfy(f -> assertThat(f.month()).isNull());
        }
    }

    @Nested
    class GhostPayrollAndDays {
        @Test
        void aPayrollLineForAMonthWithoutAttendanceIsGhostPayroll() {
            List<Finding> findings = cleanWorkerA().payroll(P, "2024-04", A, 5, "1000", "2024-05-10")
                    .pay(P, "T2", CARD_A, A, "1000", "2024-05-10", "SUCCESS", "2024-04").reconcile();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(Rule.GHOST_PAYROLL);
                assertThat(f.month()).isEqualTo(YearMonth.of(2024, 4));
            });
        }

        @Test
        void daysWorkedDifferentFromDistinctAttendanceDatesIsAMismatch() {
            DataSet data = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 20)
                    .payroll(P, MARCH, A, 22, "5000", "2024-04-10")
                    .pay(P, "T1", CARD_A, A, "5000", "2024-04-10", "SUCCESS", MARCH);
            assertThat(data.findings(Rule.DAYS_MISMATCH)).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("20 天").contains("22 天"));
        }

        @Test
        void aRepeatedDateCountsOnce() {
            DataSet data = cleanWorkerA().attendance(P, A, MARCH, 22, 22).attendance(P, A, MARCH, 5, 5);
            assertThat(data.reconcile()).isEmpty();
        }

        @Test
        void aReplacedPayrollLineIsTheOneThatCounts() {
            DataSet data = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .payroll(P, MARCH, A, 20, "9000", "2024-04-10")
                    .payroll(P, MARCH, A, 22, "5000.00", "2024-04-10")
                    .pay(P, "T1", CARD_A, A, "5000", "2024-04-10", "SUCCESS", MARCH);
            assertThat(data.reconcile()).isEmpty();
        }
    }

    @Nested
    class UnpaidAndUnderpaid {
        @Test
        void attendanceWithOnlyAFailedPaymentIsUnpaid() {
            DataSet data = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 3)
                    .pay(P, "T1", CARD_A, "", "300", "2024-04-10", "FAILED", MARCH);
            assertThat(data.reconcile()).extracting(Finding::rule)
                    .containsExactlyInAnyOrder(Rule.UNPAID, Rule.FAILED_NOT_REPAID);
        }

        @Test
        void oneFenShortIsNotUnderpaidButTwoFenShortIs() {
            assertThat(paidAgainstNet("4999.99").findings(Rule.UNDERPAID)).isEmpty();
            assertThat(paidAgainstNet("4999.98").findings(Rule.UNDERPAID)).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("5000.00").contains("4999.98").contains("0.02"));
        }

        @Test
        void aSignedLineShortOfItsNetIsStillUnderpaidAsTheFindingsContractSays() {
            // FORMATS: UNDERPAID is "a payroll line exists and 0 < paid < net_wage − 0.01", signed or not. The cash part a
            // worker signed for is explained on the web's findings page, never by leaving the finding out.
            DataSet signed = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .signedPayroll(P, MARCH, A, 22, "5000.00", "2024-04-10")
                    .pay(P, "T1", CARD_A, A, "4200", "2024-04-10", "SUCCESS", MARCH);
            assertThat(signed.reconcile()).extracting(Finding::rule).containsExactly(Rule.UNDERPAID);
            var unsigned = paidAgainstNet("4200").findings(Rule.UNDERPAID);
            assertThat(unsigned).singleElement().satisfies(f -> assertThat(f.detail()).contains("少 800.00"));
        }

        @Test
        void partialPaymentsAddUpAndNothingPaidIsUnpaidNotUnderpaid() {
            DataSet split = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .payroll(P, MARCH, A, 22, "5000", "2024-04-10")
                    .pay(P, "T1", CARD_A, A, "2000.5", "2024-04-10", "SUCCESS", MARCH)
                    .pay(P, "T2", CARD_A, A, "2999.50", "2024-04-10", "SUCCESS", MARCH);
            assertThat(split.reconcile()).isEmpty();
            DataSet none = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .payroll(P, MARCH, A, 22, "5000", "2024-04-10");
            assertThat(none.reconcile()).extracting(Finding::rule).containsExactly(Rule.UNPAID);
        }

        @Test
        void theMonthIsTheMonthColumnNotTheValueDate() {
            DataSet data = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .payroll(P, MARCH, A, 22, "5000", "2024-05-31")
                    .pay(P, "T1", CARD_A, A, "5000", "2024-05-02", "SUCCESS", MARCH);
            assertThat(data.reconcile()).isEmpty();
        }

        private DataSet paidAgainstNet(String paid) {
            return new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .payroll(P, MARCH, A, 22, "5000.00", "2024-04-10")
                    .pay(P, "T1", CARD_A, A, paid, "2024-04-10", "SUCCESS", MARCH);
        }
    }

    @Nested
    class Cards {
        @Test
        void aSuccessToAnotherCardThanTheRosterCardIsAFinding() {
            List<Finding> findings = cleanWorkerA().pay(P, "T2", CARD_B, A, "1", "2024-04-10", "SUCCESS", MARCH)
                    .findings(Rule.PAID_TO_OTHER_CARD);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.workerIdNumber()).isEqualTo(A);
                assertThat(f.detail()).contains(CARD_B).contains(CARD_A).contains("T2");
            });
        }

        @Test
        void aFailedPaymentToAnotherCardIsNotPaidToOtherCard() {
            assertThat(cleanWorkerA().pay(P, "T2", CARD_B, A, "1", "2024-04-10", "FAILED", MARCH)
                    .findings(Rule.PAID_TO_OTHER_CARD)).isEmpty();
        }

        @Test
        void aWorkerWithoutARosterRowIsPaidToAnotherCardWhateverTheCard() {
            assertThat(cleanWorkerA().pay(P, "T2", CARD_B, B, "1", "2024-04-10", "SUCCESS", MARCH)
                    .findings(Rule.PAID_TO_OTHER_CARD)).extracting(Finding::workerIdNumber).containsExactly(B);
        }

        @Test
        void spacesInsideACardNumberDoNotMakeItAnotherCard() {
            assertThat(cleanWorkerA().pay(P, "T2", "6222 0000 0000 0001", A, "0", "2024-04-10", "SUCCESS", MARCH)
                    .reconcile()).isEmpty();
        }

        @Test
        void oneCardPaidToTwoWorkersInAMonthIsASharedCard() {
            DataSet data = cleanWorkerA().roster(P, B, CARD_B).attendance(P, B, MARCH, 1, 1)
                    .pay(P, "T2", CARD_A, B, "200", "2024-04-10", "SUCCESS", MARCH)
                    .pay(P, "T3", CARD_A, B, "200", "2024-05-10", "SUCCESS", "2024-04");
            assertThat(data.findings(Rule.SHARED_CARD)).singleElement().satisfies(f -> {
                assertThat(f.workerIdNumber()).isNull();
                assertThat(f.month()).isEqualTo(MARCH_YM);
                assertThat(f.detail()).contains(CARD_A);
            });
        }

        @Test
        void aCardSharedWithinAProjectIsASharedRosterCardButNotAcrossProjects() {
            DataSet within = new DataSet().roster(P, A, CARD_A).roster(P, B, "6222 0000 0000 0001");
            assertThat(within.findings(Rule.SHARED_ROSTER_CARD)).singleElement().satisfies(f -> {
                assertThat(f.projectCode()).isEqualTo(P);
                assertThat(f.workerIdNumber()).isNull();
                assertThat(f.month()).isNull();
                assertThat(f.detail()).contains(CARD_A).contains(A).contains(B);
            });
            DataSet across = new DataSet().roster(P, A, CARD_A).roster("P2", B, CARD_A);
            assertThat(across.findings(Rule.SHARED_ROSTER_CARD)).isEmpty();
        }

        @Test
        void aReplacedRosterRowTakesTheLaterPositionForAttributionByCard() {
            String shared = "6222000000000009";
            DataSet data = new DataSet().roster(P, A, shared).roster(P, B, shared).roster(P, A, shared)
                    .attendance(P, A, MARCH, 1, 1).attendance(P, B, MARCH, 1, 1)
                    .pay(P, "T1", shared, "", "100", "2024-04-10", "SUCCESS", MARCH);
            assertThat(data.findings(Rule.UNPAID)).extracting(Finding::workerIdNumber).containsExactly(B);
            assertThat(data.findings(Rule.SHARED_ROSTER_CARD)).hasSize(1);
        }

        @Test
        void aReplacedRosterRowReplacesTheCard() {
            DataSet data = new DataSet().roster(P, A, CARD_A).roster(P, A, CARD_B).attendance(P, A, MARCH, 1, 1)
                    .pay(P, "T1", CARD_A, A, "100", "2024-04-10", "SUCCESS", MARCH)
                    .pay(P, "T2", CARD_A, "", "100", "2024-04-10", "SUCCESS", MARCH);
            assertThat(data.reconcile()).extracting(Finding::rule)
                    .containsExactlyInAnyOrder(Rule.PAID_TO_OTHER_CARD, Rule.UNMATCHED_PAYMENT);
        }
    }

    @Nested
    class Unmatched {
        @Test
        void anUnattributedPaymentOfEachStatusIsAFindingWithItsMonth() {
            List<Finding> findings = cleanWorkerA()
                    .pay(P, "T2", CARD_B, "", "1", "2024-04-10", "SUCCESS", MARCH)
                    .pay(P, "T3", CARD_B, "", "1", "2024-04-10", "FAILED", MARCH)
                    .pay(P, "T4", CARD_B, "", "1", "2024-04-10", "RETURNED", "2024-04")
                    .findings(Rule.UNMATCHED_PAYMENT);
            assertThat(findings).extracting(Finding::month)
                    .containsExactlyInAnyOrder(MARCH_YM, MARCH_YM, YearMonth.of(2024, 4));
            assertThat(findings).allSatisfy(f -> assertThat(f.workerIdNumber()).isNull());
            assertThat(findings).extracting(Finding::detail).anySatisfy(d -> assertThat(d).contains("T3"));
        }

        @Test
        void aCardOfAnotherProjectsRosterDoesNotAttribute() {
            assertThat(cleanWorkerA().pay("P2", "T1", CARD_A, "", "1", "2024-04-10", "SUCCESS", MARCH)
                    .findings(Rule.UNMATCHED_PAYMENT)).extracting(Finding::projectCode).containsExactly("P2");
        }
    }

    @Nested
    class Timing {
        @Test
        void aSuccessAfterThePayDayIsLateButOnThePayDayIsNot() {
            assertThat(cleanWorkerA().findings(Rule.LATE_PAYMENT)).isEmpty();
            DataSet late = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .payroll(P, MARCH, A, 22, "5000", "2024-04-10")
                    .pay(P, "T1", CARD_A, A, "5000", "2024-04-11", "SUCCESS", MARCH);
            assertThat(late.findings(Rule.LATE_PAYMENT)).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("2024-04-10").contains("2024-04-11"));
        }

        @Test
        void withoutAPayrollLineNothingIsLate() {
            DataSet data = new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .pay(P, "T1", CARD_A, A, "5000", "2025-01-01", "SUCCESS", MARCH);
            assertThat(data.reconcile()).isEmpty();
        }

        @Test
        void aFailedPaymentRepaidTheSameDayIsRepaid() {
            assertThat(cleanWorkerA().pay(P, "T0", CARD_A, A, "5000", "2024-04-10", "FAILED", MARCH).reconcile())
                    .isEmpty();
        }

        @Test
        void aFailedPaymentRepaidOnlyEarlierIsNotRepaid() {
            List<Finding> findings = cleanWorkerA()
                    .pay(P, "T0", CARD_A, A, "5000", "2024-04-11", "退回", MARCH).findings(Rule.FAILED_NOT_REPAID);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.RED);
                assertThat(f.detail()).contains("T0").contains("2024-04-11");
            });
        }

        @Test
        void aRepaymentForAnotherMonthDoesNotCount() {
            DataSet data = cleanWorkerA().pay(P, "T0", CARD_A, A, "100", "2024-04-01", "FAILED", "2024-02");
            assertThat(data.findings(Rule.FAILED_NOT_REPAID)).extracting(Finding::month)
                    .containsExactly(YearMonth.of(2024, 2));
        }
    }

    @Nested
    class DuplicateAndExcessive {
        @Test
        void twoSuccessesAlikeInCardAmountAndDateAreADuplicate() {
            List<Finding> findings = cleanWorkerA().pay(P, "T2", CARD_A, A, "5000", "2024-04-10", "SUCCESS", MARCH)
                    .findings(Rule.DUPLICATE_PAYMENT);
            assertThat(findings).singleElement().satisfies(f -> assertThat(f.detail()).contains("T1").contains("T2"));
        }

        @Test
        void anotherDateOrAmountOrAFailureIsNotADuplicate() {
            DataSet data = cleanWorkerA().pay(P, "T2", CARD_A, A, "5000", "2024-04-09", "SUCCESS", MARCH)
                    .pay(P, "T3", CARD_A, A, "4999", "2024-04-10", "SUCCESS", MARCH)
                    .pay(P, "T4", CARD_A, A, "5000", "2024-04-10", "FAILED", MARCH);
            assertThat(data.findings(Rule.DUPLICATE_PAYMENT)).isEmpty();
        }

        @Test
        void exactlyTheThresholdIsNotExcessiveOneFenMoreIs() {
            assertThat(paid("50000.00").findings(Rule.EXCESSIVE_PAY)).isEmpty();
            assertThat(paid("50000.01").findings(Rule.EXCESSIVE_PAY)).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("50000.01").contains("50000.00"));
        }

        @Test
        void theThresholdIsAParameter() {
            ReconciliationParameters lower = ReconciliationParameters.defaults().withToday(DataSet.TODAY)
                    .withExcessivePayYuan(new BigDecimal("20000"));
            assertThat(paid("20000.01").reconcile(lower)).extracting(Finding::rule)
                    .containsExactly(Rule.EXCESSIVE_PAY);
        }

        private DataSet paid(String amount) {
            return new DataSet().roster(P, A, CARD_A).attendance(P, A, MARCH, 1, 22)
                    .payroll(P, MARCH, A, 22, amount, "2024-04-10")
                    .pay(P, "T1", CARD_A, A, amount, "2024-04-10", "SUCCESS", MARCH);
        }
    }
}
