package org.wageguard.shared.imports;

import java.util.Locale;
import java.util.Objects;

/**
 * One column of an import file: its English name, its Chinese alias, and whether the file must have it. A
 * header cell matches by either name, case-insensitively, or in the template's own form {@code 别名（name）}.
 */
public record Column(String name, String alias, boolean required) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
    }

    public static Column required(String name, String alias) {
        return new Column(name, alias, true);
    }

    public static Column optional(String name, String alias) {
        return new Column(name, alias, false);
    }

    /** How the column is shown to users: in template headers, problem reports and messages. */
    public String label() {
        return alias + "（" + name + "）";
    }

    boolean matches(String header) {
        String h = normalise(header);
        if (h.isEmpty()) {
            return false;
        }
        if (h.equals(normalise(name)) || h.equals(normalise(alias)) || h.equals(normalise(label()))) {
            return true;
        }
        // "别名（name）", "别名(name)", "name（别名）": either part naming this column is enough, so long as the
        // other part does not name something else.
        int open = Math.max(h.lastIndexOf('('), h.lastIndexOf('（'));
        if (open > 0 && (h.endsWith(")") || h.endsWith("）"))) {
            String outer = h.substring(0, open).trim();
            String inner = h.substring(open + 1, h.length() - 1).trim();
            boolean outerMatches = outer.equals(normalise(name)) || outer.equals(normalise(alias));
            boolean innerMatches = inner.equals(normalise(name)) || inner.equals(normalise(alias));
            return outerMatches && innerMatches || outerMatches && inner.isEmpty() || innerMatches && outer.isEmpty();
        }
        return false;
    }

    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        // Template headers mark required columns with an asterisk; users add stray spaces.
        String t = s.replace('\u3000', ' ').replace("\uFEFF", "").strip();
        if (t.startsWith("*") || t.startsWith("＊")) {
            t = t.substring(1).strip();
        }
        return t.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
