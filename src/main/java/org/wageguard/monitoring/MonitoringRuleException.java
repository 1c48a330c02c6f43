package org.wageguard.monitoring;

import org.wageguard.shared.SharedMessages;

/** A step the alert lifecycle or the credit procedure does not allow now; the message is Chinese, from the bundle. */
public class MonitoringRuleException extends RuntimeException {

    public MonitoringRuleException(String message) {
        super(message);
    }

    public static MonitoringRuleException of(String key, Object... args) {
        return new MonitoringRuleException(SharedMessages.chinese("messages/monitoring", "monitoring.error." + key, args));
    }
}
