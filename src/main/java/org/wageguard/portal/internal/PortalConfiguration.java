package org.wageguard.portal.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.wageguard.portal.CodeSender;

/**
 * The one-time code sender unless the deployment provides its SMS gateway: the console one (codes in the log) only in
 * the demo profile, and elsewhere none at all, so that a real deployment never logs a worker's wage code.
 */
@Configuration
class PortalConfiguration {

    @Bean
    @Profile("demo")
    @ConditionalOnMissingBean(CodeSender.class)
    ConsoleCodeSender consoleCodeSender() {
        return new ConsoleCodeSender();
    }

    @Bean
    @Profile("!demo")
    @ConditionalOnMissingBean(CodeSender.class)
    NoSmsGateway noSmsGateway() {
        return new NoSmsGateway();
    }
}
