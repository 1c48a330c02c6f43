package org.wageguard.monitoring.rules;

import java.util.List;

import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;

/** One early-warning rule (DOMAIN.md §4): reads facts through the other modules' APIs, says what fired. */
public interface RulePolicy {

    RuleCode code();

    /** Whether the rule is about one project's month, so that a reconciliation of that month re-evaluates it. */
    default boolean projectMonthly() {
        return true;
    }

    /** The periods this evaluation covered: alerts of these periods that did not fire again are resolved. */
    default List<String> periods(EvaluationContext ctx) {
        return ctx.months().stream().map(Object::toString).toList();
    }

    List<Raised> evaluate(EvaluationContext ctx);
}
