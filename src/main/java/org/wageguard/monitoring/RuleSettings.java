package org.wageguard.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.AdvisoryLocks;
import org.wageguard.shared.StaleEditException;
import org.wageguard.identity.OperationLog;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.wageguard.shared.Rows;

/**
 * The rule parameters per region, each setting with the day it applies from (生效日期). A region without its own
 * setting on a day takes its city's, then its province's, then the catalogue's defaults. A change applies from its
 * date: an evaluation of an earlier month (or an earlier day) keeps the value in force then, so raising the minimum
 * wage does not re-rate the months before the raise. Every change is audited and the history stays (the rule page).
 */
@Service
@Transactional(readOnly = true)
public class RuleSettings {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    /** The effective date of the settings made before dates were kept: in force since ever. */
    public static final LocalDate SINCE_EVER = LocalDate.of(2000, 1, 1);

    /** The advisory-lock key base of a rule's settings (one change at a time per rule and region). */
    private static final long LOCK = 724_038L << 20;

    /** One stored setting of a rule for a region from a day on. */
    public record Setting(String ruleCode, String regionCode, LocalDate effectiveFrom, boolean enabled,
            String parameters, int version, String updatedBy, java.time.OffsetDateTime updatedAt) {

        public Map<String, String> values() {
            return JSON.readValue(parameters, MAP);
        }

        /** Since ever (a setting made before effective dates were kept). */
        public boolean sinceEver() {
            return !effectiveFrom.isAfter(SINCE_EVER);
        }
    }

    /** All settings as read at one moment; {@code today} is the day {@link #of(RuleCode, String)} answers for. */
    public static final class Snapshot {
        private final Map<String, List<Setting>> rows;
        private final LocalDate today;

        private Snapshot(Map<String, List<Setting>> rows, LocalDate today) {
            this.rows = rows;
            this.today = today;
        }

        /** The parameters in force today. */
        public RuleParameters of(RuleCode rule, String regionCode) {
            return of(rule, regionCode, today);
        }

        /** The parameters in force on a day: the nearest region with a setting effective on or before it. */
        public RuleParameters of(RuleCode rule, String regionCode, LocalDate day) {
            for (String code : lineage(regionCode)) {
                for (Setting row : rows.getOrDefault(rule.name() + "/" + code, List.of())) {
                    if (!row.effectiveFrom().isAfter(day)) {
                        return new RuleParameters(rule, code, row.enabled(), row.values(), row.effectiveFrom());
                    }
                }
            }
            return new RuleParameters(rule, null, true, rule.defaults(), null);
        }

        /** The version of the region's own settings (changes with each of them); -1 while it has none. */
        public int version(RuleCode rule, String regionCode) {
            return rows.getOrDefault(rule.name() + "/" + regionCode, List.of()).stream().mapToInt(Setting::version)
                    .max().orElse(-1);
        }

        /** The settings of the region and the regions above it, the latest effective date first. */
        public List<Setting> history(RuleCode rule, String regionCode) {
            List<Setting> list = new ArrayList<>();
            for (String code : lineage(regionCode)) {
                list.addAll(rows.getOrDefault(rule.name() + "/" + code, List.of()));
            }
            list.sort(java.util.Comparator.comparing(Setting::effectiveFrom).reversed()
                    .thenComparing(s -> -s.regionCode().length()));
            return list;
        }

        /** A setting of the region's own that applies from a day after today (scheduled), if any. */
        public List<Setting> scheduled(RuleCode rule, String regionCode) {
            return rows.getOrDefault(rule.name() + "/" + regionCode, List.of()).stream()
                    .filter(s -> s.effectiveFrom().isAfter(today)).sorted(java.util.Comparator.comparing(Setting::effectiveFrom))
                    .toList();
        }
    }
    /** The region itself, its city (xxxx00) and its province (xx0000). */
    static List<String> lineage(String regionCode) {
        List<String> codes = new ArrayList<>();
        if (regionCode == null || regionCode.length() < 6) {
            return codes;
        }
        codes.add(regionCode);
        if (regionCode.length() > 6) {
            codes.add(regionCode.substring(0, 6));
        }
        String city = regionCode.substring(0, 4) + "00";
        String province = regionCode.substring(0, 2) + "0000";
        if (!codes.contains(city)) {
            codes.add(city);
        }
        if (!codes.contains(province)) {
            codes.add(province);
        }
        return codes;
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final Clock clock;

    RuleSettings(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    public Snapshot snapshot() {
        Map<String, List<Setting>> rows = new HashMap<>();
        jdbc.sql("""
                SELECT rule_code, region_code, effective_from, enabled, parameters::text AS parameters, version,
                       updated_by, updated_at
                  FROM monitoring_rule_setting ORDER BY effective_from DESC
                """).query(Rows.of(Setting.class)).list()
                .forEach(r -> rows.computeIfAbsent(r.ruleCode() + "/" + r.regionCode(), k -> new ArrayList<>()).add(r));
        return new Snapshot(rows, LocalDate.now(clock));
    }

    /**
     * Sets a rule's parameters for a region from a day on ({@code effectiveFrom}; the same day again replaces that
     * day's setting). {@code version} is the version of the region's settings the officer saw (-1 when the region had
     * none of its own); a concurrent change is refused.
     */
    @Transactional
    public void update(RuleCode rule, String regionCode, boolean enabled, Map<String, String> typed,
            LocalDate effectiveFrom, int version, String actor) {
        if (effectiveFrom == null) {
            throw MonitoringRuleException.of("param.effectiveFrom");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : rule.defaults().keySet()) {
            values.put(key, RuleParameters.check(rule, key, typed.getOrDefault(key, rule.defaults().get(key))));
        }
        AdvisoryLocks.lockForTransaction(jdbc, LOCK + (rule.ordinal() << 12) + Math.floorMod(regionCode.hashCode(), 4096));
        Snapshot now = snapshot();
        int current = now.version(rule, regionCode);
        if (current != version) {
            // Another officer saved this region's setting of the rule in between.
            throw new StaleEditException("monitoring_rule_setting", rule.name() + "/" + regionCode, null, null);
        }
        RuleParameters before = now.of(rule, regionCode, effectiveFrom);
        jdbc.sql("""
                INSERT INTO monitoring_rule_setting (rule_code, region_code, effective_from, enabled, parameters, version,
                    updated_by)
                VALUES (:r, :region, :from, :enabled, CAST(:p AS JSONB), :v, :by)
                ON CONFLICT (rule_code, region_code, effective_from) DO UPDATE SET enabled = EXCLUDED.enabled,
                    parameters = EXCLUDED.parameters, version = EXCLUDED.version, updated_by = EXCLUDED.updated_by,
                    updated_at = now()
                """).param("r", rule.name()).param("region", regionCode).param("from", java.sql.Date.valueOf(effectiveFrom))
                .param("enabled", enabled).param("p", JSON.writeValueAsString(values)).param("v", current + 1)
                .param("by", actor).update();
        StringBuilder change = new StringBuilder();
        values.forEach((k, v) -> {
            String old = before.value(k);
            if (!v.equals(old)) {
                change.append(' ').append(k).append(' ').append(old).append('→').append(v);
            }
        });
        if (before.enabled() != enabled) {
            change.append(enabled ? " 启用" : " 停用");
        }
        operationLog.record("MONITORING_RULE_SET", "monitoring_rule", rule.name() + "/" + regionCode,
                "修改预警规则 " + rule.name() + "（区划 " + regionCode + "，自 " + effectiveFrom + " 起生效）："
                        + (change.isEmpty() ? " 无变化" : change));
    }
}
