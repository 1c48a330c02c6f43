package org.wageguard.inspection.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.inspection.Campaigns;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The campaign ledger (专项检查台账) as an Excel sheet: one row per campaign the list shows, with its departments and
 * the progress line of the list as figures.
 */
@Component
class CampaignLedger {

    private static final List<String> COLUMNS = List.of("inspection.campaignName", "inspection.kind",
            "inspection.from", "inspection.to", "inspection.lead", "inspection.members", "inspection.parent",
            "inspection.campaignLedger.targets", "inspection.campaignLedger.inspected",
            "inspection.campaignLedger.findings", "inspection.campaignLedger.orders",
            "inspection.campaignLedger.rectified", "inspection.campaignLedger.rate");

    private final MessageSource messages;

    CampaignLedger(MessageSource messages) {
        this.messages = messages;
    }

    byte[] toXlsx(List<Campaigns.CampaignRow> campaigns) {
        List<List<?>> rows = new ArrayList<>(campaigns.size());
        for (Campaigns.CampaignRow c : campaigns) {
            rows.add(Arrays.asList(c.name(), text("inspection.kind." + c.kind()), c.periodFrom(), c.periodTo(),
                    c.leadName(), c.memberNames(), c.parentName(), c.targets(), c.inspected(), c.findings(),
                    c.orders(), c.rectified(), c.rectifiedRate()));
        }
        return LedgerWorkbook.toXlsx(text("inspection.campaignLedger.file"), COLUMNS.stream().map(this::text).toList(),
                rows);
    }

    private static final List<String> INSPECTION_COLUMNS = List.of("inspection.projectInspections.date",
            "inspection.projectInspections.project", "inspection.projectInspections.campaign",
            "inspection.projectInspections.inspectors", "inspection.projectInspections.findings");

    /** The inspections of projects in a period, as the list /inspection/inspections shows them. */
    byte[] inspectionsToXlsx(List<Campaigns.ProjectInspection> inspections) {
        List<List<?>> rows = new ArrayList<>(inspections.size());
        for (Campaigns.ProjectInspection i : inspections) {
            rows.add(Arrays.asList(i.inspectedOn(), i.projectName(), i.campaignName(), i.inspectors(), i.findings()));
        }
        return LedgerWorkbook.toXlsx(text("inspection.projectInspections"),
                INSPECTION_COLUMNS.stream().map(this::text).toList(), rows);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
