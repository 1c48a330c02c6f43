package org.wageguard.casework.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.casework.StationMatters;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.WaitingWork;

/**
 * The stations' matters on the home page: for a station officer, the clues still at the station and those overdue
 * (past the mediation period, or handed up and not acknowledged in time); for the bureau, the handovers waiting to be
 * acknowledged and those past their deadline — red on both sides.
 */
@Component
class StationWaitingWork implements WaitingWork {

    private final StationMatters stations;
    private final MessageSource messages;

    StationWaitingWork(StationMatters stations, MessageSource messages) {
        this.stations = stations;
        this.messages = messages;
    }

    @Override
    public List<Item> waitingFor(OfficerPrincipal me) {
        List<Item> items = new ArrayList<>();
        if (me.hasPermission("casework:station:handle")) {
            List<StationMatters.Matter> queue = stations.queue(me.scope());
            long open = queue.stream().filter(StationMatters.Matter::atStation).count();
            long overdue = queue.stream().filter(StationMatters.Matter::overdue).count();
            items.add(new Item(20, text("station.home.queue"), open, "/station", false));
            items.add(new Item(21, text("station.home.overdue"), overdue, "/station", overdue > 0));
        }
        if (me.hasPermission("casework:station:acknowledge")) {
            List<StationMatters.Matter> waiting = stations.handovers(me.scope()).stream()
                    .filter(m -> !m.acknowledged()).toList();
            long overdue = waiting.stream().filter(StationMatters.Matter::overdue).count();
            items.add(new Item(22, text("station.home.handovers"), waiting.size(), "/stations/handovers", false));
            items.add(new Item(23, text("station.home.handoversOverdue"), overdue, "/stations/handovers", overdue > 0));
        }
        return items;
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
