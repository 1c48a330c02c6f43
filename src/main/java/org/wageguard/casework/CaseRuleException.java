package org.wageguard.casework;

import org.wageguard.shared.SharedMessages;

/**
 * A step the case's state or the officer's role does not allow; the message says why, in Chinese, from the
 * module's bundle ({@code messages/casework_zh_CN.properties}).
 */
public class CaseRuleException extends RuntimeException {

    static final String BUNDLE = "messages/casework";

    public CaseRuleException(String message) {
        super(message);
    }

    /** The refusal with its text from the bundle, formatted with the arguments. */
    public static CaseRuleException of(String key, Object... arguments) {
        return new CaseRuleException(SharedMessages.chinese(BUNDLE, key, arguments));
    }

    /** A text of the casework bundle, for the arguments of a refusal. */
    static String text(String key) {
        return SharedMessages.chinese(BUNDLE, key);
    }
}
