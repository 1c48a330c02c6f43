package org.wageguard.casework;

import java.util.Set;

/**
 * How a case was resolved. Referral to the police, a blacklisting proposal, a deposit draw and court enforcement are
 * the strong measures that need an unheeded order to pay. Besides payment a matter may end mediated, referred to labor
 * arbitration or people's mediation, in a supported lawsuit, as a bankruptcy claim (wages rank first,
 * 《企业破产法》第一百一十三条), unfounded (查无实据) or outside jurisdiction (移交他处).
 */
public enum Outcome {
    MEDIATED, PAID_WITHIN_DEADLINE, ADMINISTRATIVE_DECISION, ADMINISTRATIVE_PENALTY, REFERRED_TO_POLICE, BLACKLIST_PROPOSED, DEPOSIT_DRAWN,
    COURT_ENFORCEMENT, REFERRED_TO_ARBITRATION, REFERRED_TO_PEOPLES_MEDIATION, SUPPORTED_LAWSUIT, BANKRUPTCY_CLAIM,
    UNFOUNDED, OUTSIDE_JURISDICTION;

    private static final Set<Outcome> NO_ARREARS_CONFIRMED = Set.of(REFERRED_TO_ARBITRATION, REFERRED_TO_PEOPLES_MEDIATION,
            SUPPORTED_LAWSUIT, UNFOUNDED, OUTSIDE_JURISDICTION);

    public boolean needsUnheededOrder() {
        return this == REFERRED_TO_POLICE || this == BLACKLIST_PROPOSED || this == DEPOSIT_DRAWN || this == COURT_ENFORCEMENT;
    }

    /**
     * Whether the outcome confirms arrears of the employer (they go on its record): not when the complaint proved
     * unfounded, went elsewhere, or is left to arbitration, people's mediation or a court the workers go to.
     */
    public boolean confirmsArrears() {
        return !NO_ARREARS_CONFIRMED.contains(this);
    }

    /**
     * Whether the workers' money is to be verified worker by worker before the case closes: not when labor inspection
     * does not pay them out (unfounded, elsewhere, arbitration, people's mediation, a lawsuit, a bankruptcy claim).
     */
    public boolean paysWorkers() {
        return confirmsArrears() && this != BANKRUPTCY_CLAIM;
    }

    /**
     * Whether the outcome is an administrative decision of this case that must have been made and served: 行政处理决定
     * (《劳动保障监察条例》第十八条第一款第（二）项) or 行政处罚决定 (第（一）项).
     */
    public boolean restsOnDecision() {
        return this == ADMINISTRATIVE_DECISION || this == ADMINISTRATIVE_PENALTY;
    }

    /** Whether the outcome must say why (the finding, the body the matter went to, the agreement). */
    public boolean needsNote() {
        return this != PAID_WITHIN_DEADLINE;
    }
}
