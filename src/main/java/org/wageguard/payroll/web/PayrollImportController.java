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
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.shared.imports.TemplateWorkbook;
import org.wageguard.workforce.ImportUploads;
import org.wageguard.shared.imports.UploadedFiles;

/** The pay sheet (contractor) and disbursement (bank) uploads; the outcome is shown on the shared submission page. */
@Controller
class PayrollImportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PayrollImport payroll;
    private final DisbursementImport disbursements;
    private final ImportUploads uploads;
    private final MessageSource messages;

    PayrollImportController(PayrollImport payroll, DisbursementImport disbursements, ImportUploads uploads,
            MessageSource messages) {
        this.payroll = payroll;
        this.disbursements = disbursements;
        this.uploads = uploads;
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
        return uploads.upload(kind, what, file, goodRowsOnly, kind.equals("payroll") ? payroll::importFile
                : disbursements::importFile, session, redirect, text("workforce.import.unreadable"));
    }

    static ResponseEntity<byte[]> download(byte[] body, String name) {
        return org.wageguard.identity.Downloads.xlsx(name, body);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
