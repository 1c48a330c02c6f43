package org.wageguard.inspection.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

/** The inspection module's home-page entry. */
@Configuration(proxyBeanMethods = false)
class InspectionConfiguration {

    @Bean ModuleEntry campaignsEntry() {
        return new ModuleEntry(59, "nav.campaigns", "module.campaigns", "/inspection/campaigns", "inspection:campaign:view");
    }

    @Bean ModuleEntry templatesEntry() {
        return new ModuleEntry(61, "inspection.templates", "module.templates", "/inspection/templates", "inspection:template:edit");
    }

    @Bean ModuleEntry rectificationsEntry() {
        return new ModuleEntry(60, "nav.rectifications", "module.rectifications", "/inspection/rectifications",
                "inspection:campaign:view");
    }
}
