package org.wageguard.workforce.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.project.Projects;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.ProblemReport;
import org.wageguard.shared.imports.TemplateWorkbook;
import org.wageguard.shared.imports.UnreadableFileException;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.internal.AttendanceImport;
import org.wageguard.workforce.internal.RosterImport;

/**
 * The data-submission page of the real-name and wage data: roster and attendance here; the pay sheet and the
 * bank's disbursements post to the payroll module, which comes back here with its outcome.
 */
@Controller
class WorkforceImportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RosterImport rosters;
    private final AttendanceImport attendance;
    private final Projects projects;
    private final MessageSource messages;

    WorkforceImportController(RosterImport rosters, AttendanceImport attendance, Projects projects,
            MessageSource messages) {
        this.rosters = rosters;
        this.attendance = attendance;
        this.projects = projects;
        this.messages = messages;
    }

    @GetMapping("/workforce/imports")
    @PreAuthorize("hasAnyAuthority('workforce:roster:view', 'workforce:roster:import', 'payroll:data:import')")
    String page(Model model) {
        var officer = CurrentOfficer.get();
        model.addAttribute("projects", officer.hasPermission("workforce:roster:view")
                ? projects.all(officer.scope(), Projects.Filter.none()) : List.of());
        return "workforce/imports";
    }

    @GetMapping("/workforce/imports/{kind:roster|attendance}/template.xlsx")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        boolean roster = kind.equals("roster");
        List<Column> columns = roster ? RosterImport.COLUMNS : AttendanceImport.COLUMNS;
        byte[] xlsx = TemplateWorkbook.create(text("workforce.import." + kind), columns,
                roster ? RosterImport.exampleRows() : AttendanceImport.exampleRows(),
                List.of(text("workforce.import.note.replace." + kind), text("workforce.import.note.id"),
                        text("workforce.import.note.dates")));
        return download(xlsx, text("workforce.import." + kind) + text("workforce.import.templateSuffix") + ".xlsx");
    }

    @PostMapping("/workforce/imports/{kind:roster|attendance}")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    String upload(@PathVariable String kind, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean goodRowsOnly, HttpSession session,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", text("workforce.import.fileMissing"));
            return "redirect:/workforce/imports";
        }
        try {
            ImportOutcome outcome = kind.equals("roster")
                    ? rosters.importFile(file.getOriginalFilename(), file.getInputStream(), goodRowsOnly, CurrentOfficer.get())
                    : attendance.importFile(file.getOriginalFilename(), file.getInputStream(), goodRowsOnly, CurrentOfficer.get());
            report(outcome, text("workforce.import." + kind), session, redirect, messages);
        } catch (UnreadableFileException e) {
            redirect.addFlashAttribute("error", text("workforce.import.unreadable") + e.getMessage());
        }
        return "redirect:/workforce/imports";
    }

    /** Puts an outcome on the page after the redirect and keeps its bad rows for the report download. */
    static void report(ImportOutcome outcome, String what, HttpSession session, RedirectAttributes redirect,
            MessageSource messages) {
        session.setAttribute(ImportOutcome.PROBLEMS_SESSION_KEY, List.copyOf(outcome.problems()));
        redirect.addFlashAttribute("outcome", outcome);
        redirect.addFlashAttribute("outcomeKind", what);
        if (outcome.applied()) {
            redirect.addFlashAttribute("flash", messages.getMessage("workforce.import.done", new Object[] {what,
                    outcome.rows(), outcome.created(), outcome.replaced(), outcome.unchanged(), outcome.problems().size()},
                    Locale.SIMPLIFIED_CHINESE));
        } else {
            redirect.addFlashAttribute("error", messages.getMessage("workforce.import.refused",
                    new Object[] {what, outcome.problems().size()}, Locale.SIMPLIFIED_CHINESE));
        }
    }

    @GetMapping("/workforce/imports/problems.xlsx")
    @PreAuthorize("hasAnyAuthority('workforce:roster:import', 'payroll:data:import')")
    ResponseEntity<byte[]> problems(HttpSession session) {
        @SuppressWarnings("unchecked")
        List<Problem> problems = (List<Problem>) session.getAttribute(ImportOutcome.PROBLEMS_SESSION_KEY);
        return download(ProblemReport.toXlsx(problems == null ? List.of() : problems, text("workforce.import.problems")),
                text("workforce.import.problems") + ".xlsx");
    }

    static ResponseEntity<byte[]> download(byte[] body, String name) {
        return org.wageguard.identity.Downloads.xlsx(name, body);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
