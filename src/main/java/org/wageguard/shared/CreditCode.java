package org.wageguard.shared;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015), checked on construction. The code is public (it is printed on the business
 * licence and published in the credit register), so {@link #masked()} shows it whole.
 */
public final class CreditCode extends Identifier {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};


    private CreditCode(String value) {
        super(value);
    }

    public static CreditCode of(String value) {
        String code = normalise(value == null ? "" : value);
        if (code.length() != 18) {
            throw new InvalidIdentifierException("identifier.creditCode.length", code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new InvalidIdentifierException("identifier.creditCode.characters", i + 1,
                        String.valueOf(code.charAt(i)));
            }
        }
        // Positions 3-8 are the registering authority's GB/T 2260 code; letters there pass the checksum but no
        // authority issues such a code.
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                throw new InvalidIdentifierException("identifier.creditCode.region", i + 1);
            }
        }
        char expected = checkCharacter(code);
        if (expected != code.charAt(17)) {
            throw new InvalidIdentifierException("identifier.creditCode.checksum", String.valueOf(expected),
                    String.valueOf(code.charAt(17)));
        }
        return new CreditCode(code);
    }

    /** For values from files: never rejects, keeps a failing value unverified. */
    public static Checked<CreditCode> parseLenient(String raw) {
        return Checked.parse(raw, CreditCode::normalise, CreditCode::of, s -> s);
    }

    static String normalise(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT);
    }

    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    @Override
    public String masked() {
        return value();
    }

    /** The registering authority's region (positions 3-8). */
    public RegionCode regionCode() {
        return RegionCode.of(value().substring(2, 8));
    }
}
