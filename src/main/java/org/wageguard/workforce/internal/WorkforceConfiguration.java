package org.wageguard.workforce.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.Dictionaries.Dictionary;
import org.wageguard.identity.ModuleEntry;
import org.wageguard.workforce.ImportKind;

/** The workforce module's dictionary and home-page entry. */
@Configuration(proxyBeanMethods = false)
class WorkforceConfiguration {

    @Bean Dictionary importKindDictionary() { return new Dictionary(ImportKind.class); }

    @Bean ModuleEntry workforceEntry() {
        return new ModuleEntry(200, "nav.workforce", "module.workforce", "/workforce/imports", "workforce:roster:view");
    }
}
