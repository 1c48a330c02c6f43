package org.wageguard.payroll.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

/** The payroll module's home-page entry: the bank reaches its upload through it (it has no roster menu). */
@Configuration(proxyBeanMethods = false)
class PayrollConfiguration {

    @Bean ModuleEntry payrollEntry() {
        return new ModuleEntry(210, "workforce.imports.title", "module.payroll", "/workforce/imports", "payroll:data:import");
    }
}
