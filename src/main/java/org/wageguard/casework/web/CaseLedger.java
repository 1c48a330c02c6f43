package org.wageguard.casework.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseQueries;
import org.wageguard.shared.imports.LedgerWorkbook;

/** The case ledger (案件台账) as an Excel sheet: one row per case, Chinese column names and values. */
@Component
class CaseLedger {

    private static final List<String> COLUMNS = List.of("case.number", "case.channel", "case.kind", "case.status",
            "case.employer", "case.project", "case.department", "case.sector", "case.workers", "case.claimed",
            "case.recovered", "case.paidOut", "case.registeredOn", "case.acceptDue", "case.handlingDue",
            "case.overdue", "case.group", "case.spring", "case.malicious", "case.outcome", "case.linked");

    private final MessageSource messages;

    CaseLedger(MessageSource messages) {
        this.messages = messages;
    }

    byte[] toXlsx(List<CaseQueries.CaseRow> cases) {
        return toXlsx("case.ledger.file", cases);
    }

    /** The same columns under another sheet name: my work (我的待办) exports as the case ledger of its cases. */
    byte[] toXlsx(String sheetKey, List<CaseQueries.CaseRow> cases) {
        List<List<?>> rows = new ArrayList<>(cases.size());
        for (CaseQueries.CaseRow c : cases) {
            rows.add(Arrays.asList(c.number(), text("enum.Channel." + c.channel()), text("enum.CaseKind." + c.kind()),
                    text("enum.CaseStatus." + c.status()), c.employerName(), c.projectName(), c.departmentName(),
                    c.industryCode(), c.workers(), c.amountClaimed(), c.amountRecovered(), c.amountPaidOut(),
                    c.registeredOn(), c.acceptDue(), c.handlingDue(), yes(c.overdue()), yes(c.groupCase()),
                    yes(c.springFestival()), yes(c.malicious()),
                    c.outcome() == null ? null : text("enum.Outcome." + c.outcome()), yes(c.linkedCaseId() != null)));
        }
        return LedgerWorkbook.toXlsx(text(sheetKey), COLUMNS.stream().map(this::text).toList(), rows);
    }

    private String yes(boolean flag) {
        return flag ? text("common.yes") : null;
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
