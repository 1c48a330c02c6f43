package org.wageguard.payroll.reconciliation;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/** How many findings each rule gave in one run. */
public final class FindingCounts {

    private final Map<Rule, Long> counts = new EnumMap<>(Rule.class);

    void add(Rule rule) {
        counts.merge(rule, 1L, Long::sum);
    }

    public long count(Rule rule) {
        return counts.getOrDefault(rule, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One Chinese line naming every rule and its count. */
    public String summary() {
        StringJoiner rules = new StringJoiner("，", "（", "）");
        for (Rule rule : Rule.values()) {
            rules.add(rule.title() + " " + rule.name() + " " + count(rule));
        }
        return "对账完成：共 " + total() + " 条发现" + rules;
    }

    @Override
    public String toString() {
        return summary();
    }
}
