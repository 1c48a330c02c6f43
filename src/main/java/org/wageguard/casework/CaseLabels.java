package org.wageguard.casework;

import java.util.Map;

/** Chinese names of statuses and steps for the aggregate's own refusal messages (pages use the bundle). */
final class CaseLabels {

    private static final Map<CaseStatus, String> STATUS = Map.ofEntries(Map.entry(CaseStatus.REGISTERED, "已登记"),
            Map.entry(CaseStatus.REFUSED, "不予受理"), Map.entry(CaseStatus.ACCEPTED, "已受理"),
            Map.entry(CaseStatus.COORDINATING, "协调处理中"), Map.entry(CaseStatus.FILED, "已立案"),
            Map.entry(CaseStatus.ORDERED, "已责令限期支付"), Map.entry(CaseStatus.RESOLVED, "已处理"),
            Map.entry(CaseStatus.PAYMENT_VERIFIED, "已核实发放"), Map.entry(CaseStatus.CLOSED, "已结案"),
            Map.entry(CaseStatus.TRACKING_ENDED, "跟踪结束"), Map.entry(CaseStatus.WITHDRAWN, "已撤回"));

    private static final Map<String, String> ACTION = Map.ofEntries(Map.entry("ACCEPT", "受理"),
            Map.entry("REFUSE", "不予受理"), Map.entry("COORDINATE", "协调处理"), Map.entry("FILE", "立案"),
            Map.entry("EXTEND", "延期"), Map.entry("ORDER", "下达限期改正指令书"), Map.entry("RESOLVE", "处理结果"),
            Map.entry("VERIFY_PAYMENT", "核实发放"), Map.entry("CLOSE", "结案"), Map.entry("END_TRACKING", "结束跟踪"),
            Map.entry("WITHDRAW", "撤回"), Map.entry("FOLLOW_UP", "回访"), Map.entry("RECHECK", "再核查"));

    private static final Map<Channel, String> CHANNEL = Map.of(Channel.WALK_IN, "一厅式接访", Channel.HOTLINE, "热线电话",
            Channel.PLATFORM, "线索反映平台", Channel.PORTAL, "劳动者服务网站", Channel.LETTER_VISIT, "信访", Channel.GRID, "网格报送",
            Channel.INSPECTION, "检查发现", Channel.ALERT, "预警转办");

    private CaseLabels() {
    }

    static String status(CaseStatus status) {
        return STATUS.get(status);
    }

    private static final Map<Outcome, String> OUTCOME = Map.of(Outcome.MEDIATED, "调解结案",
            Outcome.PAID_WITHIN_DEADLINE, "限期内支付", Outcome.ADMINISTRATIVE_DECISION, "行政处理决定",
            Outcome.ADMINISTRATIVE_PENALTY, "行政处罚决定",
            Outcome.REFERRED_TO_POLICE, "移送公安机关", Outcome.BLACKLIST_PROPOSED, "提请列入失信联合惩戒名单",
            Outcome.DEPOSIT_DRAWN, "动用工资保证金支付", Outcome.COURT_ENFORCEMENT, "申请人民法院强制执行");

    static String outcome(Outcome outcome) {
        return OUTCOME.get(outcome);
    }

    static String channel(Channel channel) {
        return CHANNEL.get(channel);
    }

    static String action(String action) {
        return ACTION.getOrDefault(action, action);
    }
}
