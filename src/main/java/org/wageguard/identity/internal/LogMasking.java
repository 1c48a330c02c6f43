package org.wageguard.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like an ID number, bank card or mobile number in text bound for a log, as a last
 * line of defence: callers should not put such numbers there in the first place.
 */
public final class LogMasking {

    // 18-character IDs (17 digits + digit/X), cards of 16-19 digits (optionally grouped by spaces), mobiles.
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(\\d{4})(?:[ ]?\\d){8,11}(\\d{4})(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private LogMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(ID, text, "********");
        masked = replace(CARD, masked, " **** **** ");
        return replace(MOBILE, masked, "****");
    }

    private static String replace(Pattern pattern, String text, String middle) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + middle + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
