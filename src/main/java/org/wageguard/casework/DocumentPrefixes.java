package org.wageguard.casework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.OutOfScopeException;
import org.wageguard.shared.Rows;
import org.wageguard.shared.StaleEditException;
import org.wageguard.shared.Versioned;

/**
 * The region's document prefix (文书简称, {@code case_region_setting}) as the office maintains it: every region of
 * county level or above in the officer's region, with its own prefix or the one it takes (an ancestor's setting, else
 * the county name's first character), edited with a version check and written to the operation log. Documents
 * already numbered keep their numbers; the next ones take the new prefix and count from 1 in it.
 */
@Service
public class DocumentPrefixes {

    /** At most four Chinese characters, as the short names of issuing bodies in document numbers are (沅, 益赫). */
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\p{IsHan}{1,4}");

    /**
     * A region and its prefix: {@code own} the region's setting (null where it has none), {@code effective} the
     * prefix its documents take now; {@code version} -1 where nothing is set yet.
     */
    public record Setting(String regionCode, String regionName, String level, String own, String effective, int version,
            OffsetDateTime updatedAt, String updatedBy) {
        public boolean set() {
            return own != null;
        }
    }

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final OperationLog operationLog;

    DocumentPrefixes(JdbcClient jdbc, DocumentNumbers numbers, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.operationLog = operationLog;
    }

    /** The regions of county level or above under {@code regionPrefix} (the officer's subtree), in code order. */
    @Transactional(readOnly = true)
    public List<Setting> settings(String regionPrefix) {
        record Row(String regionCode, String regionName, String level, String own, Integer version,
                OffsetDateTime updatedAt, String updatedBy) {
        }
        return jdbc.sql("""
                SELECT r.code AS region_code, r.name AS region_name, r.level, s.document_prefix AS own, s.version,
                       s.updated_at, s.updated_by
                  FROM region r LEFT JOIN case_region_setting s ON s.region_code = r.code
                 WHERE r.code LIKE :p AND r.level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')
                 ORDER BY r.code
                """).param("p", regionPrefix + "%").query(Rows.of(Row.class)).list().stream()
                .map(r -> new Setting(r.regionCode(), r.regionName(), r.level(), r.own(), numbers.prefix(r.regionCode()),
                        r.version() == null ? -1 : r.version(), r.updatedAt(), r.updatedBy()))
                .toList();
    }

    public Optional<Setting> find(String regionPrefix, String regionCode) {
        return settings(regionPrefix).stream().filter(s -> s.regionCode().equals(regionCode)).findFirst();
    }

    /**
     * Sets the prefix of {@code regionCode} (in the officer's subtree, else {@link OutOfScopeException}); {@code version}
     * is the one the form read (-1 where the region had no setting).
     *
     * @throws CaseRuleException when the prefix is not one to four Chinese characters, or another region has it
     * @throws StaleEditException when someone saved the region's prefix since the form was read
     */
    @Transactional
    public void set(String regionPrefix, String regionCode, String prefix, int version, String actor) {
        Setting current = find(regionPrefix, regionCode == null ? "" : regionCode)
                .orElseThrow(() -> new OutOfScopeException("case_region_setting",
                        regionCode != null && regionCode.matches("\\d{1,12}") ? Long.parseLong(regionCode) : -1));
        String p = prefix == null ? "" : prefix.strip();
        if (!SHAPE.matcher(p).matches()) {
            throw CaseRuleException.of("case.prefix.shape");
        }
        jdbc.sql("""
                SELECT r.name FROM case_region_setting s JOIN region r ON r.code = s.region_code
                 WHERE s.document_prefix = :p AND s.region_code <> :r ORDER BY r.code LIMIT 1
                """).param("p", p).param("r", regionCode).query(String.class).optional().ifPresent(other -> {
                    throw CaseRuleException.of("case.prefix.taken", p, other);
                });
        if (p.equals(current.own())) {
            return;
        }
        if (current.set()) {
            Versioned.update(jdbc, "case_region_setting", "document_prefix = :p").param("p", p).key("region_code")
                    .by(actor).row(regionCode, version);
        } else {
            int inserted = jdbc.sql("""
                    INSERT INTO case_region_setting (region_code, document_prefix, updated_by) VALUES (:r, :p, :by)
                    ON CONFLICT (region_code) DO NOTHING
                    """).param("r", regionCode).param("p", p).param("by", actor).update();
            if (inserted == 0) {
                // Another officer set it first, since this form was read.
                Setting now = find(regionPrefix, regionCode).orElseThrow();
                throw new StaleEditException("case_region_setting", regionCode, now.updatedBy(), now.updatedAt());
            }
        }
        operationLog.record("DOCUMENT_PREFIX_SET", "case_region_setting", regionCode,
                "文书简称 " + current.regionName() + "（" + regionCode + "）：" + current.effective()
                        + (current.set() ? "" : "（未设置，沿用）") + " → " + p);
    }
}
