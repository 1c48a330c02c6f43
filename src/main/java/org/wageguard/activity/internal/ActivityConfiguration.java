package org.wageguard.activity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

/** The activity module's home tile. */
@Configuration(proxyBeanMethods = false)
class ActivityConfiguration {

    @Bean ModuleEntry activitiesEntry() {
        return new ModuleEntry(60, "activity.nav", "module.activities", "/activities", "activity:activity:view");
    }
}
