package org.wageguard.inspection.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.inspection.InspectionRuleException;
import org.wageguard.inspection.Inspections;

/** The rectification list (overdue first) and the second look (回头看) on an order. */
@Controller
class RectificationController {

    private final Inspections inspections;
    private final org.wageguard.inspection.Campaigns campaigns;
    private final MessageSource messages;

    RectificationController(Inspections inspections, org.wageguard.inspection.Campaigns campaigns, MessageSource messages) {
        this.inspections = inspections;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @GetMapping("/inspection/rectifications")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    String list(Model model) {
        var me = org.wageguard.identity.CurrentOfficer.get();
        model.addAttribute("orders", inspections.rectifications(campaigns.viewer(me), me.scope()));
        return "inspection/rectifications";
    }

    /** The rectification list as the 台账 (Excel), within the same scope, overdue first. */
    @GetMapping("/inspection/rectifications.xlsx")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    org.springframework.http.ResponseEntity<byte[]> ledger() {
        var me = org.wageguard.identity.CurrentOfficer.get();
        java.util.List<java.util.List<?>> rows = new java.util.ArrayList<>();
        for (Inspections.OrderRow o : inspections.rectifications(campaigns.viewer(me), me.scope())) {
            rows.add(java.util.List.of(o.number(), o.targetName() == null ? "" : o.targetName(), o.findingDescription(),
                    o.responsibleParty(), o.issuedOn(), o.deadline(),
                    o.overdue() ? message("inspection.overdue") : message("inspection.status." + o.status())));
        }
        java.util.List<String> headers = java.util.stream.Stream.of("inspection.ledger.number", "inspection.ledger.target",
                "inspection.ledger.finding", "inspection.responsible", "inspection.ledger.issuedOn", "inspection.deadline",
                "inspection.ledger.status").map(this::message).toList();
        return org.wageguard.identity.Downloads.xlsx(message("inspection.rectifications"),
                org.wageguard.shared.imports.LedgerWorkbook.toXlsx(message("inspection.rectifications"), headers, rows));
    }

    @PostMapping("/inspection/rectifications/{id}/check")
    @PreAuthorize("hasAuthority('inspection:inspect')")
    String check(@PathVariable long id, @RequestParam boolean fixed, @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        var me = org.wageguard.identity.CurrentOfficer.get();
        try {
            Inspections.OrderStatus status = inspections.reinspect(id, version, fixed, note, campaigns.viewer(me), me.scope());
            redirect.addFlashAttribute("flash", message("inspection.checked." + status.name()));
        } catch (InspectionRuleException e) {
            redirect.addFlashAttribute("error", message(e.getMessage()));
        }
        return "redirect:/inspection/rectifications";
    }

    @GetMapping("/inspection/rectifications/{id}/notice.pdf")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    org.springframework.http.ResponseEntity<byte[]> notice(@PathVariable long id) {
        var me = org.wageguard.identity.CurrentOfficer.get();
        inspections.requireOrder(id, campaigns.viewer(me), me.scope());
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"notice-" + id + ".pdf\"")
                .body(campaigns.notice(id));
    }

    /** An overdue order still open is escalated and becomes a case. */
    @PostMapping("/inspection/rectifications/{id}/escalate")
    @PreAuthorize("hasAuthority('inspection:inspect')")
    String escalate(@PathVariable long id, RedirectAttributes redirect) {
        var me = org.wageguard.identity.CurrentOfficer.get();
        try {
            inspections.escalate(id, campaigns.viewer(me), me.scope());
            redirect.addFlashAttribute("flash", message("inspection.escalated"));
        } catch (InspectionRuleException e) {
            redirect.addFlashAttribute("error", message(e.getMessage()));
        }
        return "redirect:/inspection/rectifications";
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
