package org.wageguard.employer;

import java.time.LocalDate;

/**
 * Early removal from a credit list (信用修复, 提前移出), MOHRSS Decree 45 Art. 14: the employer has corrected the
 * violation (paid up the arrears) and has been on the list for six months since it did so (自改正之日起被列入失信联合惩戒
 * 名单满6个月), and has given a written pledge not to owe wages again (书面信用承诺). Paying up counts only while listed:
 * the six months never start before the listing decision. The one place that says when removal may be granted.
 */
public final class CreditRepair {

    public static final int MONTHS_LISTED_AFTER_PAYING_UP = 6;

    private CreditRepair() {
    }

    /** The first day early removal may be granted, or {@code null} while the arrears are not paid up. */
    public static LocalDate earliestRemoval(LocalDate decidedOn, LocalDate paidUpOn) {
        if (paidUpOn == null) {
            return null;
        }
        LocalDate from = paidUpOn.isBefore(decidedOn) ? decidedOn : paidUpOn;
        return from.plusMonths(MONTHS_LISTED_AFTER_PAYING_UP);
    }
}
