package org.wageguard.payroll.reconciliation;

/** The 15 reconciliation rules of FORMATS.md, each with its fixed severity. */
public enum Rule {
    INVALID_ID_NUMBER(Severity.YELLOW, "身份证号无效"),
    NOT_ON_ROSTER(Severity.ORANGE, "不在花名册"),
    NO_CONTRACT(Severity.YELLOW, "未签劳动合同"),
    GHOST_PAYROLL(Severity.ORANGE, "工资表无考勤"),
    DAYS_MISMATCH(Severity.ORANGE, "出勤天数不符"),
    UNPAID(Severity.RED, "未发工资"),
    UNDERPAID(Severity.RED, "少发工资"),
    PAID_TO_OTHER_CARD(Severity.RED, "发至非本人工资卡"),
    SHARED_CARD(Severity.RED, "一卡多人收款"),
    SHARED_ROSTER_CARD(Severity.RED, "花名册一卡多人"),
    UNMATCHED_PAYMENT(Severity.ORANGE, "代发无法对应工人"),
    LATE_PAYMENT(Severity.YELLOW, "延迟发放"),
    FAILED_NOT_REPAID(Severity.RED, "代发失败未补发"),
    DUPLICATE_PAYMENT(Severity.ORANGE, "重复代发"),
    EXCESSIVE_PAY(Severity.RED, "单月收款过高");

    private final Severity severity;
    private final String title;

    Rule(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    /** A short Chinese name for lists and charts. */
    public String title() {
        return title;
    }
}
