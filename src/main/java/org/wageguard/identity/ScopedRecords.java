package org.wageguard.identity;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one authorization gate of a scoped record: every service method that reads or changes one record of a
 * scoped table takes the officer's {@link DataScope} and resolves the record here first. Out of scope (or absent)
 * throws {@link OutOfScopeException}, which the web answers 404. The table and its scope columns come from code
 * ({@link Table}), the id is a bound parameter, the scope a {@link ScopePredicate}: nothing a user sends reaches
 * the SQL text.
 */
@Component
public class ScopedRecords {

    /**
     * A scoped table as a module sees it: the {@code from} clause (one table with an alias, or a fixed join written
     * in code), the id column, and the columns its data scope filters on.
     */
    public record Table(String name, String from, String id, ScopeColumns columns) {
        public Table {
            if (!id.matches("[a-z_]+\\.[a-z_]+") || from.contains(";") || from.contains(":")) {
                throw new IllegalArgumentException("Not a table of code: " + from + " / " + id);
            }
        }
    }

    private final JdbcClient jdbc;

    ScopedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the record exists and lies within the scope. */
    public boolean covers(DataScope scope, Table table, long id) {
        ScopePredicate predicate = scope.predicate(table.columns());
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("scopedRecordId", id);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table.from() + " WHERE " + table.id() + " = :scopedRecordId AND "
                + predicate.sql() + ")").params(params).query(Boolean.class).single();
    }

    /** The record within the scope, or {@link OutOfScopeException} (404). */
    public void require(DataScope scope, Table table, long id) {
        if (!covers(scope, table, id)) {
            throw new OutOfScopeException(table.name(), id);
        }
    }
}
