package org.wageguard.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fourteen rules of DOMAIN.md §4, each with its base severity and default parameters. Every threshold is a
 * parameter a region's leadership office may change ({@link RuleSettings}); {@code dueDays} is the working days an
 * alert may stay unresolved before it is escalated (督办) to the leadership office. Names and explanations are in the
 * monitoring bundle ({@code monitoring.rule.R01.name} …).
 */
public enum RuleCode {
    R01(Severity.RED, "graceMonths", "1", "dueDays", "3"),
    R02(Severity.YELLOW, "graceMonths", "1", "paidRatioPct", "100", "redUnpaidPct", "10", "dueDays", "5"),
    R03(Severity.RED, "graceMonths", "1", "monthlyMinimumWage", "1700", "daysPerMonth", "21.75", "dueDays", "3"),
    R04(Severity.RED, "monthMax", "50000", "yearMax", "300000", "dueDays", "3"),
    R05(Severity.RED, "dueDays", "3"),
    R06(Severity.ORANGE, "dueDays", "5"),
    R07(Severity.ORANGE, "graceDays", "10", "dueDays", "5"),
    R08(Severity.YELLOW, "accountDays", "30", "dueDays", "10"),
    R09(Severity.YELLOW, "coveragePct", "100", "updateRatePct", "85", "dueDays", "10"),
    R10(Severity.RED, "settleDays", "3", "dueDays", "3"),
    R11(Severity.RED, "windowDays", "30", "minComplaints", "3", "groupWorkers", "10", "dueDays", "3"),
    /**
     * The Spring Festival window (春节前后重点时段): from {@code daysBefore} days before the lunar new year (the table
     * {@code spring_festival}) to {@code daysAfter} days after it (14: 元宵节). Intake marks matters registered in the
     * same window ({@link org.wageguard.shared.SpringFestivalWindow}).
     */
    R12(Severity.RED, "daysBefore", "60", "daysAfter", "14", "rules", "R01,R02,R03,R10,R11"),
    R13(Severity.YELLOW, "maxHours", "12", "dueDays", "10"),
    R14(Severity.ORANGE, "dueDays", "5"),
    /** A pay sheet with lines the workers did not sign (Decree 724 Art. 15, 30). */
    R15(Severity.ORANGE, "dueDays", "5"),
    /**
     * The festival exposure (春节前欠薪风险测算, issue 21): a project whose wages earned and not paid pass the region's
     * threshold (Decree 724 Art. 12 and 38). {@code targetDays}: the leadership office's target day, days before the
     * festival (10 ≈ 腊月二十); {@code campaignDays}: the winter campaign's start, days before the festival (84 = twelve
     * weeks, mid-November).
     */
    R16(Severity.RED, "exposureYuan", "200000", "targetDays", "10", "campaignDays", "84", "dueDays", "3");

    private final Severity severity;
    private final Map<String, String> defaults;

    RuleCode(Severity severity, String... keyValues) {
        this.severity = severity;
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        this.defaults = java.util.Collections.unmodifiableMap(map);
    }

    public Severity severity() {
        return severity;
    }

    /** The parameters and their defaults, in display order. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** R12 is the Spring Festival window: it raises other rules' alerts and raises none of its own. */
    public boolean modifier() {
        return this == R12;
    }
}
