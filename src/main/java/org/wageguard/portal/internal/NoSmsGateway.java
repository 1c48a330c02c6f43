package org.wageguard.portal.internal;

import org.wageguard.portal.CodeSender;

/**
 * A deployment outside the demo profile without an SMS gateway: no code is ever made, sent or written anywhere (a
 * wage code in a log file would open the worker's records to whoever reads the log). The portal's wage page says
 * that codes cannot be sent here.
 */
public class NoSmsGateway implements CodeSender {

    @Override
    public void send(String phone, String message) {
        throw new IllegalStateException("No SMS gateway is configured; refusing to send a code");
    }

    @Override
    public boolean configured() {
        return false;
    }
}
