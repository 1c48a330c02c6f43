package org.wageguard.project.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.wageguard.shared.StaleEditException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.project.ComplianceFacts;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.GuaranteeForm;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.SpecialAccounts;
import org.wageguard.project.WageDeposits;

/** One compliance item of a project: its facts, its evidence files. */
@Controller
class ComplianceController {

    private final VisibleProjects visibleProjects;

    /** Evidence is checked by its content, not its name or declared type, and capped in size. */
    static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

    record ItemForm(Boolean notApplicable,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate establishedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            @DecimalMin(value = "0", message = "{project.money.negative}") @Digits(integer = 14, fraction = 2, message = "{project.money.format}") BigDecimal amount,
            GuaranteeForm form, @Size(max = 100) String bankName,
            @Size(max = 40) String accountNumber, @Size(max = 40) String boardPayDay,
            @Size(max = 40) String boardMinimumWage, @Size(max = 60) String boardHotline,
            @Size(max = 100) String boardArbitration, @Size(max = 100) String boardLegalAid, @Size(max = 400) String note,
            Integer version) {

        /** The facts as typed in; real-name management has none of its own (it is derived from the roster data). */
        ComplianceFacts facts() {
            return new ComplianceFacts(Boolean.TRUE.equals(notApplicable), establishedOn, validUntil, amount, form, blank(bankName),
                    blank(accountNumber), false, blank(boardPayDay), blank(boardMinimumWage), blank(boardHotline),
                    blank(note), blank(boardArbitration), blank(boardLegalAid));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    private final ComplianceItems compliance;
    private final WageDeposits deposits;
    private final MessageSource messages;
    private final ProjectParties parties;

    ComplianceController(ComplianceItems compliance, WageDeposits deposits, MessageSource messages, VisibleProjects visibleProjects,
            ProjectParties parties) {
        this.parties = parties;
        this.visibleProjects = visibleProjects;
        this.compliance = compliance;
        this.deposits = deposits;
        this.messages = messages;
    }

    @GetMapping("/projects/{id}/compliance/{kind}")
    @PreAuthorize("hasAuthority('project:project:view')")
    String form(@PathVariable long id, @PathVariable ComplianceKind kind, Model model) {
        ProjectSummary project = visibleProjects.get(id);
        ComplianceItems.Item item = compliance.item(id, kind).orElseThrow();
        ComplianceFacts f = item.facts();
        model.addAttribute("form", new ItemForm(f.notApplicable(), f.establishedOn(), f.validUntil(), f.amount(),
                f.form(), f.bankName(), f.accountNumber(), f.boardPayDay(), f.boardMinimumWage(),
                f.boardHotline(), f.boardArbitration(), f.boardLegalAid(), f.note(), item.version()));
        return page(model, project, item);
    }

    @PostMapping("/projects/{id}/compliance/{kind}")
    @PreAuthorize("hasAuthority('project:compliance:edit')")
    String save(@PathVariable long id, @PathVariable ComplianceKind kind, @Valid @ModelAttribute("form") ItemForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ProjectSummary project = visibleProjects.get(id);
        if (form.validUntil() != null && form.establishedOn() != null && form.validUntil().isBefore(form.establishedOn())) {
            errors.rejectValue("validUntil", "order", text("compliance.validBeforeEstablished"));
        }
        if (kind == ComplianceKind.WAGE_DEPOSIT && form.amount() != null) {
            // The deposit's amount is the ledger balance: lodging money goes through the ledger.
            errors.rejectValue("amount", "ledger", text("compliance.depositViaLedger"));
        }
        if (errors.hasErrors()) {
            return page(model, project, compliance.item(id, kind).orElseThrow());
        }
        try {
            ComplianceFacts facts = form.facts();
            if (kind == ComplianceKind.SPECIAL_ACCOUNT) {
                // The bank and account number come from the binding: a form that does not send them keeps them, one
                // that sends other values is refused by the service (and logged).
                ComplianceFacts current = compliance.item(id, kind).orElseThrow().facts();
                facts = new ComplianceFacts(facts.notApplicable(), facts.establishedOn(), facts.validUntil(),
                        facts.amount(), facts.form(), form.bankName() == null ? current.bankName() : facts.bankName(),
                        form.accountNumber() == null ? current.accountNumber() : facts.accountNumber(),
                        facts.rosterKept(), facts.boardPayDay(), facts.boardMinimumWage(), facts.boardHotline(),
                        facts.note(), facts.boardArbitration(), facts.boardLegalAid());
            }
            if (kind == ComplianceKind.WAGE_DEPOSIT) {
                ComplianceFacts current = compliance.item(id, kind).orElseThrow().facts();
                facts = new ComplianceFacts(facts.notApplicable(), current.establishedOn(), facts.validUntil(),
                        current.amount(), facts.form(), facts.bankName(), facts.accountNumber(), false, null, null,
                        null, facts.note());
            }
            compliance.record(id, kind, form.version() == null ? -1 : form.version(), facts);
        } catch (StaleEditException e) {
            model.addAttribute("error", e.getMessage());
            return page(model, project, compliance.item(id, kind).orElseThrow());
        } catch (SpecialAccounts.RefusedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("error", e.getMessage());
            return page(model, project, compliance.item(id, kind).orElseThrow());
        }
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/projects/" + id;
    }

    /**
     * Records a subcontractor's authorisation of the general contractor to pay its workers through the special account
     * (Decree 724 Art. 31): the document and the day it was signed. Shown on the bank-payroll item, which is derived again.
     */
    @PostMapping("/projects/{id}/subcontractors/{employerId}/pay-authorisation")
    @PreAuthorize("hasAuthority('project:compliance:edit')")
    String authorisePayment(@PathVariable long id, @PathVariable long employerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
            @RequestParam(required = false) String document, RedirectAttributes redirect) {
        visibleProjects.get(id);
        try {
            parties.authorisePayment(id, employerId, signedOn,
                    document == null || document.length() <= 200 ? document : document.substring(0, 200));
            redirect.addFlashAttribute("flash", text("payAuthorisation.saved"));
        } catch (ProjectParties.AuthorisationRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + id + "/compliance/BANK_PAYROLL";
    }

    @PostMapping("/projects/{id}/subcontractors/{employerId}/pay-authorisation/withdraw")
    @PreAuthorize("hasAuthority('project:compliance:edit')")
    String withdrawPaymentAuthorisation(@PathVariable long id, @PathVariable long employerId, RedirectAttributes redirect) {
        visibleProjects.get(id);
        parties.withdrawPaymentAuthorisation(id, employerId);
        redirect.addFlashAttribute("flash", text("payAuthorisation.withdrawn"));
        return "redirect:/projects/" + id + "/compliance/BANK_PAYROLL";
    }

    @PostMapping("/projects/{id}/compliance/{kind}/evidence")
    @PreAuthorize("hasAuthority('project:compliance:edit')")
    String upload(@PathVariable long id, @PathVariable ComplianceKind kind, @RequestParam MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        visibleProjects.get(id);
        if (file.isEmpty() || file.getSize() > MAX_EVIDENCE_BYTES) {
            redirect.addFlashAttribute("error", text("compliance.evidence.size"));
            return "redirect:/projects/" + id + "/compliance/" + kind;
        }
        byte[] content = file.getBytes();
        String type = EvidenceTypes.sniff(content);
        if (type == null) {
            redirect.addFlashAttribute("error", text("compliance.evidence.type"));
            return "redirect:/projects/" + id + "/compliance/" + kind;
        }
        String name = file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename()
                .replaceAll("[\\\\/\\r\\n\"]", "_");
        compliance.addEvidence(id, kind, name.length() > 200 ? name.substring(0, 200) : name, type, content);
        redirect.addFlashAttribute("flash", text("compliance.evidence.saved"));
        return "redirect:/projects/" + id + "/compliance/" + kind;
    }

    @GetMapping("/projects/{id}/evidence/{evidenceId}")
    @PreAuthorize("hasAuthority('project:project:view')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        visibleProjects.get(id);
        ComplianceItems.EvidenceFile file = compliance.evidenceFile(id, evidenceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    private String page(Model model, ProjectSummary project, ComplianceItems.Item item) {
        model.addAttribute("project", project);
        model.addAttribute("item", item);
        model.addAttribute("kind", item.kind());
        model.addAttribute("forms", GuaranteeForm.values());
        model.addAttribute("evidence", compliance.evidence(project.id()).stream()
                .filter(e -> e.itemId() == item.id()).toList());
        if (item.kind() == ComplianceKind.WAGE_DEPOSIT) {
            model.addAttribute("ledger", deposits.ledger(project.id()));
        }
        if (item.kind() == ComplianceKind.BANK_PAYROLL) {
            model.addAttribute("subcontractors", parties.subcontractors(project.id()));
        }
        return "project/compliance-item";
    }


    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
