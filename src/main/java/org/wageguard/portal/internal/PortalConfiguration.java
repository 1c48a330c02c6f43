package org.wageguard.portal.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.messaging.TextMessages;
import org.wageguard.portal.CodeSender;

/**
 * The portal's one-time codes go through the messaging module's one SMS gateway ({@code wageguard.sms.gateway}):
 * the log only in the demo profile, the SMS platform over HTTP in production, and without either no code at all.
 */
@Configuration
class PortalConfiguration {

    @Bean
    CodeSender codeSender(TextMessages messages) {
        return new CodeSender() {
            @Override
            public void send(String phone, String code, long minutesValid) {
                messages.sendCode(phone, code, minutesValid);
            }

            @Override
            public boolean configured() {
                return messages.codesCanBeSent();
            }
        };
    }
}
