package org.wageguard.reporting.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

/** The reporting module's home tile. */
@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean ModuleEntry summaryEntry() {
        return new ModuleEntry(70, "summary.nav", "module.summary", "/reports/summary", "reporting:summary:view");
    }
}
