package org.wageguard.shared;

/**
 * A bank card number: 16-19 digits. Some UnionPay debit cards fail the Luhn check, so a Luhn failure is a warning
 * ({@link #luhnValid()}, text under {@link #LUHN_WARNING_KEY}), never a rejection (DOMAIN.md §7).
 */
public final class BankCard extends Identifier {

    public static final String LUHN_WARNING_KEY = "identifier.bankCard.luhn";


    private BankCard(String value) {
        super(value);
    }

    /** Spaces are removed: cards are printed and typed in groups of four. */
    public static BankCard of(String value) {
        String card = normalise(value == null ? "" : value);
        if (!card.matches("[0-9]{16,19}")) {
            throw new InvalidIdentifierException("identifier.bankCard.format", card.length());
        }
        return new BankCard(card);
    }

    /** For values from files: never rejects, keeps a failing value unverified. */
    public static Checked<BankCard> parseLenient(String raw) {
        return Checked.parse(raw, BankCard::normalise, BankCard::of, Masking::bankCard);
    }

    static String normalise(String raw) {
        return raw.replaceAll("\\s", "");
    }

    public boolean luhnValid() {
        int sum = 0;
        for (int i = 0; i < value().length(); i++) {
            int digit = value().charAt(value().length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** The number with its Luhn check digit appended (for demo data and examples): digits without the last one. */
    public static String withCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** 6222 **** **** 1234. */
    @Override
    public String masked() {
        return Masking.bankCard(value());
    }
}
