package org.wageguard.identity.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.WaitingWork;

/** The unread notices (督办 and others) of the officer's department, on the home page. */
@Component
class NoticeWaitingWork implements WaitingWork {

    private final Notifications notifications;
    private final MessageSource messages;

    NoticeWaitingWork(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @Override
    public List<Item> waitingFor(OfficerPrincipal me) {
        if (me.departmentId() == null) {
            return List.of();
        }
        long unread = notifications.unread(me.departmentId());
        return List.of(new Item(40, messages.getMessage("home.waiting.notices", null, Locale.SIMPLIFIED_CHINESE),
                unread, "/notifications", unread > 0));
    }
}
