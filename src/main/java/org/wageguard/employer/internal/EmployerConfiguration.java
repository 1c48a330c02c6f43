package org.wageguard.employer.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.identity.Dictionaries.Dictionary;
import org.wageguard.identity.ModuleEntry;

/** The employer module's dictionaries and its home-page entry. */
@Configuration(proxyBeanMethods = false)
class EmployerConfiguration {

    @Bean Dictionary employerTypeDictionary() { return new Dictionary(EmployerType.class); }
    @Bean Dictionary operatingStatusDictionary() { return new Dictionary(OperatingStatus.class); }
    @Bean Dictionary creditListKindDictionary() { return new Dictionary(CreditListKind.class); }

    @Bean ModuleEntry employersEntry() {
        return new ModuleEntry(100, "nav.employers", "module.employers", "/employers", "employer:employer:view");
    }

    @Bean ModuleEntry gridEntry() {
        return new ModuleEntry(105, "grid.nav", "module.grid", "/grid", "employer:grid:view");
    }
}
