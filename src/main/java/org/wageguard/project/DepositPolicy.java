package org.wageguard.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How much wage deposit a project's general contractor must lodge under 《工程建设领域农民工工资保证金规定》
 * (人社部发〔2021〕65号), with the reasoning an officer can read out: the rate chosen (Art. 9), then each adjustment
 * for the contractor's record (Art. 10), in the order of the rules, then the region's cap (Art. 9).
 */
public final class DepositPolicy {

    /**
     * What the contractor's record says, as of the day the deposit is lodged: arrears in the two years before,
     * blacklisted, clean years, projects under way in the region, arrears in the year before the contract was signed
     * (the condition of the small-contract exemption), and whether real-name management and the special wage account
     * are in place on its projects (the condition of the three-clean-years exemption).
     */
    public record ContractorRecord(boolean arrearsInLastTwoYears, boolean blacklisted, int cleanYears,
            int projectsUnderWayInRegion, boolean arrearsInYearBeforeContract, boolean realNameAndSpecialAccountInPlace) {

        /** A record with no arrears before the contract and real-name management and the special account in place. */
        public ContractorRecord(boolean arrearsInLastTwoYears, boolean blacklisted, int cleanYears,
                int projectsUnderWayInRegion) {
            this(arrearsInLastTwoYears, blacklisted, cleanYears, projectsUnderWayInRegion, false, true);
        }
    }

    public record Requirement(BigDecimal amount, BigDecimal effectiveRate, boolean exempt, List<String> reasoning) {
    }

    private DepositPolicy() {
    }

    public static Requirement required(BigDecimal contractValue, DepositParameters p, ContractorRecord record) {
        return required(contractValue, p, p.regionCode(), record);
    }

    /** As {@link #required(BigDecimal, DepositParameters, ContractorRecord)}, naming the parameters' region by its name. */
    public static Requirement required(BigDecimal contractValue, DepositParameters p, String regionName,
            ContractorRecord record) {
        List<String> why = new ArrayList<>();
        why.add("适用参数：" + regionName + "，" + p.effectiveFrom() + " 起施行");
        if (contractValue.compareTo(p.exemptBelow()) < 0) {
            if (!record.arrearsInYearBeforeContract()) {
                why.add("合同价款 " + yuan(contractValue) + " 元低于 " + yuan(p.exemptBelow())
                        + " 元，且施工总承包单位签订施工合同前一年内承建的工程未发生工资拖欠，免于存储（65号第九条）");
                return new Requirement(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO, true, why);
            }
            why.add("合同价款 " + yuan(contractValue) + " 元低于 " + yuan(p.exemptBelow())
                    + " 元，但施工总承包单位签订施工合同前一年内承建的工程发生过工资拖欠，不免于存储（65号第九条）");
        }
        BigDecimal rate = p.baseRate();
        why.add("存储比例 " + percent(rate) + "（合同额的1%–3%，65号第九条）");
        if (record.projectsUnderWayInRegion() >= p.multiProjectThreshold()) {
            rate = p.multiProjectRate();
            why.add("该施工总承包单位在本区域有 " + record.projectsUnderWayInRegion() + " 个在建项目（不少于 "
                    + p.multiProjectThreshold() + " 个），适用比例 " + percent(rate) + "（不低于0.5%，65号第九条）");
        }
        if (record.blacklisted()) {
            rate = rate.multiply(p.blacklistFactor());
            why.add("列入失信联合惩戒名单，上浮至 " + times(p.blacklistFactor()) + "（增幅不低于100%，65号第十条），比例 "
                    + percent(rate));
        } else if (record.arrearsInLastTwoYears()) {
            rate = rate.multiply(p.arrearsFactor());
            why.add("前2年内发生过拖欠工资，上浮至 " + times(p.arrearsFactor()) + "（增幅不低于50%，65号第十条），比例 "
                    + percent(rate));
        } else if (record.cleanYears() >= 3 && record.realNameAndSpecialAccountInPlace()) {
            why.add("连续3年未发生拖欠工资，且按要求落实用工实名制管理和农民工工资专用账户制度，免于存储（65号第十条）");
            return new Requirement(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO, true, why);
        } else if (record.cleanYears() >= 2) {
            if (record.cleanYears() >= 3) {
                why.add("连续3年未发生拖欠工资，但未按要求落实用工实名制管理和农民工工资专用账户制度，不免于存储（65号第十条）");
            }
            rate = rate.multiply(p.cleanTwoYearsFactor());
            why.add("连续2年未发生拖欠工资，降低存储比例，按 " + times(p.cleanTwoYearsFactor()) + " 存储（降幅不低于50%，65号第十条），比例 "
                    + percent(rate));
        }
        BigDecimal amount = contractValue.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        why.add("应存储 " + yuan(contractValue) + " × " + percent(rate) + " = " + yuan(amount) + " 元");
        if (p.capAmount() != null && amount.compareTo(p.capAmount()) > 0) {
            amount = p.capAmount().setScale(2, RoundingMode.HALF_UP);
            why.add("单个工程合同额较高，按本地区存储上限 " + yuan(amount) + " 元存储（65号第九条）");
        }
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
