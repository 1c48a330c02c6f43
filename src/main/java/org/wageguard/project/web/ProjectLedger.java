package org.wageguard.project.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.ProjectSummary;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The project ledger (在建工程项目台账) as an Excel sheet: one row per project of the list's filter, with its parties,
 * money and how many compliance items are in place. The wage officer's phone is not in it (the list does not show
 * it either).
 */
@Component
class ProjectLedger {

    private static final List<String> COLUMNS = List.of("project.code", "project.name", "project.region",
            "project.department", "project.owner", "project.contractor", "project.contractValue",
            "project.plannedLaborCost", "project.contractDate", "project.startDate", "project.plannedCompletion",
            "project.status", "project.ledger.compliance");

    private final MessageSource messages;

    ProjectLedger(MessageSource messages) {
        this.messages = messages;
    }

    byte[] toXlsx(List<ProjectSummary> projects, Map<Long, Map<ComplianceKind, ComplianceItems.Item>> matrix) {
        List<List<?>> rows = new ArrayList<>(projects.size());
        for (ProjectSummary p : projects) {
            MatrixController.MatrixRow items = MatrixController.MatrixRow.of(p, matrix.getOrDefault(p.id(), Map.of()));
            rows.add(Arrays.asList(p.code(), p.name(), p.regionName(), p.departmentName(), p.ownerName(),
                    p.generalContractorName(), p.contractValue(), p.plannedLaborCost(), p.contractDate(),
                    p.startDate(), p.plannedCompletion(), text("enum.ProjectStatus." + p.status()),
                    items.present() + "/" + items.applicable()));
        }
        return LedgerWorkbook.toXlsx(text("project.ledger.file"), COLUMNS.stream().map(this::text).toList(), rows);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
