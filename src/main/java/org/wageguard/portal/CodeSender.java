package org.wageguard.portal;

/**
 * Sends a one-time code to a worker's phone. Production wires the city's SMS gateway as a bean of this type. Without
 * one, the demo profile's {@code ConsoleCodeSender} writes the message to the log; any other profile gets
 * {@code NoSmsGateway}, which sends nothing and logs nothing, and the portal says that codes cannot be sent.
 */
public interface CodeSender {

    void send(String phone, String message);

    /** Whether codes can reach a phone at all; when not, the portal refuses before any code is made. */
    default boolean configured() {
        return true;
    }
}
