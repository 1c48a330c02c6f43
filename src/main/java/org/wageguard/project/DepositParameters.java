package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A region's wage-deposit rules from a date on, within 《工程建设领域农民工工资保证金规定》 (人社部发〔2021〕65号, in
 * this code base also called 工资保证金管理暂行办法): Art. 9 — the rate (1–3 % of the contract value), the lower rate for
 * a contractor with several projects in the region (not below 0.5 %), the exemption of small contracts, and a cap
 * (存储上限) for a single project of a high contract value where the region sets one; Art. 10 — the adjustments for the
 * contractor's record: two clean years cut the rate by at least 50 % (a factor of at most 0.5), arrears in the last
 * two years raise it by at least 50 % (factor ≥ 1.5), the serious-dishonesty list by at least 100 % (factor ≥ 2).
 * Local practice, hence parameters, never constants; {@link #problem()} says what the rules do not allow.
 */
public record DepositParameters(String regionCode, LocalDate effectiveFrom, BigDecimal baseRate,
        BigDecimal multiProjectRate, int multiProjectThreshold, BigDecimal exemptBelow,
        BigDecimal cleanTwoYearsFactor, BigDecimal arrearsFactor, BigDecimal blacklistFactor, BigDecimal capAmount) {

    /** The largest factor two clean years may leave (降幅不低于50%, Art. 10). */
    public static final BigDecimal CLEAN_TWO_YEARS_MAX_FACTOR = new BigDecimal("0.5");

    /** Parameters without a cap. */
    public DepositParameters(String regionCode, LocalDate effectiveFrom, BigDecimal baseRate, BigDecimal multiProjectRate,
            int multiProjectThreshold, BigDecimal exemptBelow, BigDecimal cleanTwoYearsFactor, BigDecimal arrearsFactor,
            BigDecimal blacklistFactor) {
        this(regionCode, effectiveFrom, baseRate, multiProjectRate, multiProjectThreshold, exemptBelow,
                cleanTwoYearsFactor, arrearsFactor, blacklistFactor, null);
    }

    /** What 人社部发〔2021〕65号 does not allow in these parameters, in Chinese; {@code null} if nothing. */
    public String problem() {
        if (cleanTwoYearsFactor == null || cleanTwoYearsFactor.signum() < 0
                || cleanTwoYearsFactor.compareTo(CLEAN_TWO_YEARS_MAX_FACTOR) > 0) {
            return "连续2年未发生工资拖欠的，新增工程存储比例降幅不低于50%（人社部发〔2021〕65号第十条），调整系数须在 0 至 0.5 之间。";
        }
        if (capAmount != null && capAmount.signum() <= 0) {
            return "存储上限须大于零（人社部发〔2021〕65号第九条：单个工程合同额较高的，可设定存储上限），不设上限请留空。";
        }
        return null;
    }
}
