package org.wageguard.identity.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.identity.CodeTables;

/**
 * Names where records keep codes, for the pages ({@code th:text="${@names.officer(e.byUsername)}"}): an officer's
 * name for a username ({@code jiancha} → 李监察, {@code system} → 系统自动), a region's name for its code
 * (430000 → 湖南省). An unknown code is shown as it is. Names are remembered for a minute.
 */
@Component("names")
public class DisplayNames {

    private static final long TTL_MILLIS = 60_000;

    private record Remembered(String name, long at) {
    }

    private final JdbcClient jdbc;
    private final CodeTables codeTables;
    private final Map<String, Remembered> officers = new ConcurrentHashMap<>();
    private final Map<String, Remembered> regions = new ConcurrentHashMap<>();

    DisplayNames(JdbcClient jdbc, CodeTables codeTables) {
        this.jdbc = jdbc;
        this.codeTables = codeTables;
    }

    public String officer(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if ("system".equals(username)) {
            return "系统自动";
        }
        return remembered(officers, username, () -> jdbc.sql("SELECT display_name FROM officer WHERE username = :u")
                .param("u", username).query(String.class).optional().orElse(username));
    }

    public String region(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return remembered(regions, code, () -> codeTables.region(code).map(CodeTables.Region::name).orElse(code));
    }

    private static String remembered(Map<String, Remembered> cache, String key, java.util.function.Supplier<String> lookup) {
        long now = System.currentTimeMillis();
        Remembered r = cache.get(key);
        if (r == null || now - r.at() > TTL_MILLIS) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            r = new Remembered(lookup.get(), now);
            cache.put(key, r);
        }
        return r.name();
    }
}
