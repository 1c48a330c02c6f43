package org.wageguard.project.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.Dictionaries.Dictionary;
import org.wageguard.identity.ModuleEntry;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.ComplianceStatus;
import org.wageguard.project.GuaranteeForm;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.WageDeposits;

/** The project module's dictionaries and home-page entries. */
@Configuration(proxyBeanMethods = false)
class ProjectModuleConfiguration {

    @Bean Dictionary projectStatusDictionary() { return new Dictionary(ProjectStatus.class); }
    @Bean Dictionary complianceKindDictionary() { return new Dictionary(ComplianceKind.class); }
    @Bean Dictionary complianceStatusDictionary() { return new Dictionary(ComplianceStatus.class); }
    @Bean Dictionary guaranteeFormDictionary() { return new Dictionary(GuaranteeForm.class); }
    @Bean Dictionary movementKindDictionary() { return new Dictionary(WageDeposits.MovementKind.class); }

    @Bean ModuleEntry projectsEntry() {
        return new ModuleEntry(100, "nav.projects", "module.projects", "/projects", "project:project:view");
    }

    @Bean ModuleEntry complianceEntry() {
        return new ModuleEntry(110, "nav.compliance", "module.compliance", "/compliance", "project:project:view");
    }
}
