package org.wageguard.casework.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.ClueImport;
import org.wageguard.casework.ClueLedgers;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.imports.LedgerWorkbook;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.ProblemReport;
import org.wageguard.shared.imports.TemplateWorkbook;
import org.wageguard.shared.imports.UnreadableFileException;
import org.wageguard.shared.imports.UploadedFiles;

/**
 * Clues: the national clue platform's list imported, what each department holds, the ledgers handed to them and
 * their written replies.
 */
@Controller
class ClueController {

    static final String PROBLEMS = ClueController.class.getName() + ".problems";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ClueImport imports;
    private final ClueLedgers ledgers;
    private final OperationLog operationLog;
    private final MessageSource messages;

    ClueController(ClueImport imports, ClueLedgers ledgers, OperationLog operationLog, MessageSource messages) {
        this.imports = imports;
        this.ledgers = ledgers;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    private static String prefix(OfficerPrincipal me) {
        return RegionCode.of(me.regionCode()).subtreePrefix();
    }

    /** Officers who hold a leadership view see every department; a department officer sees its own. */
    private static Set<Long> departmentsSeen(OfficerPrincipal me) {
        return me.hasPermission("casework:clue:ledger") || me.hasPermission("casework:case:accept") ? null
                : me.scope().departmentIds();
    }

    @GetMapping("/cases/clues")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String overview(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        Set<Long> seen = departmentsSeen(me);
        model.addAttribute("holdings", ledgers.holdings(prefix(me)).stream()
                .filter(h -> seen == null || seen.contains(h.departmentId())).toList());
        model.addAttribute("ledgers", ledgers.ledgers(prefix(me), seen, 100));
        model.addAttribute("columns", ClueImport.COLUMNS);
        return "casework/clues";
    }

    @GetMapping("/cases/clues/template")
    @PreAuthorize("hasAuthority('casework:clue:import')")
    ResponseEntity<byte[]> template() {
        byte[] xlsx = TemplateWorkbook.create(text("clue.template.sheet"), ClueImport.COLUMNS,
                List.of(List.of("XS2026112800123", "2026-11-20", "罗建军", "13974780001", "沅江市顺达建筑劳务有限公司", "",
                        "YJ-2021-002", "430981", "68000.00", "12", "2026-08-01", "2026-10-31", "班组12人8月至10月工资未发")),
                List.of(text("clue.template.note1"), text("clue.template.note2"), text("clue.template.note3")));
        return download(xlsx, text("clue.template.file") + ".xlsx");
    }

    @PostMapping("/cases/clues/import")
    @PreAuthorize("hasAuthority('casework:clue:import')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean rowByRow,
            Model model, HttpSession session) {
        session.removeAttribute(PROBLEMS);
        OfficerPrincipal me = CurrentOfficer.get();
        if (UploadedFiles.problem(file) != null) {
            model.addAttribute("error", UploadedFiles.problem(file));
            return overview(model);
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            ClueImport.Outcome outcome = imports.run(name, file.getInputStream(), rowByRow, me.regionCode(), prefix(me),
                    me.username());
            model.addAttribute("outcome", outcome);
            model.addAttribute("shown", outcome.problems().stream().limit(50).toList());
            if (!outcome.problems().isEmpty()) {
                session.setAttribute(PROBLEMS, new ArrayList<>(outcome.problems()));
            }
        } catch (UnreadableFileException e) {
            operationLog.recordOutcome("CLUE_IMPORT", "case", null, "导入 " + name + " 无法读取：" + e.getMessage(),
                    OperationLog.Result.FAILURE);
            model.addAttribute("error", messages.getMessage("clue.import.unreadable", new Object[] {e.getMessage()},
                    Locale.SIMPLIFIED_CHINESE));
        } catch (IOException e) {
            model.addAttribute("error", text("clue.import.noFile"));
        }
        return overview(model);
    }

    @GetMapping("/cases/clues/import/problems")
    @PreAuthorize("hasAuthority('casework:clue:import')")
    ResponseEntity<byte[]> problems(HttpSession session) {
        @SuppressWarnings("unchecked")
        List<Problem> problems = (List<Problem>) session.getAttribute(PROBLEMS);
        if (problems == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return download(ProblemReport.toXlsx(problems, text("clue.import.problemSheet")), text("clue.import.problemFile") + ".xlsx");
    }

    @PostMapping("/cases/clues/ledgers")
    @PreAuthorize("hasAuthority('casework:clue:ledger')")
    String issue(RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        int issued = ledgers.issue(me.username(), prefix(me));
        redirect.addFlashAttribute("flash", messages.getMessage("clue.ledger.issued", new Object[] {issued},
                Locale.SIMPLIFIED_CHINESE));
        return "redirect:/cases/clues";
    }

    private ClueLedgers.Ledger visible(long id) {
        OfficerPrincipal me = CurrentOfficer.get();
        Set<Long> seen = departmentsSeen(me);
        return ledgers.find(id).filter(l -> seen == null || seen.contains(l.departmentId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/cases/clues/ledgers/{id}")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String ledger(@PathVariable long id, Model model) {
        model.addAttribute("ledger", visible(id));
        model.addAttribute("items", ledgers.items(id));
        return "casework/clue-ledger";
    }

    @GetMapping("/cases/clues/ledgers/{id}.xlsx")
    @PreAuthorize("hasAuthority('casework:case:view')")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable long id) {
        ClueLedgers.Ledger l = visible(id);
        List<List<?>> rows = new ArrayList<>();
        for (ClueLedgers.Item i : ledgers.items(id)) {
            rows.add(Arrays.asList(i.number(), i.externalRef(), text("enum.Channel." + i.channel()), i.employerName(),
                    i.registeredOn(), text("enum.CaseStatus." + i.statusAtIssue()), text("enum.CaseStatus." + i.statusNow()),
                    i.overdue() ? text("common.yes") : null, i.lastFollowUpOn(),
                    i.lastSatisfied() == null ? null : text(i.lastSatisfied() ? "case.followUp.satisfied" : "case.followUp.unsatisfied"),
                    i.rechecks()));
        }
        byte[] xlsx = LedgerWorkbook.toXlsx(l.departmentName(), List.of(text("case.number"), text("case.externalRef"),
                text("case.channel"), text("case.employer"), text("case.registeredOn"), text("clue.ledger.statusAtIssue"),
                text("clue.ledger.statusNow"), text("case.overdue"), text("clue.ledger.lastFollowUp"),
                text("case.followUp.satisfiedQ"), text("clue.ledger.rechecks")), rows);
        return download(xlsx, text("clue.ledger.file") + "-" + l.departmentName() + "-" + l.issuedOn() + ".xlsx");
    }

    @PostMapping("/cases/clues/ledgers/{id}/reply")
    @PreAuthorize("hasAuthority('casework:case:answer')")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String reply, RedirectAttributes redirect) {
        visible(id);
        try {
            ledgers.reply(id, version, CurrentOfficer.get(), reply);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/clues/ledgers/" + id;
    }

    private ResponseEntity<byte[]> download(byte[] xlsx, String filename) {
        return xlsx(xlsx, filename);
    }

    /** A workbook as a download named {@code filename}. */
    static ResponseEntity<byte[]> xlsx(byte[] xlsx, String filename) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
