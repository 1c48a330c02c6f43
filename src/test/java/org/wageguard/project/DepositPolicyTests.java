package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The wage-deposit rules of MOHRSS 2021 No. 65 as a region configures them. */
class DepositPolicyTests {

    static final DepositParameters HUNAN = new DepositParameters("430000", LocalDate.of(2021, 11, 1),
            new BigDecimal("0.02"), new BigDecimal("0.005"), 2, new BigDecimal("1000000"), new BigDecimal("0.5"),
            new BigDecimal("1.5"), new BigDecimal("2"));

    static DepositPolicy.ContractorRecord record(boolean arrears, boolean blacklisted, int cleanYears, int projects) {
        return new DepositPolicy.ContractorRecord(arrears, blacklisted, cleanYears, projects);
    }

    @Test
    void anOrdinaryContractorLodgesTheBaseRateOfTheContractValue() {
        var r = DepositPolicy.required(new BigDecimal("50000000.00"), HUNAN, record(false, false, 0, 1));
        assertThat(r.amount()).isEqualByComparingTo("1000000.00");
        assertThat(r.exempt()).isFalse();
        assertThat(r.reasoning()).anyMatch(s -> s.contains("2%")).last().asString().contains("1,000,000.00");
    }

    @Test
    void aContractorWithSeveralProjectsInTheRegionLodgesTheLowerRate() {
        var r = DepositPolicy.required(new BigDecimal("50000000.00"), HUNAN, record(false, false, 0, 2));
        assertThat(r.amount()).isEqualByComparingTo("250000.00");
        assertThat(r.reasoning()).anyMatch(s -> s.contains("2 个在建项目") && s.contains("0.5%"));
    }

    @Test
    void aSmallContractIsExemptJustBelowTheThresholdButNotAtIt() {
        assertThat(DepositPolicy.required(new BigDecimal("999999.99"), HUNAN, record(false, false, 0, 1)).exempt()).isTrue();
        var at = DepositPolicy.required(new BigDecimal("1000000.00"), HUNAN, record(false, false, 0, 1));
        assertThat(at.exempt()).isFalse();
        assertThat(at.amount()).isEqualByComparingTo("20000.00");
    }

    @Test
    void twoCleanYearsHalveItAndThreeExemptIt() {
        assertThat(DepositPolicy.required(new BigDecimal("10000000"), HUNAN, record(false, false, 1, 1)).amount())
                .isEqualByComparingTo("200000.00");
        assertThat(DepositPolicy.required(new BigDecimal("10000000"), HUNAN, record(false, false, 2, 1)).amount())
                .isEqualByComparingTo("100000.00");
        var three = DepositPolicy.required(new BigDecimal("10000000"), HUNAN, record(false, false, 3, 1));
        assertThat(three.exempt()).isTrue();
        assertThat(three.amount()).isZero();
    }

    @Test
    void arrearsInTheLastTwoYearsRaiseItByHalfAndBlacklistingDoublesIt() {
        assertThat(DepositPolicy.required(new BigDecimal("10000000"), HUNAN, record(true, false, 0, 1)).amount())
                .isEqualByComparingTo("300000.00");
        assertThat(DepositPolicy.required(new BigDecimal("10000000"), HUNAN, record(true, true, 0, 1)).amount())
                .isEqualByComparingTo("400000.00");
        // The increase applies to the multi-project rate too.
        assertThat(DepositPolicy.required(new BigDecimal("10000000"), HUNAN, record(true, false, 0, 3)).amount())
                .isEqualByComparingTo("75000.00");
    }

    @Test
    void aRegionsOwnParametersChangeTheResult() {
        DepositParameters strict = new DepositParameters("430981", LocalDate.of(2022, 1, 1), new BigDecimal("0.03"),
                new BigDecimal("0.01"), 3, new BigDecimal("3000000"), new BigDecimal("0.5"), new BigDecimal("2"),
                new BigDecimal("3"));
        assertThat(DepositPolicy.required(new BigDecimal("10000000"), strict, record(false, false, 0, 2)).amount())
                .isEqualByComparingTo("300000.00");
        assertThat(DepositPolicy.required(new BigDecimal("2000000"), strict, record(false, false, 0, 1)).exempt()).isTrue();
        assertThat(DepositPolicy.required(new BigDecimal("10000000"), strict, record(false, true, 0, 1)).amount())
                .isEqualByComparingTo("900000.00");
    }
}
