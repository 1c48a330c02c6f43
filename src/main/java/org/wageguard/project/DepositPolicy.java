package org.wageguard.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How much wage deposit a project's general contractor must lodge, with the reasoning an officer can read
 * out: the rate chosen, then each adjustment for the contractor's record, in the order of the rules.
 */
public final class DepositPolicy {

    /** What the contractor's record says, as of the day of the computation. */
    public record ContractorRecord(boolean arrearsInLastTwoYears, boolean blacklisted, int cleanYears,
            int projectsUnderWayInRegion) {
    }

    public record Requirement(BigDecimal amount, BigDecimal effectiveRate, boolean exempt, List<String> reasoning) {
    }

    private DepositPolicy() {
    }

    public static Requirement required(BigDecimal contractValue, DepositParameters p, ContractorRecord record) {
        List<String> why = new ArrayList<>();
        why.add("适用参数：" + p.regionCode() + "，" + p.effectiveFrom() + " 起施行");
        if (contractValue.compareTo(p.exemptBelow()) < 0) {
            why.add("合同价款 " + yuan(contractValue) + " 元低于 " + yuan(p.exemptBelow()) + " 元，免于存储");
            return new Requirement(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO, true, why);
        }
        BigDecimal rate = p.baseRate();
        why.add("存储比例 " + percent(rate));
        if (record.projectsUnderWayInRegion() >= p.multiProjectThreshold()) {
            rate = p.multiProjectRate();
            why.add("该施工总承包单位在本区域有 " + record.projectsUnderWayInRegion() + " 个在建项目（不少于 "
                    + p.multiProjectThreshold() + " 个），适用比例 " + percent(rate));
        }
        if (record.blacklisted()) {
            rate = rate.multiply(p.blacklistFactor());
            why.add("列入失信联合惩戒名单，上浮至 " + times(p.blacklistFactor()) + "，比例 " + percent(rate));
        } else if (record.arrearsInLastTwoYears()) {
            rate = rate.multiply(p.arrearsFactor());
            why.add("前2年内发生过拖欠工资，上浮至 " + times(p.arrearsFactor()) + "，比例 " + percent(rate));
        } else if (record.cleanYears() >= 3) {
            why.add("连续3年未发生拖欠工资，免于存储");
            return new Requirement(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO, true, why);
        } else if (record.cleanYears() >= 2) {
            rate = rate.multiply(p.cleanTwoYearsFactor());
            why.add("连续2年未发生拖欠工资，按 " + times(p.cleanTwoYearsFactor()) + " 存储，比例 " + percent(rate));
        }
        BigDecimal amount = contractValue.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        why.add("应存储 " + yuan(contractValue) + " × " + percent(rate) + " = " + yuan(amount) + " 元");
        return new Requirement(amount, rate.stripTrailingZeros(), false, why);
    }

    static String yuan(BigDecimal v) {
        return String.format("%,.2f", v);
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String times(BigDecimal factor) {
        return factor.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
