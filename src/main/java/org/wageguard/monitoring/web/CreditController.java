package org.wageguard.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.employer.CreditListKind;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.monitoring.CreditAmountStandards;
import org.wageguard.monitoring.CreditDocuments;
import org.wageguard.monitoring.CreditProcedure;
import org.wageguard.monitoring.MonitoringRuleException;
import org.wageguard.shared.RegionCode;

/** The credit-list procedure: proposals of the region, a proposal with its steps. */
@Controller
class CreditController {

    private final CreditProcedure procedure;
    private final CreditDocuments documents;
    private final CreditAmountStandards standards;
    private final MessageSource messages;
    private final Clock clock;

    CreditController(CreditProcedure procedure, CreditDocuments documents, CreditAmountStandards standards,
            MessageSource messages, Clock clock) {
        this.procedure = procedure;
        this.documents = documents;
        this.standards = standards;
        this.messages = messages;
        this.clock = clock;
    }

    private static String prefix(OfficerPrincipal me) {
        return RegionCode.of(me.regionCode()).subtreePrefix();
    }

    @GetMapping("/monitoring/credit")
    @PreAuthorize("hasAuthority('monitoring:credit:view')")
    String list(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("proposals", procedure.list(prefix(me)));
        model.addAttribute("eligible", me.hasPermission("monitoring:credit:manage") ? procedure.eligibleCases(prefix(me))
                : List.of());
        model.addAttribute("kinds", CreditListKind.values());
        model.addAttribute("grounds", CreditProcedure.Ground.values());
        model.addAttribute("standard", standards.of(me.regionCode()));
        model.addAttribute("roles", List.of("LEGAL_REPRESENTATIVE", "ACTUAL_CONTROLLER", "RESPONSIBLE_PERSON",
                "LABOR_CONTRACTOR"));
        model.addAttribute("today", LocalDate.now(clock));
        return "monitoring/credit";
    }

    /** The credit-list procedures of the region as the 台账 (Excel); listed persons' ID numbers only masked. */
    @GetMapping("/monitoring/credit.xlsx")
    @PreAuthorize("hasAuthority('monitoring:credit:view')")
    org.springframework.http.ResponseEntity<byte[]> ledger() {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate today = LocalDate.now(clock);
        List<List<?>> rows = new ArrayList<>();
        for (CreditProcedure.Proposal p : procedure.list(prefix(me))) {
            String persons = String.join("、", p.persons().stream().map(x -> x.name() + "（"
                    + text("monitoring.credit.role." + x.role()) + (x.idNumberMasked() == null ? "" : " " + x.idNumberMasked())
                    + "）").toList());
            rows.add(List.of(p.employerName(), text("monitoring.credit.kind." + p.kind()), p.caseNumber(),
                    p.expired(today) ? text("monitoring.credit.expired") : text("monitoring.credit.status." + p.status()),
                    p.grounds(), persons, p.proposedOn(), p.notifiedOn() == null ? "" : p.notifiedOn(),
                    p.decidedOn() == null ? "" : p.decidedOn(), p.publishedOn() == null ? "" : p.publishedOn(),
                    p.expiresOn() == null ? "" : p.expiresOn(), p.removedOn() == null ? "" : p.removedOn()));
        }
        List<String> headers = java.util.stream.Stream.of("monitoring.credit.employer", "monitoring.credit.kind",
                "monitoring.credit.case", "monitoring.col.status", "monitoring.credit.grounds",
                "monitoring.credit.personsListed", "monitoring.credit.proposedOn", "monitoring.credit.notifiedOn",
                "monitoring.credit.decidedOn", "monitoring.credit.publishedOn", "monitoring.credit.expiresOn",
                "monitoring.credit.removedOn").map(this::text).toList();
        return org.wageguard.identity.Downloads.xlsx(text("monitoring.credit.file"),
                org.wageguard.shared.imports.LedgerWorkbook.toXlsx(text("monitoring.credit.title"), headers, rows));
    }

