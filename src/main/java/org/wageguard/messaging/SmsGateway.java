package org.wageguard.messaging;

import java.util.Map;

/**
 * The one way out to phones. {@code wageguard.sms.gateway} chooses the implementation: {@code http} (the government
 * SMS platform or a cloud SMS service, docs/sms.md), {@code console} (the demo: the text goes to the log) or
 * {@code none} (nothing can be sent; the portal says that codes cannot be sent).
 */
public interface SmsGateway {

    /**
     * One message: the phone, its kind, the platform's template id for that kind, the template's named parameters in
     * their order, and the rendered text (for gateways that take the text itself, and for the log).
     */
    record Sms(String phone, MessageKind kind, String templateId, Map<String, String> params, String text) {
    }

    /** What the gateway answered: accepted or not, and its own words (kept in the message log). */
    record Answer(boolean accepted, String detail) {

        public static Answer accepted(String detail) {
            return new Answer(true, detail);
        }

        public static Answer refused(String detail) {
            return new Answer(false, detail);
        }
    }

    /** Never throws for a refusal or an unreachable platform: that is an answer not accepted. */
    Answer send(Sms sms);

    /** Whether anything can be sent at all. */
    default boolean configured() {
        return true;
    }
}
