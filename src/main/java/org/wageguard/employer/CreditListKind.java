package org.wageguard.employer;

/** The two credit lists of MOHRSS Decree 45: the joint-punishment blacklist and the key-attention list. */
public enum CreditListKind {
    BLACKLIST, KEY_ATTENTION
}
