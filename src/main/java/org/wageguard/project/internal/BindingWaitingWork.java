package org.wageguard.project.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.WaitingWork;
import org.wageguard.project.SpecialAccounts;

/**
 * A bank's home page (and an industry officer's): the special-account binding proposals waiting for its confirmation,
 * without which the bank cannot send the project's disbursements.
 */
@Component
class BindingWaitingWork implements WaitingWork {

    private final SpecialAccounts specialAccounts;
    private final MessageSource messages;

    BindingWaitingWork(SpecialAccounts specialAccounts, MessageSource messages) {
        this.specialAccounts = specialAccounts;
        this.messages = messages;
    }

    @Override
    public List<Item> waitingFor(OfficerPrincipal me) {
        boolean bank = me.hasPermission("project:account:confirm");
        if (!bank && !me.hasPermission("project:account:bind")) {
            return List.of();
        }
        long waiting = specialAccounts.awaitingDecision(me);
        return List.of(new Item(40, messages.getMessage("home.waiting.bindings", null, Locale.SIMPLIFIED_CHINESE), waiting,
                bank ? "/bank/accounts" : "/projects", false));
    }
}
