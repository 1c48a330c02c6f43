package org.wageguard.shared.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cut-off dates of one kind in one run: a record whose reference date lies before the cut-off of its region is
 * past its maximum keeping. A region's setting covers its subtree (a county's own setting wins over its city's);
 * records of regions without a setting, and records without a region (logs, portal codes), take {@code fallback}.
 *
 * @param regions region subtree prefix → cut-off, most specific first
 */
public record RetentionCutoffs(RetentionKind kind, List<RegionCutoff> regions, LocalDate fallback) {

    /** The cut-off of the regions whose codes start with {@code prefix}. */
    public record RegionCutoff(String prefix, LocalDate cutoff) {
    }

    /** A SQL condition from fixed column expressions and named parameters only. */
    public record Condition(String sql, Map<String, Object> parameters) {
    }

    public RetentionCutoffs {
        regions = new ArrayList<>(regions);
        regions.sort(Comparator.comparingInt((RegionCutoff r) -> r.prefix().length()).reversed());
        regions = List.copyOf(regions);
    }

    /**
     * {@code dateExpression < <the cut-off of regionExpression's region>}; {@code regionExpression} null: the
     * fallback for every row.
     */
    public Condition before(String regionExpression, String dateExpression) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("cutFallback", fallback);
        if (regionExpression == null || regions.isEmpty()) {
            return new Condition(dateExpression + " < :cutFallback", parameters);
        }
        StringBuilder sql = new StringBuilder(dateExpression).append(" < CASE");
        for (int i = 0; i < regions.size(); i++) {
            sql.append(" WHEN ").append(regionExpression).append(" LIKE :cutPrefix").append(i)
                    .append(" THEN CAST(:cutDate").append(i).append(" AS DATE)");
            parameters.put("cutPrefix" + i, regions.get(i).prefix() + "%");
            parameters.put("cutDate" + i, regions.get(i).cutoff());
        }
        sql.append(" ELSE CAST(:cutFallback AS DATE) END");
        return new Condition(sql.toString(), parameters);
    }
}
