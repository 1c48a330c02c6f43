package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One rule's parameters in force for one region on one day (its own setting, its parent region's, or the defaults):
 * {@code effectiveFrom} is the day the setting applies from (生效日期; null for the catalogue's defaults).
 */
public record RuleParameters(RuleCode rule, String regionCode, boolean enabled, Map<String, String> values,
        LocalDate effectiveFrom) {

    public RuleParameters(RuleCode rule, String regionCode, boolean enabled, Map<String, String> values) {
        this(rule, regionCode, enabled, values, null);
    }

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

    /** For R12: the festival window that covers the day, if any (counted from that year's lunar new year). */
    public java.util.Optional<org.wageguard.shared.SpringFestivals.Window> window(
            org.wageguard.shared.SpringFestivals festivals, LocalDate day) {
        return festivals.windowCovering(day, integer("daysBefore"), integer("daysAfter"));
    }

    /**
     * Checks a value typed for a key of the rule; returns the normalised value or throws with the reason key.
     */
    /** R12's days before and after the lunar new year: whole days, at most half a year. */
    private static final java.util.Set<String> FESTIVAL_KEYS = java.util.Set.of("daysBefore", "daysAfter");

    public static String check(RuleCode rule, String key, String raw) {
        if (!rule.defaults().containsKey(key)) {
            throw MonitoringRuleException.of("param.unknown", key);
        }
        String v = raw == null ? "" : raw.trim();
        try {
            switch (key) {
                case "rules" -> {
                    for (String code : v.split(",")) {
                        RuleCode.valueOf(code.trim());
                    }
                    v = v.replace(" ", "");
                }
                default -> {
                    BigDecimal d = new BigDecimal(v);
                    if (d.signum() < 0 || (key.endsWith("Pct") && d.compareTo(BigDecimal.valueOf(100)) > 0)
                            || FESTIVAL_KEYS.contains(key) && d.compareTo(BigDecimal.valueOf(180)) > 0) {
                        throw new NumberFormatException();
                    }
                    if ((key.endsWith("Days") || FESTIVAL_KEYS.contains(key) || key.endsWith("Months") || key.equals("minComplaints")
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
