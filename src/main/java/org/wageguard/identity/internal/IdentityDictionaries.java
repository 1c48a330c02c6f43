package org.wageguard.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Dictionaries.Dictionary;
import org.wageguard.identity.ModuleEntry;
import org.wageguard.identity.OperationLog;

/** The identity module's dictionaries and home-page entries. */
@Configuration(proxyBeanMethods = false)
class IdentityDictionaries {

    enum RegionLevel { PROVINCE, PREFECTURE, COUNTY, TOWN, VILLAGE }

    enum SectorLevel { SECTION, DIVISION }

    @Bean Dictionary dataScopeDictionary() { return new Dictionary(DataScopeType.class); }
    @Bean Dictionary departmentKindDictionary() { return new Dictionary(Departments.Kind.class); }
    @Bean Dictionary resultDictionary() { return new Dictionary(OperationLog.Result.class); }
    @Bean Dictionary regionLevelDictionary() { return new Dictionary(RegionLevel.class); }
    @Bean Dictionary sectorLevelDictionary() { return new Dictionary(SectorLevel.class); }

    @Bean ModuleEntry directoryEntry() {
        return new ModuleEntry(900, "nav.directory", "module.directory", "/directory", "identity:directory:view");
    }
    @Bean ModuleEntry usersEntry() {
        return new ModuleEntry(910, "nav.users", "module.users", "/admin/users", "identity:user:view");
    }
    @Bean ModuleEntry rolesEntry() {
        return new ModuleEntry(920, "nav.roles", "module.roles", "/admin/roles", "identity:role:view");
    }
    @Bean ModuleEntry departmentsEntry() {
        return new ModuleEntry(930, "nav.departments", "module.departments", "/admin/departments", "identity:dept:view");
    }
    @Bean ModuleEntry regionsEntry() {
        return new ModuleEntry(940, "nav.regions", "module.regions", "/admin/regions", "identity:code:view");
    }
    @Bean ModuleEntry auditEntry() {
        return new ModuleEntry(950, "nav.audit", "module.audit", "/audit/operations", "identity:audit:view");
    }
}
