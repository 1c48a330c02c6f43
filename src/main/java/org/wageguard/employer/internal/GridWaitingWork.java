package org.wageguard.employer.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.WaitingWork;

/** A grid worker's home page: the employers of the grid whose six-monthly refresh (核实) is overdue. */
@Component
class GridWaitingWork implements WaitingWork {

    private final EmployerRefresh refresh;
    private final MessageSource messages;

    GridWaitingWork(EmployerRefresh refresh, MessageSource messages) {
        this.refresh = refresh;
        this.messages = messages;
    }

    @Override
    public List<Item> waitingFor(OfficerPrincipal me) {
        if (!me.hasPermission("employer:grid:refresh")) {
            return List.of();
        }
        long overdue = refresh.list(me.scope(), null, true).size();
        return List.of(new Item(20, messages.getMessage("home.waiting.refresh", null, Locale.SIMPLIFIED_CHINESE),
                overdue, "/grid", overdue > 0));
    }
}
