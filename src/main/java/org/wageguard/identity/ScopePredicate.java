package org.wageguard.identity;

import java.util.Map;

/**
 * A SQL condition built only from fixed column names and named parameters, with the parameter values
 * alongside. Unlike RuoYi's {@code ${params.dataScope}} string, nothing a user controls reaches the SQL text.
 */
public record ScopePredicate(String sql, Map<String, Object> parameters) {

    public static ScopePredicate none() {
        return new ScopePredicate("FALSE", Map.of());
    }
}
