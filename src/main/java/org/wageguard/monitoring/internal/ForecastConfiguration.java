package org.wageguard.monitoring.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

/** The festival exposure forecast's home tile (the leadership office and the labor inspectors). */
@Configuration(proxyBeanMethods = false)
class ForecastConfiguration {

    @Bean ModuleEntry forecastEntry() {
        return new ModuleEntry(62, "monitoring.forecast.title", "module.forecast", "/monitoring/forecast",
                "monitoring:forecast:view");
    }
}
