package org.wageguard.casework.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.wageguard.casework.ClueExchange;
import org.wageguard.casework.FileClueExchange;
import org.wageguard.casework.HttpClueExchange;

/**
 * Which {@link ClueExchange} reports to the national clue platform (docs/national-platform.md):
 * {@code wageguard.platform.exchange=file} (the default: a file to upload, optionally written to
 * {@code wageguard.platform.outbox}) or {@code http} (the province's API at {@code wageguard.platform.url}, with
 * {@code wageguard.platform.token} and {@code wageguard.platform.timeout}, 10 seconds by default).
 */
@Configuration(proxyBeanMethods = false)
class PlatformExchangeConfiguration {

    @Bean
    ClueExchange clueExchange(Environment env, Clock clock) {
        String kind = env.getProperty("wageguard.platform.exchange", "file").trim();
        if (kind.equalsIgnoreCase("http")) {
            String url = env.getProperty("wageguard.platform.url");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("wageguard.platform.exchange=http needs wageguard.platform.url");
            }
            return new HttpClueExchange(URI.create(url.trim()), env.getProperty("wageguard.platform.token"),
                    env.getProperty("wageguard.platform.timeout", Duration.class, Duration.ofSeconds(10)));
        }
        if (!kind.equalsIgnoreCase("file")) {
            throw new IllegalStateException("wageguard.platform.exchange must be file or http, not " + kind);
        }
        String outbox = env.getProperty("wageguard.platform.outbox");
        return new FileClueExchange(outbox == null || outbox.isBlank() ? null : Path.of(outbox.trim()), clock);
    }
}
