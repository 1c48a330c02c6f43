package org.wageguard.messaging.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wageguard.messaging.SmsGateway;
import org.wageguard.shared.Masking;

/**
 * The demo's SMS gateway ({@code wageguard.sms.gateway=console}, set only by the demo profile): the text goes to the
 * log with the phone masked, and the last text to each phone is kept in memory so that a demo operator — and the
 * tests — can read a one-time code. Never outside the demo: a code in a log file opens a worker's records.
 */
public class ConsoleSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSmsGateway.class);

    private final Map<String, String> outbox = new ConcurrentHashMap<>();

    @Override
    public Answer send(Sms sms) {
        outbox.put(sms.phone(), sms.text());
        log.info("短信（演示，未真实发送）至 {}：{}", Masking.mobile(sms.phone()), sms.text());
        return Answer.accepted("演示：已写入日志，未真实发送");
    }

    public Optional<String> lastSentTo(String phone) {
        return Optional.ofNullable(outbox.get(phone));
    }
}
