package org.wageguard.portal.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.portal.CodeSender;

/** The one-time code sender: the console one unless the deployment provides its SMS gateway. */
@Configuration
class PortalConfiguration {

    @Bean
    @ConditionalOnMissingBean(CodeSender.class)
    ConsoleCodeSender consoleCodeSender() {
        return new ConsoleCodeSender();
    }
}
