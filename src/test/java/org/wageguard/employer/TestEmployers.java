package org.wageguard.employer;

import java.util.concurrent.ThreadLocalRandom;

import org.wageguard.shared.CreditCode;
import org.wageguard.shared.InvalidIdentifierException;

/** Valid credit codes for test employers, unique within the shared test database. */
public final class TestEmployers {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestEmployers() {
    }

    /** A fresh code of 沅江市 with a valid check character, found by asking {@link CreditCode} itself. */
    public static String newCreditCode() {
        String first17 = "91430981MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (char c : ALPHABET.toCharArray()) {
            try {
                return CreditCode.of(first17 + c).value();
            } catch (InvalidIdentifierException e) {
                // not this one
            }
        }
        throw new IllegalStateException("no check character for " + first17);
    }

    /** The same code with a wrong check character. */
    static String withWrongCheck(String code) {
        char last = code.charAt(17);
        return code.substring(0, 17) + (last == '0' ? '1' : '0');
    }
}
