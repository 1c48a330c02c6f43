package org.wageguard.payroll.reconciliation;

/** Valid GB 11643 ID numbers for tests, computed here rather than by the engine's own code. */
final class TestIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    private TestIds() {
    }

    /** The 18-character ID with the right check character for the 17 given digits. */
    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECKS.charAt(sum % 11);
    }

    /** A valid ID, distinct for each {@code n} below 1000 × 3650. */
    static String id(int n) {
        int day = n / 1000;
        java.time.LocalDate birth = java.time.LocalDate.of(1970, 1, 1).plusDays(day);
        return withCheck(String.format("430981%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), n % 1000));
    }

    /** A valid ID whose check character is X. */
    static String idEndingInX() {
        for (int n = 0; ; n++) {
            String id = id(n);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    /** The same 17 digits with a wrong check character. */
    static String withWrongCheck(String valid) {
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
