package org.wageguard.shared;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Optimistic locking for every form that changes an existing row: one place that writes
 * {@code UPDATE <table> SET <assignments>, version = version + 1 WHERE id = ? AND version = ?}, stamps
 * {@code updated_at}/{@code updated_by} where the table has them, and throws {@link StaleEditException} when the row
 * is there but was saved by someone else since the form read {@code version}.
 *
 * <pre>{@code
 * Versioned.update(jdbc, "case_claimant", "amount_paid = :a, paid_on = :d")
 *         .param("a", amount).param("d", paidOn).where("case_id = :c").param("c", caseId)
 *         .by(officer.username()).row(claimantId, version);
 * }</pre>
 *
 * Table names and assignments are the calling code's constants, never user input (they become SQL text).
 */
public final class Versioned {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    /** Per table: does it keep updated_at / updated_by (read once from the catalogue). */
    private static final Map<String, Stamps> STAMPS = new ConcurrentHashMap<>();

    private record Stamps(boolean at, boolean by) {
    }

    private Versioned() {
    }

    /**
     * An update of one row of {@code table}; {@code assignments} is the SET list without the version (empty where
     * the change lies in other tables, e.g. an account's roles, and the row only counts its version up).
     */
    public static Update update(JdbcClient jdbc, String table, String assignments) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return new Update(jdbc, table, assignments);
    }

    public static final class Update {

        private final JdbcClient jdbc;
        private final String table;
        private final String assignments;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private String condition;
        private String actor;
        private String key = "id";

        private Update(JdbcClient jdbc, String table, String assignments) {
            this.jdbc = jdbc;
            this.table = table;
            this.assignments = assignments;
        }

        public Update param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public Update params(Map<String, ?> values) {
            params.putAll(values);
            return this;
        }

        /**
         * A further condition that names the row (e.g. {@code case_id = :c}, the row must belong to the case in the
         * address): a row outside it counts as not there.
         */
        public Update where(String condition) {
            this.condition = condition;
            return this;
        }

        /** The column that names the row when it is not {@code id} (e.g. {@code code}, {@code channel}). */
        public Update key(String column) {
            if (!NAME.matcher(column).matches()) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
            this.key = column;
            return this;
        }

        /** Who saves: written to {@code updated_by} (and {@code updated_at = now()}) where the table has them. */
        public Update by(String actor) {
            this.actor = actor;
            return this;
        }

        /**
         * Saves row {@code id} if it still has {@code version}.
         *
         * @return true when saved, false when there is no such row (or it is outside {@link #where})
         * @throws StaleEditException when the row is there with another version
         */
        public boolean row(Object id, int version) {
            return write(id, version);
        }

        /**
         * A write that no form stands behind (derived by the system, e.g. a ledger's balance): saved whatever the
         * version, which it still counts up, so that a form open on the row becomes stale.
         *
         * @return the number of rows written
         */
        public int rowAtAnyVersion(Object id) {
            Stamps stamps = stamps(jdbc, table);
            var statement = jdbc.sql(sql(stamps, false)).params(params).param("versionedId", id);
            if (stamps.by() && actor != null) {
                statement = statement.param("versionedBy", actor);
            }
            return statement.update();
        }

        private String sql(Stamps stamps, boolean checked) {
            StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
            if (assignments != null && !assignments.isBlank()) {
                sql.append(assignments).append(", ");
            }
            sql.append("version = version + 1");
            if (stamps.at()) {
                sql.append(", updated_at = now()");
            }
            if (stamps.by() && actor != null) {
                sql.append(", updated_by = :versionedBy");
            }
            sql.append(" WHERE ").append(key).append(" = :versionedId");
            if (checked) {
                sql.append(" AND version = :versionedVersion");
            }
            return sql.append(and()).toString();
        }

        private boolean write(Object id, int version) {
            Stamps stamps = stamps(jdbc, table);
            var statement = jdbc.sql(sql(stamps, true)).params(params).param("versionedId", id)
                    .param("versionedVersion", version);
            if (stamps.by() && actor != null) {
                statement = statement.param("versionedBy", actor);
            }
            if (statement.update() > 0) {
                return true;
            }
            return stale(id, version, stamps);
        }

        /** The same as {@link #row} where a missing row is the caller's error too: throws then. */
        public void existingRow(Object id, int version) {
            if (!row(id, version)) {
                throw new org.springframework.dao.EmptyResultDataAccessException(table + " " + id + " not found", 1);
            }
        }

        private String and() {
            return condition == null || condition.isBlank() ? "" : " AND (" + condition + ")";
        }

        private boolean stale(Object id, int version, Stamps stamps) {
            String sql = "SELECT version" + (stamps.by() ? ", updated_by" : ", NULL") + (stamps.at() ? ", updated_at" : ", NULL")
                    + " FROM " + table + " WHERE " + key + " = :versionedId" + and();
            record Current(int version, String by, OffsetDateTime at) {
            }
            Optional<Current> current = jdbc.sql(sql).params(params).param("versionedId", id)
                    .query((rs, n) -> {
                        Timestamp at = rs.getTimestamp(3);
                        return new Current(rs.getInt(1), rs.getString(2),
                                at == null ? null : at.toInstant().atOffset(ZoneOffset.UTC));
                    }).optional();
            if (current.isEmpty() || current.get().version() == version) {
                return false;
            }
            throw new StaleEditException(table, id, current.get().by(), current.get().at());
        }
    }

    /**
     * Checks, before anything else is said about the row (its state, its rules), that it still has the version the
     * form was rendered with.
     *
     * @throws StaleEditException when the row is there with another version
     */
    public static void requireVersion(JdbcClient jdbc, String table, Object id, int version) {
        update(jdbc, table, "").stale(id, version, stamps(jdbc, table));
    }

    private static Stamps stamps(JdbcClient jdbc, String table) {
        return STAMPS.computeIfAbsent(table, t -> {
            List<String> columns = jdbc.sql("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = :t AND column_name IN ('updated_at', 'updated_by', 'version')
                    """).param("t", t).query(String.class).list();
            if (!columns.contains("version")) {
                throw new IllegalStateException("table " + t + " has no version column");
            }
            return new Stamps(columns.contains("updated_at"), columns.contains("updated_by"));
        });
    }
}
