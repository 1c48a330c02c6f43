package org.wageguard.portal.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wageguard.portal.CodeSender;
import org.wageguard.shared.Masking;

/**
 * The demo's SMS gateway: the message goes to the log (with the phone masked), and the last message to each phone is
 * kept in memory so that a demo operator — and the tests — can read it. Replaced by any other {@link CodeSender} bean.
 */
public class ConsoleCodeSender implements CodeSender {

    private static final Logger log = LoggerFactory.getLogger(ConsoleCodeSender.class);

    private final Map<String, String> outbox = new ConcurrentHashMap<>();

    @Override
    public void send(String phone, String message) {
        outbox.put(phone, message);
        log.info("短信（演示，未真实发送）至 {}：{}", Masking.mobile(phone), message);
    }

    public Optional<String> lastSentTo(String phone) {
        return Optional.ofNullable(outbox.get(phone));
    }
}
