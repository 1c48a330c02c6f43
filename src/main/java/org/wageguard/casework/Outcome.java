package org.wageguard.casework;

/** How a case was resolved. The last four are the strong measures that need an unheeded order to pay. */
public enum Outcome {
    MEDIATED, PAID_WITHIN_DEADLINE, ADMINISTRATIVE_DECISION, REFERRED_TO_POLICE, BLACKLIST_PROPOSED, DEPOSIT_DRAWN,
    COURT_ENFORCEMENT;

    public boolean needsUnheededOrder() {
        return this == REFERRED_TO_POLICE || this == BLACKLIST_PROPOSED || this == DEPOSIT_DRAWN || this == COURT_ENFORCEMENT;
    }
}
