package org.wageguard.shared.retention;

/**
 * A kind of record kept for a time the law sets. {@code legalMinimumMonths} is the shortest keeping the law requires
 * (0: no statutory minimum, only 《个人信息保护法》第十九条: no longer than the purpose needs); nothing of the kind is
 * anonymised before it. {@code defaultMaximumMonths} is the keeping a region gets until its system administrator sets
 * its own (never below the minimum). The Chinese name and the article cited are in {@code messages/retention}
 * ({@code retention.kind.<KIND>}, {@code retention.kind.<KIND>.law}).
 */
public enum RetentionKind {

    /** 工资支付台账: pay-sheet lines and the bank's disbursements. 《保障农民工工资支付条例》第十五条: at least 3 years. */
    PAY_LEDGER(36, 60),
    /** 考勤: the days a worker was on site, the 工作时间 of the pay ledger (第十五条), kept as long as the ledger. */
    ATTENDANCE(36, 60),
    /** 实名制花名册: the worker's name, ID number, phone and wage card (the ledger's 支付对象姓名、身份证号码、联系方式). */
    ROSTER(36, 60),
    /** 网络日志: login and operation logs. 《网络安全法》第二十一条第（三）项: not less than six months. */
    NETWORK_LOG(6, 36),
    /** 门户核验记录: the portal's one-time codes and verification attempts (a network log of the portal). */
    PORTAL_VERIFICATION(6, 12),
    /** 短信发送记录: the text messages sent or held (the phone and the text). A network log of the SMS gateway: six months. */
    SMS_LOG(6, 12),
    /** 案件卷宗: filed cases. Archive keeping terms (国家档案局令第8号: 永久、定期30年、定期10年); the 10 years are a regional decision. */
    CASE_FILE(120, 360),
    /** 线索中投诉人个人信息: complaints and reports never filed as a case. No statutory minimum (PIPL 第十九条). */
    CLUE(0, 36);

    private final int legalMinimumMonths;
    private final int defaultMaximumMonths;

    RetentionKind(int legalMinimumMonths, int defaultMaximumMonths) {
        this.legalMinimumMonths = legalMinimumMonths;
        this.defaultMaximumMonths = defaultMaximumMonths;
    }

    public int legalMinimumMonths() {
        return legalMinimumMonths;
    }

    public int defaultMaximumMonths() {
        return defaultMaximumMonths;
    }
}
