package org.wageguard.casework.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.PlatformReports;
import org.wageguard.casework.PlatformResultForm;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The national clue platform written back: the results waiting to be reported, the batches reported (each as the
 * clue-result form to download, CSV or XLSX), each clue's last report, and the weekly "还在跟踪" list. Everything is
 * limited to the officer's region; the permission is {@code casework:clue:report} (治欠办, 劳动监察员).
 */
@Controller
class PlatformReportController {

    private final PlatformReports reports;
    private final MessageSource messages;

    PlatformReportController(PlatformReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    private static String prefix() {
        return RegionCode.of(CurrentOfficer.get().regionCode()).subtreePrefix();
    }

    @GetMapping("/cases/platform")
    @PreAuthorize("hasAuthority('casework:clue:report')")
    String page(Model model) {
        String prefix = prefix();
        model.addAttribute("pending", reports.pending(prefix));
        model.addAttribute("batches", reports.batches(prefix, 50));
        model.addAttribute("ledger", reports.ledger(prefix, 200));
        model.addAttribute("exchange", reports.exchangeKind());
        return "casework/platform";
    }

    @PostMapping("/cases/platform/report")
    @PreAuthorize("hasAuthority('casework:clue:report')")
    String report(RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        try {
            PlatformReports.Batch b = reports.report(me);
            redirect.addFlashAttribute("flash", messages.getMessage("platform.reported", new Object[] {b.results(), b.id()},
                    Locale.SIMPLIFIED_CHINESE));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/platform";
    }

    private PlatformReports.Batch visible(long id) {
        return reports.batch(id, prefix()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/cases/platform/batches/{id}.csv")
    @PreAuthorize("hasAuthority('casework:clue:report')")
    ResponseEntity<byte[]> batchCsv(@PathVariable long id) {
        PlatformReports.Batch b = visible(id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(text("platform.file") + "-" + b.madeOn() + "-" + b.id() + ".csv", StandardCharsets.UTF_8)
                        .build().toString())
                .body(PlatformResultForm.csv(reports.results(id)));
    }

    @GetMapping("/cases/platform/batches/{id}.xlsx")
    @PreAuthorize("hasAuthority('casework:clue:report')")
    ResponseEntity<byte[]> batchXlsx(@PathVariable long id) {
        PlatformReports.Batch b = visible(id);
        return ClueController.xlsx(PlatformResultForm.xlsx(reports.results(id)),
                text("platform.file") + "-" + b.madeOn() + "-" + b.id() + ".xlsx");
    }

    @GetMapping("/cases/platform/open")
    @PreAuthorize("hasAuthority('casework:clue:report')")
    String open(Model model) {
        model.addAttribute("open", reports.stillOpen(prefix()));
        return "casework/platform-open";
    }

    @GetMapping("/cases/platform/open.xlsx")
    @PreAuthorize("hasAuthority('casework:clue:report')")
    ResponseEntity<byte[]> openXlsx() {
        List<List<?>> rows = new ArrayList<>();
        for (PlatformReports.OpenClue o : reports.stillOpen(prefix())) {
            rows.add(Arrays.asList(o.clueNo(), o.number(), o.employerName(), o.registeredOn(), o.daysOpen(),
                    text("enum.CaseStatus." + o.status()), o.lastReportedState() == null ? text("platform.notReported")
                            : text("platform.state." + o.lastReportedState()), o.lastReportedOn(),
                    o.lastAction() == null ? null : label(o.lastAction()), o.lastActionOn(),
                    o.pending() ? text("platform.pending") : null));
        }
        byte[] xlsx = LedgerWorkbook.toXlsx(text("platform.open"), List.of(text("platform.clueNo"), text("case.number"),
                text("case.employer"), text("case.registeredOn"), text("platform.open.daysOpen"), text("clue.ledger.statusNow"),
                text("platform.lastState"), text("platform.lastReportedOn"), text("platform.open.lastAction"),
                text("platform.open.lastActionOn"), text("platform.pending")), rows);
        return ClueController.xlsx(xlsx, text("platform.open.file") + "-" + java.time.LocalDate.now() + ".xlsx");
    }

    private String label(String action) {
        return messages.getMessage("case.action." + action, null, action, Locale.SIMPLIFIED_CHINESE);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
