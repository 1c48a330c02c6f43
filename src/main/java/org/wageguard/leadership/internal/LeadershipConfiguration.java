package org.wageguard.leadership.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

/** The leadership module's home tile. */
@Configuration(proxyBeanMethods = false)
class LeadershipConfiguration {

    @Bean ModuleEntry leadershipEntry() {
        return new ModuleEntry(58, "leadership.nav", "module.leadership", "/leadership", "leadership:group:view");
    }
}
