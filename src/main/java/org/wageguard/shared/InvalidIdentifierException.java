package org.wageguard.shared;

import java.util.Arrays;
import java.util.List;

/**
 * A value failed one of its checks. It carries a message key of the {@code messages/shared} bundle and the
 * arguments instead of a text, so that web forms, import problem reports and the command line word it alike.
 * The arguments never hold the whole rejected value: this exception ends up in logs.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    /** Which check failed; the last segment of the message key. */
    public enum Check {
        LENGTH("length"), CHARACTERS("characters"), BIRTH_DATE("birthDate"), REGION("region"),
        CHECKSUM("checksum"), FORMAT("format"), SCALE("scale"), NEGATIVE("negative"), RANGE("range");

        private final String keySegment;

        Check(String keySegment) {
            this.keySegment = keySegment;
        }

        static Check ofKey(String messageKey) {
            String last = messageKey.substring(messageKey.lastIndexOf('.') + 1);
            for (Check check : values()) {
                if (check.keySegment.equals(last)) {
                    return check;
                }
            }
            throw new IllegalArgumentException("message key names no known check: " + messageKey);
        }
    }

    private final String messageKey;
    private final Object[] arguments;
    private final Check check;

    public InvalidIdentifierException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
        this.check = Check.ofKey(messageKey);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<Object> argumentList() {
        return List.of(arguments);
    }

    public Check check() {
        return check;
    }

    /** The key of the field's Chinese name, e.g. {@code field.idNumber} for {@code identifier.idNumber.checksum}. */
    public String fieldKey() {
        String[] segments = messageKey.split("\\.");
        return "field." + (segments[0].equals("identifier") ? segments[1] : segments[0]);
    }

    /** The message in Chinese, for callers without a Spring {@code MessageSource} (command line, import reports). */
    public String chineseMessage() {
        return SharedMessages.chinese(messageKey, arguments);
    }

    /** The field's Chinese name, e.g. 身份证号. */
    public String chineseFieldName() {
        return SharedMessages.chinese(fieldKey());
    }
}
