package org.wageguard.portal;

/**
 * Sends a one-time code to a worker's phone: through the one SMS gateway of the messaging module
 * ({@code messaging.TextMessages}, logged without the code) — the SMS platform over HTTP, the demo's log, or none, in
 * which case the portal says that codes cannot be sent.
 */
public interface CodeSender {

    void send(String phone, String code, long minutesValid);

    /** Whether codes can reach a phone at all; when not, the portal refuses before any code is made. */
    default boolean configured() {
        return true;
    }
}
