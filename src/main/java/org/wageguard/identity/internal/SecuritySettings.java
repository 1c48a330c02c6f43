package org.wageguard.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The login policy of 等保 2.0 level 3, configurable per deployment. */
@ConfigurationProperties("wageguard.security")
public record SecuritySettings(Password password, Lockout lockout, Audit audit) {

    public record Password(int minLength, int minClasses, int expiryDays) {
    }

    public record Lockout(int maxFailures, Duration duration) {
    }

    public record Audit(int retentionDays) {
    }
}
