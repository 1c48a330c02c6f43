package org.wageguard.payroll.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The engine's parameters.
 *
 * @param excessivePayYuan EXCESSIVE_PAY fires when a worker's paid amount for a month is above this
 * @param today            the last birth date an ID number may carry (the reconciliation's "today")
 */
public record ReconciliationParameters(BigDecimal excessivePayYuan, LocalDate today) {

    public static final BigDecimal DEFAULT_EXCESSIVE_PAY_YUAN = new BigDecimal("50000");

    public ReconciliationParameters {
        Objects.requireNonNull(excessivePayYuan, "excessivePayYuan");
        Objects.requireNonNull(today, "today");
        if (excessivePayYuan.signum() < 0 || excessivePayYuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("excessive pay threshold must be a non-negative amount in fen: " + excessivePayYuan);
        }
    }

    /** The defaults: 50,000 yuan, today in China Standard Time. */
    public static ReconciliationParameters defaults() {
        return new ReconciliationParameters(DEFAULT_EXCESSIVE_PAY_YUAN, LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    public ReconciliationParameters withExcessivePayYuan(BigDecimal yuan) {
        return new ReconciliationParameters(yuan, today);
    }

    public ReconciliationParameters withToday(LocalDate day) {
        return new ReconciliationParameters(excessivePayYuan, day);
    }

    long excessivePayFen() {
        return excessivePayYuan.movePointRight(2).longValueExact();
    }
}
