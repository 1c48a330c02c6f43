package org.wageguard.payroll.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.shared.imports.TemplateWorkbook;
import org.wageguard.shared.imports.UnreadableFileException;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.shared.imports.UploadedFiles;

/** The pay sheet (contractor) and disbursement (bank) uploads; the outcome is shown on the shared submission page. */
@Controller
class PayrollImportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PayrollImport payroll;
    private final DisbursementImport disbursements;
    private final MessageSource messages;

    PayrollImportController(PayrollImport payroll, DisbursementImport disbursements, MessageSource messages) {
        this.payroll = payroll;
        this.disbursements = disbursements;
        this.messages = messages;
    }

    @GetMapping("/payroll/imports/{kind:payroll|disbursements}/template.xlsx")
    @PreAuthorize("hasAuthority('payroll:data:import')")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        boolean sheet = kind.equals("payroll");
        byte[] xlsx = TemplateWorkbook.create(text("workforce.import." + kind),
                sheet ? PayrollImport.COLUMNS : DisbursementImport.COLUMNS,
                sheet ? PayrollImport.exampleRows() : DisbursementImport.exampleRows(),
                List.of(text("workforce.import.note.replace." + kind), text("workforce.import.note.id"),
                        text("workforce.import.note.dates")));
        return download(xlsx, text("workforce.import." + kind) + text("workforce.import.templateSuffix") + ".xlsx");
    }

    @PostMapping("/payroll/imports/{kind:payroll|disbursements}")
    @PreAuthorize("hasAuthority('payroll:data:import')")
    String upload(@PathVariable String kind, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean goodRowsOnly, HttpSession session,
            RedirectAttributes redirect) throws IOException {
        if (UploadedFiles.problem(file) != null) {
            redirect.addFlashAttribute("error", UploadedFiles.problem(file));
            return "redirect:/workforce/imports";
        }
        String what = text("workforce.import." + kind);
        try {
            var officer = CurrentOfficer.get();
            ImportOutcome outcome = kind.equals("payroll")
                    ? payroll.importFile(file.getOriginalFilename(), file.getInputStream(), goodRowsOnly, officer)
                    : disbursements.importFile(file.getOriginalFilename(), file.getInputStream(), goodRowsOnly, officer);
            session.setAttribute(ImportOutcome.PROBLEMS_SESSION_KEY, List.copyOf(outcome.problems()));
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("outcomeKind", what);
            if (outcome.applied()) {
                redirect.addFlashAttribute("flash", messages.getMessage("workforce.import.done", new Object[] {what,
                        outcome.rows(), outcome.created(), outcome.replaced(), outcome.unchanged(),
                        outcome.problems().size()}, Locale.SIMPLIFIED_CHINESE));
            } else {
                redirect.addFlashAttribute("error", messages.getMessage("workforce.import.refused",
                        new Object[] {what, outcome.problems().size()}, Locale.SIMPLIFIED_CHINESE));
            }
        } catch (UnreadableFileException e) {
            redirect.addFlashAttribute("error", text("workforce.import.unreadable") + e.getMessage());
        }
        return "redirect:/workforce/imports";
    }

    static ResponseEntity<byte[]> download(byte[] body, String name) {
        return org.wageguard.identity.Downloads.xlsx(name, body);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
