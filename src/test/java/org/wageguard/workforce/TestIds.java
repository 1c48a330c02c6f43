package org.wageguard.workforce;

/** Valid ID numbers for tests: the GB 11643 check character computed, not hard-coded. */
public final class TestIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private TestIds() {
    }

    /** @param first17 region (6), birth date (8) and sequence (3) */
    public static String valid(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String invalid(String first17) {
        String valid = valid(first17);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return first17 + wrong;
    }
}
