package org.wageguard.payroll.reconciliation;

/**
 * ID numbers (GB 11643) as long codes, so that a million workers key a primitive hash table: an ID of 17 digits
 * and a check character encodes as {@code digits × 11 + check} (check {@code X} = 10), which is ≥ 0. Anything
 * else is kept, never corrected, under a negative code handed out by {@link OddIds}.
 */
final class IdNumbers {

    /** "No ID number given", e.g. an empty {@code payee_id_number}. */
    static final long NONE = Long.MIN_VALUE;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECKS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The code of a well-shaped ID in the trimmed range, or -1 when it is not 17 digits and a check character. */
    static long encode(byte[] b, int s, int e) {
        if (e - s != 18) {
            return -1;
        }
        long high = (long) EIGHT_BYTES.get(b, s);
        long low = (long) EIGHT_BYTES.get(b, s + 8);
        int last = b[s + 16] - '0';
        if (!eightDigits(high) || !eightDigits(low) || last < 0 || last > 9) {
            return -1;
        }
        long v = (eightDigitValue(high) * 100_000_000L + eightDigitValue(low)) * 10 + last;
        int c = b[s + 17];
        int check;
        if (c >= '0' && c <= '9') {
            check = c - '0';
        } else if (c == 'X' || c == 'x') {
            check = 10;
        } else {
            return -1;
        }
        return v * 11 + check;
    }

    private static final java.lang.invoke.VarHandle EIGHT_BYTES = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Whether eight bytes, read little-endian, are all ASCII digits (a branch-free test, after simdjson). */
    private static boolean eightDigits(long v) {
        return (((v + 0x4646464646464646L) | (v - 0x3030303030303030L)) & 0x8080808080808080L) == 0;
    }

    /** The value of eight ASCII digits read little-endian, by three multiplications (Lemire). */
    private static long eightDigitValue(long v) {
        v -= 0x3030303030303030L;
        v = v * 10 + (v >>> 8);
        return (((v & 0x000000FF000000FFL) * 0x000F424000000064L)
                + (((v >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L)) >>> 32;
    }

    /** The printed form of a well-shaped code (check character upper-case). */
    static String decode(long code) {
        char[] out = new char[18];
        out[17] = code % 11 == 10 ? 'X' : (char) ('0' + code % 11);
        long digits = code / 11;
        for (int i = 16; i >= 0; i--) {
            out[i] = (char) ('0' + digits % 10);
            digits /= 10;
        }
        return new String(out);
    }

    /** Whether a well-shaped code passes GB 11643; the hot path, without strings. */
    static boolean isValid(long code, int today) {
        int check = (int) (code % 11);
        long digits = code / 11;
        int high = (int) (digits / 1_000_000_000L); // digits 1–8
        int low = (int) (digits % 1_000_000_000L); // digits 9–17
        int birth = high % 100 * 1_000_000 + low / 1000;
        if (birth < 19000101 || birth > today || !Values.isRealDate(birth / 10000, birth / 100 % 100, birth % 100)) {
            return false;
        }
        int sum = 0;
        for (int i = 16; i >= 8; i--) {
            sum += low % 10 * WEIGHTS[i];
            low /= 10;
        }
        for (int i = 7; i >= 0; i--) {
            sum += high % 10 * WEIGHTS[i];
            high /= 10;
        }
        int expected = CHECKS[sum % 11];
        return (expected == 'X' ? 10 : expected - '0') == check;
    }

    /**
     * Why a well-shaped code fails GB 11643, in Chinese, or null when it passes.
     *
     * @param today the latest birth date accepted, as {@code yyyymmdd}
     */
    static String problem(long code, int today) {
        String id = decode(code);
        int birth = Integer.parseInt(id.substring(6, 14));
        int y = birth / 10000;
        int m = birth / 100 % 100;
        int d = birth % 100;
        if (!Values.isRealDate(y, m, d) || birth < 19000101 || birth > today) {
            return "第 7–14 位出生日期 " + id.substring(6, 14) + " 不是 1900-01-01 至今的真实日期";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        char expected = CHECKS[sum % 11];
        if (expected != id.charAt(17)) {
            return "校验位应为 " + expected + "，实为 " + id.charAt(17);
        }
        return null;
    }
}