    @PostMapping("/monitoring/credit")
    @PreAuthorize("hasAuthority('monitoring:credit:manage')")
    String propose(@RequestParam(required = false) Long caseId, @RequestParam(required = false) CreditListKind kind,
            @RequestParam(required = false) String grounds,
            @RequestParam(required = false) CreditProcedure.Ground ground,
            @RequestParam(required = false) Integer workers,
            @RequestParam(required = false) java.math.BigDecimal oneWorkerAmount,
            @RequestParam(required = false) Integer oneWorkerMonths,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate incidentOn,
            @RequestParam(required = false) String incident,
            @RequestParam(name = "personName", required = false) List<String> names,
            @RequestParam(name = "personRole", required = false) List<String> roles,
            @RequestParam(name = "personId", required = false) List<String> ids, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        List<CreditProcedure.Person> persons = new ArrayList<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                String role = roles != null && i < roles.size() ? roles.get(i) : "RESPONSIBLE_PERSON";
                persons.add(new CreditProcedure.Person(names.get(i), role, ids != null && i < ids.size() ? ids.get(i) : null));
            }
        }
        try {
            if (caseId == null) {
                throw MonitoringRuleException.of("credit.noLapsedOrder");
            }
            long id = procedure.propose(prefix(me), caseId, kind, grounds, new CreditProcedure.Condition(ground, workers,
                    oneWorkerAmount, oneWorkerMonths, incidentOn, incident), persons, me.username());
            redirect.addFlashAttribute("flash", text("monitoring.flash.proposed"));
            return "redirect:/monitoring/credit/" + id;
        } catch (MonitoringRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/monitoring/credit";
        }
    }

    @GetMapping("/monitoring/credit/{id}")
    @PreAuthorize("hasAuthority('monitoring:credit:view')")
    String proposal(@PathVariable long id, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("p", procedure.find(prefix(me), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("today", LocalDate.now(clock));
        return "monitoring/credit-proposal";
    }

    /** The prior notice (事先告知书) or the listing decision (列入决定书) as PDF. */
    @GetMapping({ "/monitoring/credit/{id}/notice.pdf", "/monitoring/credit/{id}/decision.pdf" })
    @PreAuthorize("hasAuthority('monitoring:credit:view')")
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable long id,
            jakarta.servlet.http.HttpServletRequest request) {
        OfficerPrincipal me = CurrentOfficer.get();
        procedure.find(prefix(me), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CreditDocuments.Kind kind = request.getRequestURI().endsWith("/notice.pdf") ? CreditDocuments.Kind.NOTICE
                : CreditDocuments.Kind.DECISION;
        byte[] pdf;
        try {
            pdf = documents.pdf(prefix(me), id, kind, LocalDate.now(clock));
        } catch (MonitoringRuleException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"credit-"
                        + kind.name().toLowerCase(Locale.ROOT) + "-" + id + ".pdf\"")
                .body(pdf);
    }

    /** The province's amount standard of the crime of refusing to pay (法释〔2013〕3号 Art. 3), for Decree 45 Art. 5. */
    @PostMapping("/monitoring/credit/standard")
    @PreAuthorize("hasAuthority('monitoring:credit:manage')")
    String standard(@RequestParam(required = false) java.math.BigDecimal perWorker,
            @RequestParam(required = false) java.math.BigDecimal total, @RequestParam(required = false) String source,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        try {
            standards.set(me.regionCode().substring(0, 2) + "0000", perWorker, total, source, me.username());
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (MonitoringRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/credit";
    }

    @PostMapping("/monitoring/credit/{id}/{step}")
    @PreAuthorize("hasAuthority('monitoring:credit:manage')")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam int version,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Boolean list, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        String p = prefix(me);
        try {
            switch (step) {
                case "notify" -> procedure.notifyParty(p, id, version, date, me.username());
                case "objection" -> procedure.recordObjection(p, id, version, text, me.username());
                case "decide" -> procedure.decide(p, id, version, Boolean.TRUE.equals(list), text, me.username());
                case "publish" -> procedure.publish(p, id, version, me.username());
                case "paid" -> procedure.recordPaidUp(p, id, version, date, me.username());
                case "remove" -> procedure.removeEarly(p, id, version, text, me.username());
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (MonitoringRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/credit/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
