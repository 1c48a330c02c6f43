package org.wageguard.shared.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row: its number as the user sees it in Excel (the header is row 1) and its values by column name,
 * trimmed, with an empty cell absent.
 */
public record Row(long number, Map<String, String> values) {

    public Row {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value, or {@code null} when the cell is empty or the column is not in the file. */
    public String get(Column column) {
        return values.get(column.name());
    }

    public String get(String columnName) {
        return values.get(columnName);
    }
}
