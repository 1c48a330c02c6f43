package org.wageguard.portal;

/**
 * Sends a one-time code to a worker's phone. Production wires the city's SMS gateway as a bean of this type; without
 * one, the demo's {@code ConsoleCodeSender} writes the message to the log.
 */
public interface CodeSender {

    void send(String phone, String message);
}
