package org.wageguard.shared;

import java.util.regex.Pattern;

/** A mainland mobile number, 11 digits {@code 1[3-9]xxxxxxxxx}. */
public final class MobilePhone extends Identifier {

    private static final Pattern FORMAT = Pattern.compile("1[3-9][0-9]{9}");


    private MobilePhone(String value) {
        super(value);
    }

    public static MobilePhone of(String value) {
        String phone = normalise(value == null ? "" : value);
        if (!FORMAT.matcher(phone).matches()) {
            throw new InvalidIdentifierException("identifier.mobile.format");
        }
        return new MobilePhone(phone);
    }

    /** For values from files: never rejects, keeps a failing value unverified. */
    public static Checked<MobilePhone> parseLenient(String raw) {
        return Checked.parse(raw, MobilePhone::normalise, MobilePhone::of, Masking::mobile);
    }

    /** People write {@code 138 0000 5678}, {@code 138-0000-5678} or {@code +86 138…}; all are the same number. */
    static String normalise(String raw) {
        String phone = raw.replaceAll("[\\s-]", "");
        return phone.startsWith("+86") ? phone.substring(3) : phone;
    }

    /** 138****5678. */
    @Override
    public String masked() {
        return Masking.mobile(value());
    }
}
