package org.wageguard.messaging.internal;

import org.wageguard.messaging.SmsGateway;

/**
 * A deployment that has not chosen its SMS platform ({@code wageguard.sms.gateway} unset outside the demo): nothing
 * is sent and no code is ever made; notices stay queued until a gateway is configured.
 */
public class NoSmsGateway implements SmsGateway {

    @Override
    public Answer send(Sms sms) {
        return Answer.refused("未配置短信平台（wageguard.sms.gateway）");
    }

    @Override
    public boolean configured() {
        return false;
    }
}
