package org.wageguard.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.wageguard.shared.InvalidIdentifierException.Check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wageguard.shared.Rejections.assertRejected;

class MoneyTests {

    @Test
    void anAmountFromAFileIsKeptAtTwoDecimals() {
        assertThat(Money.of("1234.5").value()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(Money.of("3000").toString()).isEqualTo("3000.00");
        assertThat(Money.of(" 0.07 ").toFen()).isEqualTo(7);
    }

    @Test
    void amountsCompareAsNumbers() {
        assertThat(Money.of("3000")).isEqualTo(Money.of("3000.00")).hasSameHashCodeAs(Money.of("3000.0"));
        assertThat(Money.of("3000.000")).isEqualTo(Money.of("3000"));
        assertThat(Money.of("3000.01").isGreaterThan(Money.of("3000"))).isTrue();
        assertThat(Money.of("2999.99").isLessThan(Money.of("3000"))).isTrue();
        assertThat(Money.of("5").compareTo(Money.of("5.00"))).isZero();
    }

    @Test
    void aThirdDecimalIsRefusedNotRounded() {
        assertRejected(() -> Money.of("1234.567"), "money.scale", Check.SCALE, "1234.567");
        assertRejected(() -> Money.of(new BigDecimal("0.001")), "money.scale", Check.SCALE, "0.001");
    }

    @Test
    void negativeAmountsNeedTheSignedFactory() {
        assertRejected(() -> Money.of("-12.30"), "money.negative", Check.NEGATIVE, "-12.30");
        assertRejected(() -> Money.ofFen(-1), "money.negative", Check.NEGATIVE, "-0.01");
        assertThat(Money.ofSigned("-12.3").value()).isEqualTo(new BigDecimal("-12.30"));
        assertThat(Money.ofSignedFen(-1230)).isEqualTo(Money.ofSigned("-12.30"));
    }

    @Test
    void anythingButPlainDigitsIsAFormatError() {
        assertRejected(() -> Money.of("1,234.50"), "money.format", Check.FORMAT);
        assertRejected(() -> Money.of("1e3"), "money.format", Check.FORMAT);
        assertRejected(() -> Money.of("¥12"), "money.format", Check.FORMAT);
        assertRejected(() -> Money.of(""), "money.format", Check.FORMAT);
        assertRejected(() -> Money.of(".5"), "money.format", Check.FORMAT);
        assertRejected(() -> Money.of("1234567890123456"), "money.format", Check.FORMAT);
        assertRejected(() -> Money.of(new BigDecimal("1E15")), "money.range", Check.RANGE);
    }

    @Test
    void fenRoundTripExactly() {
        assertThat(Money.ofFen(123450).value()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(Money.of("1234.5").toFen()).isEqualTo(123450L);
        assertThat(Money.ofFen(Money.of("999999999999999.99").toFen())).isEqualTo(Money.of("999999999999999.99"));
        assertThat(Money.ofFen(0)).isEqualTo(Money.ZERO);
    }

    @Test
    void arithmeticStaysInFenAndAShortfallIsNegative() {
        Money netWage = Money.of("5200");
        Money paid = Money.of("3000.10").add(Money.of("1000.05"));

        assertThat(paid).isEqualTo(Money.of("4000.15"));
        assertThat(paid.subtract(netWage)).isEqualTo(Money.ofSigned("-1199.85"));
        assertThat(paid.subtract(netWage).isNegative()).isTrue();
        assertThat(netWage.subtract(netWage).isZero()).isTrue();
        assertThat(Money.of("0.10").add(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
        assertThat(Money.of("1234567.89").multiply(new BigDecimal("0.025"))).isEqualTo(Money.of("30864.20"));
        assertThat(Money.of("12").negate()).isEqualTo(Money.ofSigned("-12"));
    }

    @Test
    void amountsAreFormattedInYuanWithGroupingAndIn万元ForReports() {
        assertThat(Money.of("1234.5").formatted()).isEqualTo("¥1,234.50");
        assertThat(Money.of("0").formatted()).isEqualTo("¥0.00");
        assertThat(Money.ofSigned("-1234567.8").formatted()).isEqualTo("-¥1,234,567.80");
        assertThat(Money.of("12345678.90").formattedWan()).isEqualTo("1,234.57万元");
        assertThat(Money.of("5000").formattedWan()).isEqualTo("0.50万元");
        assertThat(Money.of("12345678.90").toWan(4)).isEqualTo(new BigDecimal("1234.5679"));
    }
}
