package org.wageguard.payroll.reconciliation;

/** How urgent a finding is, as printed in {@code findings.csv}. */
public enum Severity {
    RED("red"), ORANGE("orange"), YELLOW("yellow");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
