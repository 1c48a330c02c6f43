package org.wageguard.monitoring.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.WaitingWork;
import org.wageguard.monitoring.Alerts;

/** The alerts waiting for an officer on the home page: unresolved in their scope, and of those past their deadline. */
@Component
class AlertWaitingWork implements WaitingWork {

    private final Alerts alerts;
    private final MessageSource messages;

    AlertWaitingWork(Alerts alerts, MessageSource messages) {
        this.alerts = alerts;
        this.messages = messages;
    }

    @Override
    public List<Item> waitingFor(OfficerPrincipal me) {
        if (!me.hasPermission("monitoring:alert:view")) {
            return List.of();
        }
        List<Alerts.Alert> open = alerts.unresolved(me.scope());
        LocalDate today = LocalDate.now();
        long overdue = open.stream().filter(a -> a.overdue(today)).count();
        return List.of(
                new Item(30, text("home.waiting.alerts"), open.size(), "/monitoring/alerts", false),
                new Item(31, text("home.waiting.alertsOverdue"), overdue, "/monitoring/alerts", overdue > 0));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
