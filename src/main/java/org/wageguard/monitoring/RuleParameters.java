package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

/** One rule's parameters in force for one region (its own setting, its parent region's, or the defaults). */
public record RuleParameters(RuleCode rule, String regionCode, boolean enabled, Map<String, String> values) {

    public BigDecimal decimal(String key) {
        return new BigDecimal(value(key));
    }

    public int integer(String key) {
        return decimal(key).intValueExact();
    }

    public String value(String key) {
        String v = values.get(key);
        return v != null ? v : rule.defaults().get(key);
    }

    public MonthDay monthDay(String key) {
        return MonthDay.parse("--" + value(key));
    }

    /** For R12: whether a day falls in the window (which may wrap the new year, 12-01 to 02-15). */
    public boolean windowCovers(LocalDate day) {
        MonthDay from = monthDay("from");
        MonthDay to = monthDay("to");
        MonthDay d = MonthDay.from(day);
        return from.isAfter(to) ? !d.isBefore(from) || !d.isAfter(to) : !d.isBefore(from) && !d.isAfter(to);
    }

    /**
     * Checks a value typed for a key of the rule; returns the normalised value or throws with the reason key.
     */
    public static String check(RuleCode rule, String key, String raw) {
        if (!rule.defaults().containsKey(key)) {
            throw MonitoringRuleException.of("param.unknown", key);
        }
        String v = raw == null ? "" : raw.trim();
        try {
            switch (key) {
                case "from", "to" -> MonthDay.parse("--" + v);
                case "rules" -> {
                    for (String code : v.split(",")) {
                        RuleCode.valueOf(code.trim());
                    }
                    v = v.replace(" ", "");
                }
                default -> {
                    BigDecimal d = new BigDecimal(v);
                    if (d.signum() < 0 || (key.endsWith("Pct") && d.compareTo(BigDecimal.valueOf(100)) > 0)) {
                        throw new NumberFormatException();
                    }
                    if ((key.endsWith("Days") || key.endsWith("Months") || key.equals("minComplaints")
                            || key.equals("groupWorkers")) && d.stripTrailingZeros().scale() > 0) {
                        throw new NumberFormatException();
                    }
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof MonitoringRuleException m) {
                throw m;
            }
            throw MonitoringRuleException.of("param.invalid", key, v);
        }
        return v;
    }
}
