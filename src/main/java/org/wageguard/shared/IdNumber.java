package org.wageguard.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** 公民身份号码 (GB 11643-1999), checked on construction. {@link #toString()} is masked so that logs never hold it. */
public final class IdNumber extends Identifier {

    public enum Gender {
        MALE, FEMALE
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        super(value);
        this.birthDate = birthDate;
    }

    public static IdNumber of(String value) {
        return of(value, LocalDate.now(CHINA));
    }

    /** With an explicit "today", for checks of data as of a past day and for tests at the date boundary. */
    public static IdNumber of(String value, LocalDate today) {
        String id = normalise(value == null ? "" : value);
        if (id.length() != 18) {
            throw new InvalidIdentifierException("identifier.idNumber.length", id.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                throw new InvalidIdentifierException("identifier.idNumber.characters", i + 1);
            }
        }
        char last = id.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            throw new InvalidIdentifierException("identifier.idNumber.characters", 18);
        }
        LocalDate birthDate = birthDate(id.substring(6, 14), today);
        char expected = checkCharacter(id);
        if (expected != last) {
            throw new InvalidIdentifierException("identifier.idNumber.checksum", String.valueOf(expected),
                    String.valueOf(last));
        }
        return new IdNumber(id, birthDate);
    }

    /** For values from files: never rejects, keeps a failing value unverified (FORMATS.md). */
    public static Checked<IdNumber> parseLenient(String raw) {
        return Checked.parse(raw, IdNumber::normalise, IdNumber::of, Masking::idNumber);
    }

    /** Trimmed, and the check character {@code x} counted as {@code X} everywhere (FORMATS.md). */
    static String normalise(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT);
    }

    private static LocalDate birthDate(String digits, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(digits, BIRTH_DATE);
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException("identifier.idNumber.birthDate", digits);
        }
        if (date.isBefore(EARLIEST_BIRTH) || date.isAfter(today)) {
            throw new InvalidIdentifierException("identifier.idNumber.birthDate", digits);
        }
        return date;
    }

    private static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** 430981********1234. */
    @Override
    public String masked() {
        return Masking.idNumber(value());
    }

    /** The region of first registration; it may be a code that has since been abolished. */
    public RegionCode regionCode() {
        return RegionCode.of(value().substring(0, 6));
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Completed years on the given day, e.g. to flag workers under 16. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The sequence digit (17th) is odd for men, even for women. */
    public Gender gender() {
        return (value().charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }
}
