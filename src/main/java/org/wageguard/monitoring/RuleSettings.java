package org.wageguard.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.StaleEditException;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.OperationLog;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.wageguard.shared.Rows;

/**
 * The rule parameters per region. A region without its own setting takes its city's, then its province's, then the
 * catalogue's defaults; a change is audited and applies from the next evaluation (each evaluation reads a fresh
 * {@link Snapshot}).
 */
@Service
@Transactional(readOnly = true)
public class RuleSettings {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private record Row(String ruleCode, String regionCode, boolean enabled, String parameters, int version) {
    }

    /** All settings as read at one moment. */
    public static final class Snapshot {
        private final Map<String, Row> rows;

        private Snapshot(Map<String, Row> rows) {
            this.rows = rows;
        }

        public RuleParameters of(RuleCode rule, String regionCode) {
            for (String code : lineage(regionCode)) {
                Row row = rows.get(rule.name() + "/" + code);
                if (row != null) {
                    return new RuleParameters(rule, code, row.enabled(), JSON.readValue(row.parameters(), MAP));
                }
            }
            return new RuleParameters(rule, null, true, rule.defaults());
        }

        public int version(RuleCode rule, String regionCode) {
            Row row = rows.get(rule.name() + "/" + regionCode);
            return row == null ? -1 : row.version();
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

    RuleSettings(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    public Snapshot snapshot() {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("SELECT rule_code, region_code, enabled, parameters::text AS parameters, version FROM monitoring_rule_setting")
                .query(Rows.of(Row.class)).list().forEach(r -> rows.put(r.ruleCode() + "/" + r.regionCode(), r));
        return new Snapshot(rows);
    }

    /**
     * Sets a rule's parameters for a region. {@code version} is the version the officer saw (-1 when the region had
     * no setting of its own); a concurrent change is refused.
     */
    @Transactional
    public void update(RuleCode rule, String regionCode, boolean enabled, Map<String, String> typed, int version,
            String actor) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : rule.defaults().keySet()) {
            values.put(key, RuleParameters.check(rule, key, typed.getOrDefault(key, rule.defaults().get(key))));
        }
        RuleParameters before = snapshot().of(rule, regionCode);
        String json = JSON.writeValueAsString(values);
        int rows;
        if (version < 0) {
            rows = jdbc.sql("""
                    INSERT INTO monitoring_rule_setting (rule_code, region_code, enabled, parameters, updated_by)
                    VALUES (:r, :region, :enabled, CAST(:p AS JSONB), :by) ON CONFLICT DO NOTHING
                    """).param("r", rule.name()).param("region", regionCode).param("enabled", enabled).param("p", json)
                    .param("by", actor).update();
        } else {
            rows = Versioned.update(jdbc, "monitoring_rule_setting", "enabled = :enabled, parameters = CAST(:p AS JSONB)")
                    .param("enabled", enabled).param("p", json).key("rule_code").where("region_code = :region")
                    .param("region", regionCode).by(actor).row(rule.name(), version) ? 1 : 0;
        }
        if (rows == 0) {
            // Another officer saved this region's setting in between (first setting, or the row went away).
            throw new StaleEditException("monitoring_rule_setting", rule.name() + "/" + regionCode, null, null);
        }
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
                "修改预警规则 " + rule.name() + "（区划 " + regionCode + "）：" + (change.isEmpty() ? " 无变化" : change));
    }
}
