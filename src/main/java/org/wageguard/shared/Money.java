package org.wageguard.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount in yuan, always at scale 2 (fen), never a {@code double} (ARCHITECTURE rule 15). The ordinary
 * factories refuse negative amounts because wages, deposits and payments are never negative; a balance or a
 * difference that may be negative is made with {@link #ofSigned(String)} or comes out of {@link #subtract}.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    // 15 integer digits keep every amount's fen inside a long.
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,15}(?:\\.[0-9]+)?");
    private static final BigDecimal LIMIT = new BigDecimal("1E15");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final BigDecimal value;

    private Money(BigDecimal value) {
        this.value = value;
    }

    /** {@code "1234.5"} → 1234.50; more than two decimals, a sign, or anything but plain digits is refused. */
    public static Money of(String yuan) {
        return nonNegative(ofSigned(yuan));
    }

    public static Money of(BigDecimal yuan) {
        return nonNegative(ofSigned(yuan));
    }

    /** Like {@link #of(String)} but allowing a leading minus, for balances and corrections. */
    public static Money ofSigned(String yuan) {
        String text = yuan == null ? "" : yuan.strip();
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidIdentifierException("money.format");
        }
        return ofSigned(new BigDecimal(text));
    }

    /**
     * Trailing zeros beyond the fen do not count as decimals ({@code 3000.000} is 3000.00, FORMATS.md compares
     * amounts as numbers); a non-zero third decimal is refused rather than rounded, because a rounded amount
     * would no longer match what the file said.
     */
    public static Money ofSigned(BigDecimal yuan) {
        if (yuan == null) {
            throw new InvalidIdentifierException("money.format");
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new InvalidIdentifierException("money.scale", yuan.toPlainString());
        }
        if (yuan.abs().compareTo(LIMIT) >= 0) {
            throw new InvalidIdentifierException("money.range");
        }
        return new Money(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    public static Money ofFen(long fen) {
        return nonNegative(ofSignedFen(fen));
    }

    public static Money ofSignedFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    private static Money nonNegative(Money money) {
        if (money.isNegative()) {
            throw new InvalidIdentifierException("money.negative", money.value.toPlainString());
        }
        return money;
    }

    /** Yuan at scale 2. */
    public BigDecimal value() {
        return value;
    }

    public long toFen() {
        return value.movePointRight(2).longValueExact();
    }

    public Money add(Money other) {
        return new Money(value.add(other.value));
    }

    /** May be negative: a shortfall is a negative difference. */
    public Money subtract(Money other) {
        return new Money(value.subtract(other.value));
    }

    /** Rounded half-up to the fen, e.g. a deposit at a percentage of the contract value. */
    public Money multiply(BigDecimal factor) {
        return new Money(value.multiply(factor).setScale(2, RoundingMode.HALF_UP));
    }

    public Money negate() {
        return new Money(value.negate());
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    /** {@code ¥1,234.50}; negative as {@code -¥1,234.50}. */
    public String formatted() {
        return (isNegative() ? "-¥" : "¥") + grouped(value.abs());
    }

    /** In 万元 as reports state large sums, rounded half-up to the given decimals. */
    public BigDecimal toWan(int decimals) {
        return value.divide(TEN_THOUSAND).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** {@code 1,234.57万元}: two decimals of 万元, i.e. to the hundred yuan. */
    public String formattedWan() {
        BigDecimal wan = toWan(2);
        return (wan.signum() < 0 ? "-" : "") + grouped(wan.abs()) + "万元";
    }

    private static String grouped(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The plain amount, {@code 1234.50}, as files and forms carry it. */
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
