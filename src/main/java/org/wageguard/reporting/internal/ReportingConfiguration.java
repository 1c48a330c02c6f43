package org.wageguard.reporting.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

/** The reporting module's home tile. */
@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean ModuleEntry dashboardEntry() {
        return new ModuleEntry(65, "dashboard.nav", "module.dashboard", "/reports/dashboard", "reporting:summary:view");
    }

    @Bean ModuleEntry summaryEntry() {
        return new ModuleEntry(70, "summary.nav", "module.summary", "/reports/summary", "reporting:summary:view");
    }

    @Bean ModuleEntry assessmentEntry() {
        return new ModuleEntry(72, "assessment.nav", "module.assessment", "/reports/assessment", "reporting:assessment:view");
    }
}
