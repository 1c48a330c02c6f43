package org.wageguard.portal.internal;

import org.wageguard.portal.CodeSender;

/**
 * The code sender a deployment without an SMS gateway has (messaging's {@code NoSmsGateway} behind the portal): no
 * code is ever made, sent or written anywhere. For the tests of the portal's answer to that deployment.
 */
public class NoSmsGateway implements CodeSender {

    @Override
    public void send(String phone, String code, long minutesValid) {
        throw new IllegalStateException("No SMS gateway is configured; refusing to send a code");
    }

    @Override
    public boolean configured() {
        return false;
    }
}
