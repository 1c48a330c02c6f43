package org.wageguard.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseQueries;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.WaitingWork;

/**
 * The cases waiting for an officer on the home page: the next step is theirs (my work), of which overdue and due within
 * five days, and the assignments (交办) to their department still to be answered.
 */
@Component
class CaseWaitingWork implements WaitingWork {

    static final int SOON_DAYS = 5;

    private final CaseQueries queries;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    CaseWaitingWork(CaseQueries queries, JdbcClient jdbc, MessageSource messages) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Item> waitingFor(OfficerPrincipal me) {
        if (!me.hasPermission("casework:case:view")) {
            return List.of();
        }
        List<CaseQueries.CaseRow> mine = queries.myWork(me.scope(), me.permissions(), me.departmentId());
        LocalDate soon = LocalDate.now().plusDays(SOON_DAYS);
        long overdue = mine.stream().filter(CaseQueries.CaseRow::overdue).count();
        long dueSoon = mine.stream().filter(r -> !r.overdue() && due(r) != null && !due(r).isAfter(soon)).count();
        List<Item> items = new ArrayList<>();
        items.add(new Item(10, text("home.waiting.myCases"), mine.size(), "/cases/mine", false));
        items.add(new Item(11, text("home.waiting.overdue"), overdue, "/cases/mine", overdue > 0));
        items.add(new Item(12, text("home.waiting.dueSoon", SOON_DAYS), dueSoon, "/cases/mine", dueSoon > 0));
        if (me.departmentId() != null && me.hasPermission("casework:case:answer")) {
            long assigned = jdbc.sql("""
                    SELECT count(*) FROM case_assignment WHERE department_id = :d AND status IN ('OPEN','REWORK')
                    """).param("d", me.departmentId()).query(Long.class).single();
            items.add(new Item(13, text("home.waiting.assignments"), assigned, "/cases/mine", assigned > 0));
        }
        return items;
    }

    private static LocalDate due(CaseQueries.CaseRow r) {
        return "REGISTERED".equals(r.status()) ? r.acceptDue() : r.handlingDue();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
