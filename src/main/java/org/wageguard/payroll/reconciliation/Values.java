package org.wageguard.payroll.reconciliation;

import java.nio.charset.StandardCharsets;

/**
 * Parsing and printing of cell values as the hot loop keeps them: dates as {@code yyyymmdd} ints, months as
 * {@code yyyymm} ints, money as long fen. Parsers take a trimmed byte range and return -1 for a value that does
 * not parse, so that the caller, which knows the file, row and column, can say so.
 */
final class Values {

    static final int SUCCESS = 0;
    static final int FAILED = 1;
    static final int RETURNED = 2;

    private static final byte[][] STATUS_CHINESE = {
        "成功".getBytes(StandardCharsets.UTF_8), "失败".getBytes(StandardCharsets.UTF_8),
        "退回".getBytes(StandardCharsets.UTF_8)};
    private static final byte[][] STATUS_ENGLISH = {
        "SUCCESS".getBytes(StandardCharsets.US_ASCII), "FAILED".getBytes(StandardCharsets.US_ASCII),
        "RETURNED".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[] YES = "是".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO = "否".getBytes(StandardCharsets.UTF_8);

    /** Money beyond ten trillion yuan is a typo, and keeps fen far from overflowing a long when summed. */
    private static final int MAX_WHOLE_DIGITS = 13;

    private Values() {
    }

    /** Start of the range without leading blanks (ASCII controls and space, U+3000, U+00A0). */
    static int trimStart(byte[] b, int s, int e) {
        while (s < e) {
            int c = b[s] & 0xFF;
            if (c <= 0x20) {
                s++;
            } else if (c == 0xE3 && s + 2 < e && b[s + 1] == (byte) 0x80 && b[s + 2] == (byte) 0x80) {
                s += 3;
            } else if (c == 0xC2 && s + 1 < e && b[s + 1] == (byte) 0xA0) {
                s += 2;
            } else {
                return s;
            }
        }
        return s;
    }

    /** End of the range without trailing blanks; {@code s} is the trimmed start. */
    static int trimEnd(byte[] b, int s, int e) {
        while (e > s) {
            int c = b[e - 1] & 0xFF;
            if (c <= 0x20) {
                e--;
            } else if (c == 0x80 && e - 3 >= s && b[e - 3] == (byte) 0xE3 && b[e - 2] == (byte) 0x80) {
                e -= 3;
            } else if (c == 0xA0 && e - 2 >= s && b[e - 2] == (byte) 0xC2) {
                e -= 2;
            } else {
                return e;
            }
        }
        return e;
    }

    /** {@code YYYY-MM-DD}, a real date from year 1 on; -1 otherwise. */
    static int date(byte[] b, int s, int e) {
        if (e - s != 10 || b[s + 4] != '-' || b[s + 7] != '-') {
            return -1;
        }
        int y = digits(b, s, 4);
        int m = digits(b, s + 5, 2);
        int d = digits(b, s + 8, 2);
        return y > 0 && m > 0 && d > 0 && isRealDate(y, m, d) ? y * 10000 + m * 100 + d : -1;
    }

    /** {@code YYYY-MM}, a real month from year 1 on; -1 otherwise. */
    static int month(byte[] b, int s, int e) {
        if (e - s != 7 || b[s + 4] != '-') {
            return -1;
        }
        int y = digits(b, s, 4);
        int m = digits(b, s + 5, 2);
        return y > 0 && m >= 1 && m <= 12 ? y * 100 + m : -1;
    }

    static boolean isRealDate(int y, int m, int d) {
        return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
    }

    private static int daysInMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code n} ASCII digits, or -1 when one of them is not a digit. */
    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * A non-negative amount in yuan with at most two decimals (further zeros allowed: amounts compare as
     * numbers), as fen; -1 otherwise.
     */
    static long amount(byte[] b, int s, int e) {
        int i = s;
        long whole = 0;
        int wholeDigits = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            if (++wholeDigits > MAX_WHOLE_DIGITS && whole > 0) {
                return -1;
            }
            whole = whole * 10 + (b[i++] - '0');
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                int d = b[i++] - '0';
                if (fractionDigits < 2) {
                    fraction = fraction * 10 + d;
                } else if (d != 0) {
                    return -1;
                }
                fractionDigits++;
            }
        }
        if (i != e || wholeDigits + fractionDigits == 0) {
            return -1;
        }
        return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction);
    }

    /** A non-negative whole number ({@code 22}, also {@code 22.0}); -1 otherwise. */
    static int wholeNumber(byte[] b, int s, int e) {
        int i = s;
        long v = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i++] - '0');
            if (v > Integer.MAX_VALUE) {
                return -1;
            }
        }
        if (i == s) {
            return -1;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] == '0') {
                i++;
            }
        }
        return i == e ? (int) v : -1;
    }

    /** 1 for {@code Y}/{@code 是}, 0 for {@code N}/{@code 否} (either case), -1 otherwise. */
    static int yesNo(byte[] b, int s, int e) {
        if (e - s == 1) {
            int c = b[s] | 0x20;
            return c == 'y' ? 1 : c == 'n' ? 0 : -1;
        }
        return equal(b, s, e, YES) ? 1 : equal(b, s, e, NO) ? 0 : -1;
    }

    /** {@link #SUCCESS}, {@link #FAILED} or {@link #RETURNED}, in English (any case) or Chinese; -1 otherwise. */
    static int status(byte[] b, int s, int e) {
        for (int k = 0; k < 3; k++) {
            if (equalIgnoringAsciiCase(b, s, e, STATUS_ENGLISH[k]) || equal(b, s, e, STATUS_CHINESE[k])) {
                return k;
            }
        }
        return -1;
    }

    static String statusName(int status) {
        return switch (status) {
            case SUCCESS -> "成功";
            case FAILED -> "失败";
            default -> "退回";
        };
    }

    private static boolean equal(byte[] b, int s, int e, byte[] word) {
        if (e - s != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[s + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalIgnoringAsciiCase(byte[] b, int s, int e, byte[] upper) {
        if (e - s != upper.length) {
            return false;
        }
        for (int i = 0; i < upper.length; i++) {
            int c = b[s + i];
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c != upper[i]) {
                return false;
            }
        }
        return true;
    }

    static String yuan(long fen) {
        long abs = Math.abs(fen);
        String cents = Long.toString(abs % 100);
        return (fen < 0 ? "-" : "") + abs / 100 + (cents.length() == 1 ? ".0" : ".") + cents;
    }

    static String date(int yyyymmdd) {
        return month(yyyymmdd / 100) + (yyyymmdd % 100 < 10 ? "-0" : "-") + yyyymmdd % 100;
    }

    static String month(int yyyymm) {
        // Not String.format: details are written by the hundred thousand.
        int y = yyyymm / 100;
        String year = y >= 1000 ? Integer.toString(y) : y >= 100 ? "0" + y : y >= 10 ? "00" + y : "000" + y;
        return year + (yyyymm % 100 < 10 ? "-0" : "-") + yyyymm % 100;
    }
}
