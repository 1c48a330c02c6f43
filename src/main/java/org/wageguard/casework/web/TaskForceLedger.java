package org.wageguard.casework.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.casework.TaskForces;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The task force ledger (工作专班台账) as an Excel sheet: one row per task force, with what it handled. Members' phones
 * are not in it (the list does not show them either).
 */
@Component
class TaskForceLedger {

    private static final List<String> COLUMNS = List.of("taskforce.name", "taskforce.lead",
            "taskforce.ledger.periodFrom", "taskforce.ledger.periodTo", "taskforce.ledger.receptionFrom",
            "taskforce.ledger.receptionTo", "taskforce.ledger.cases", "taskforce.ledger.workers",
            "taskforce.ledger.claimed", "taskforce.ledger.recovered", "taskforce.ledger.paidOut",
            "taskforce.ledger.finished", "taskforce.duties");

    private final MessageSource messages;

    TaskForceLedger(MessageSource messages) {
        this.messages = messages;
    }

    byte[] toXlsx(List<TaskForces.TaskForce> taskForces, LongFunction<TaskForces.Handled> handled) {
        List<List<?>> rows = new ArrayList<>(taskForces.size());
        for (TaskForces.TaskForce t : taskForces) {
            TaskForces.Handled h = handled.apply(t.id());
            rows.add(Arrays.asList(t.name(), t.leadDepartmentName(), t.periodFrom(), t.periodTo(), t.receptionFrom(),
                    t.receptionTo(), h.cases(), h.workers(), h.claimed(), h.recovered(), h.paidOut(), h.finished(),
                    t.duties()));
        }
        return LedgerWorkbook.toXlsx(text("taskforce.ledger.file"), COLUMNS.stream().map(this::text).toList(), rows);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
