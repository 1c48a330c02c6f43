package org.wageguard.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The login policy of 等保 2.0 level 3, configurable per deployment. */
@ConfigurationProperties("wageguard.security")
public record SecuritySettings(Password password, Lockout lockout, Audit audit, ApiToken apiToken) {

    /** A data API token is valid this long after issue unless configured otherwise. */
    static final Duration DEFAULT_TOKEN_VALIDITY = Duration.ofDays(365);

    public SecuritySettings {
        if (apiToken == null || apiToken.validity() == null) {
            apiToken = new ApiToken(DEFAULT_TOKEN_VALIDITY);
        }
    }

    public record Password(int minLength, int minClasses, int expiryDays) {
    }

    public record Lockout(int maxFailures, Duration duration) {
    }

    public record Audit(int retentionDays) {
    }

    /** How long a data API token is valid after issue ({@code wageguard.security.api-token.validity}, e.g. 365d). */
    public record ApiToken(Duration validity) {
    }
}
