package org.wageguard.shared;

/**
 * The one place that decides how much of a personal number may be shown (DOMAIN.md §7). Works on plain strings
 * too, because values kept unverified from files and values just decrypted have no type yet; anything too
 * short to keep its ends hidden is masked whole.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 430981********1234}: region and last four, never the birth date. */
    public static String idNumber(String value) {
        return value == null ? null : keepEnds(value.strip(), 6, 4, "*".repeat(8));
    }

    /** {@code 6222 **** **** 1234}, whatever the card's length. */
    public static String bankCard(String value) {
        return value == null ? null : keepEnds(value.replaceAll("\\s", ""), 4, 4, " **** **** ");
    }

    /** {@code 138****5678}. */
    public static String mobile(String value) {
        return value == null ? null : keepEnds(value.strip(), 3, 4, "****");
    }

    private static String keepEnds(String value, int head, int tail, String middle) {
        // An 18-character ID shows exactly 6 + 4; a malformed value must not show more than that.
        if (value.length() < head + tail + 4) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + middle + value.substring(value.length() - tail);
    }
}
