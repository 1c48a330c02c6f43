package org.wageguard.workforce;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.Money;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;

/**
 * The reading rules of FORMATS.md for one cell, shared by the four imports so that the web accepts exactly what
 * the reconciliation engine accepts: a bad value adds a problem in Chinese and yields {@code null}.
 */
public final class ImportValues {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    private ImportValues() {
    }

    /** Adds a problem for every required column left empty; true when none is. */
    public static boolean required(Row row, List<Column> columns, List<Problem> problems) {
        boolean complete = true;
        for (Column c : columns) {
            if (c.required() && row.get(c) == null) {
                problems.add(Problem.of(row, c, c.alias() + "不能为空"));
                complete = false;
            }
        }
        return complete;
    }

    public static LocalDate date(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, DATE);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(row, column, "日期应为 YYYY-MM-DD 格式的真实日期"));
            return null;
        }
    }

    public static YearMonth month(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v, MONTH);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(row, column, "月份应为 YYYY-MM 格式，如 2026-11"));
            return null;
        }
    }

    /** Yuan, non-negative, at most two decimals; {@code 3000} equals {@code 3000.00}. */
    public static BigDecimal money(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Money.of(v).value();
        } catch (InvalidIdentifierException e) {
            problems.add(Problem.of(row, column, "金额应为不小于零、最多两位小数的数字（单位：元），不能含千分位逗号"));
            return null;
        }
    }

    public static Integer wholeNumber(Row row, Column column, int max, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{1,4}") || Integer.parseInt(v) > max) {
            problems.add(Problem.of(row, column, "应为 0 到 " + max + " 之间的整数"));
            return null;
        }
        return Integer.parseInt(v);
    }

    /** Decimal hours on site in one day. */
    public static BigDecimal hours(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal h = new BigDecimal(v);
            if (h.signum() < 0 || h.compareTo(BigDecimal.valueOf(24)) > 0 || h.stripTrailingZeros().scale() > 2) {
                throw new NumberFormatException();
            }
            return h;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(row, column, "工时应为 0 到 24 之间的数字，最多两位小数"));
            return null;
        }
    }

    /** {@code Y}/{@code N} in any case, or 是/否. */
    public static Boolean yesNo(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "Y", "是" -> true;
            case "N", "否" -> false;
            default -> {
                problems.add(Problem.of(row, column, "应填 Y 或 N（是/否）"));
                yield null;
            }
        };
    }

    /** A text cell that must fit its database column. */
    public static String text(Row row, Column column, int max, List<Problem> problems) {
        String v = row.get(column);
        if (v != null && v.length() > max) {
            problems.add(Problem.of(row, column, "内容过长，最多 " + max + " 个字"));
            return null;
        }
        return v;
    }

    /** The fingerprint of a slice's rows: equal content, equal hash, so re-importing a file changes nothing. */
    public static String fingerprint(List<String> canonicalRows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String r : canonicalRows) {
                digest.update(r.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
