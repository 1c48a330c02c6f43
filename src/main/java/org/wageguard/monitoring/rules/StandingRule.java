package org.wageguard.monitoring.rules;

import java.util.List;

/** A rule about a standing state (compliance items, complaints lately, an employer's status), not about a month. */
interface StandingRule extends RulePolicy {

    @Override
    default boolean projectMonthly() {
        return false;
    }

    @Override
    default List<String> periods(EvaluationContext ctx) {
        return List.of(EvaluationContext.STANDING);
    }
}
