package org.wageguard.employer.internal;

import org.wageguard.employer.CreditListKind;

/** SQL for "on a credit list on {@code :asOf}", one definition for every query over the employer alias {@code e}. */
public final class ListingSql {

    private ListingSql() {
    }

    /** A listing is in force from its listing day until it expires or is removed, whichever comes first. */
    public static String inForce(CreditListKind kind) {
        return """
                EXISTS (SELECT 1 FROM employer_credit_listing l WHERE l.employer_id = e.id AND l.kind = '%s'
                           AND l.listed_on <= :asOf AND (l.expires_on IS NULL OR l.expires_on > :asOf)
                           AND (l.removed_on IS NULL OR l.removed_on > :asOf))""".formatted(kind.name());
    }
}
