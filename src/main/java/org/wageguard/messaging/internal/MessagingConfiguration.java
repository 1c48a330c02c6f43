package org.wageguard.messaging.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.wageguard.messaging.SmsGateway;

/**
 * The one {@link SmsGateway}, chosen by {@code wageguard.sms.gateway}: {@code http} anywhere; {@code console} only in
 * the demo profile (elsewhere refused at start, so that a real deployment never writes codes to its log); otherwise
 * none, and the portal says that codes cannot be sent.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    SmsGateway smsGateway(SmsProperties properties, Environment environment) {
        return switch (properties.getGateway()) {
            case HTTP -> new HttpSmsGateway(properties);
            case CONSOLE -> {
                if (!environment.acceptsProfiles(Profiles.of("demo"))) {
                    throw new IllegalStateException(
                            "wageguard.sms.gateway=console is for the demo profile only; set http (docs/sms.md)");
                }
                yield new ConsoleSmsGateway();
            }
            case NONE -> new NoSmsGateway();
        };
    }
}
