package org.wageguard.employer;

import java.time.LocalDate;

/**
 * The two credit lists: the joint-punishment blacklist of MOHRSS Decree 45 (《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》,
 * 人社部令第45号) and the key-attention list. A listing's term is fixed by its kind and counts from the listing
 * decision: three years on the blacklist (Decree 45 Art. 13: 失信联合惩戒名单管理期限为3年，自作出列入决定之日起计算),
 * one year on the key-attention list (the region's practice; Decree 45 has no such list). No officer chooses another.
 */
public enum CreditListKind {
    BLACKLIST(3), KEY_ATTENTION(1);

    private final int termYears;

    CreditListKind(int termYears) {
        this.termYears = termYears;
    }

    public int termYears() {
        return termYears;
    }

    /** The day a listing decided on {@code decidedOn} expires (its first day off the list). */
    public LocalDate expiresOn(LocalDate decidedOn) {
        return decidedOn.plusYears(termYears);
    }
}
