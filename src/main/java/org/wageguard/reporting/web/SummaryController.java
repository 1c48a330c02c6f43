package org.wageguard.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.reporting.SummaryDocuments;
import org.wageguard.reporting.WorkSummary;

/** The work summary of a period: its figures with their definitions and rows, as Word and as PDF. */
@Controller
class SummaryController {

    private final WorkSummary summary;
    private final SummaryDocuments documents;
    private final OperationLog operationLog;
    private final MessageSource messages;

    SummaryController(WorkSummary summary, SummaryDocuments documents, OperationLog operationLog, MessageSource messages) {
        this.summary = summary;
        this.documents = documents;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    private WorkSummary.Figures figures(LocalDate from, LocalDate to) {
        if (!ReportPeriods.valid(from, to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    messages.getMessage("summary.badPeriod", null, Locale.SIMPLIFIED_CHINESE));
        }
        return summary.figures(CurrentOfficer.get().regionCode(), from, to);
    }

    @GetMapping("/reports/summary")
    @PreAuthorize("hasAuthority('reporting:summary:view')")
    String page(@RequestParam(defaultValue = "2021-01-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(defaultValue = "2021-06-30") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        model.addAttribute("f", figures(from, to));
        return "reporting/summary";
    }

    @GetMapping("/reports/summary.docx")
    @PreAuthorize("hasAuthority('reporting:summary:view')")
    ResponseEntity<byte[]> docx(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        operationLog.record("SUMMARY_EXPORT", "summary", null, "生成工作总结（Word）" + from + "至" + to);
        return file(documents.docx(figures(from, to)), MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), from, to, ".docx");
    }

    @GetMapping("/reports/summary.pdf")
    @PreAuthorize("hasAuthority('reporting:summary:view')")
    ResponseEntity<byte[]> pdf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        operationLog.record("SUMMARY_EXPORT", "summary", null, "生成工作总结（PDF）" + from + "至" + to);
        return file(documents.pdf(figures(from, to)), MediaType.APPLICATION_PDF, from, to, ".pdf");
    }

    private ResponseEntity<byte[]> file(byte[] body, MediaType type, LocalDate from, LocalDate to, String suffix) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("根治欠薪工作总结-" + from + "-" + to + suffix, StandardCharsets.UTF_8).build().toString()).body(body);
    }
}
