package org.wageguard.workforce.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import org.wageguard.workforce.ImportUploads;
import org.wageguard.shared.imports.ImportJobs;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.workforce.RealNameImports;
import org.wageguard.workforce.RosterChangedException;
import org.wageguard.workforce.RosterMode;
import org.wageguard.workforce.RosterPreview;
import org.wageguard.workforce.internal.AttendanceImport;
import org.wageguard.workforce.internal.RosterImport;
import org.wageguard.shared.imports.UploadedFiles;

/**
 * The data-submission page of the real-name and wage data: roster and attendance here; the pay sheet and the
 * bank's disbursements post to the payroll module, which comes back here with its outcome.
 */
@Controller
class WorkforceImportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RealNameImports realName;
    private final ImportUploads uploads;
    private final ImportJobs jobs;
    private final Projects projects;
    private final MessageSource messages;

    WorkforceImportController(RealNameImports realName, ImportUploads uploads, ImportJobs jobs, Projects projects,
            MessageSource messages) {
        this.realName = realName;
        this.uploads = uploads;
        this.jobs = jobs;
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

    @PostMapping("/workforce/imports/attendance")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    String uploadAttendance(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean goodRowsOnly, HttpSession session,
            RedirectAttributes redirect) throws IOException {
        if (UploadedFiles.problem(file) != null) {
            redirect.addFlashAttribute("error", UploadedFiles.problem(file));
            return "redirect:/workforce/imports";
        }
        return uploads.upload("attendance", text("workforce.import.attendance"), file, goodRowsOnly,
                realName::attendance, session, redirect, text("workforce.import.unreadable"));
    }

    /** A running import's page: its progress bar polls {@link #jobProgress} until the result is there. */
    @GetMapping("/workforce/imports/jobs/{id}")
    @PreAuthorize("hasAnyAuthority('workforce:roster:import', 'payroll:data:import')")
    String job(@PathVariable long id, Model model, HttpSession session) {
        return showJob(id, model, session, "workforce/import-job");
    }

    @GetMapping("/workforce/imports/jobs/{id}/progress")
    @PreAuthorize("hasAnyAuthority('workforce:roster:import', 'payroll:data:import')")
    String jobProgress(@PathVariable long id, Model model, HttpSession session) {
        return showJob(id, model, session, "workforce/import-job :: progress");
    }

    /** Only its owner sees a job; a finished job's complete problem list goes where the report download finds it. */
    private String showJob(long id, Model model, HttpSession session, String view) {
        var job = jobs.find(id, CurrentOfficer.get().username())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        keepReport(id, session);
        model.addAttribute("job", job);
        return view;
    }

    /** A finished job's complete problem list goes where the report download finds it. */
    private void keepReport(long id, HttpSession session) {
        jobs.takeAttachment(id).ifPresent(a -> {
            if (a instanceof ImportOutcome outcome) {
                session.setAttribute(ImportOutcome.PROBLEMS_SESSION_KEY, List.copyOf(outcome.problems()));
            }
        });
    }

    /**
     * A roster upload. Additions only (新增人员, also when no mode is sent) is applied at once; a full roster
     * (完整花名册) is checked and previewed — who would leave on the effective date — and applied only when the
     * officer confirms the preview.
     */
    @PostMapping("/workforce/imports/roster")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    String uploadRoster(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String effectiveDate,
            HttpSession session, RedirectAttributes redirect) throws IOException {
        if (UploadedFiles.problem(file) != null) {
            redirect.addFlashAttribute("error", UploadedFiles.problem(file));
            return "redirect:/workforce/imports";
        }
        RosterMode rosterMode = mode == null || mode.isBlank() ? RosterMode.ADDITIONS : RosterMode.parse(mode).orElse(null);
        if (rosterMode == null) {
            redirect.addFlashAttribute("error", text("workforce.import.roster.badMode"));
            return "redirect:/workforce/imports";
        }
        LocalDate effective;
        try {
            effective = effectiveDate == null || effectiveDate.isBlank() ? null : LocalDate.parse(effectiveDate.trim());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", text("workforce.import.roster.badDate"));
            return "redirect:/workforce/imports";
        }
        String what = text("workforce.import.roster");
        try {
            if (rosterMode == RosterMode.ADDITIONS) {
                reportRoster(realName.roster(file.getOriginalFilename(), file.getInputStream(), goodRowsOnly,
                        RosterMode.ADDITIONS, effective, null, CurrentOfficer.get()), RosterMode.ADDITIONS, effective,
                        session, redirect);
                return "redirect:/workforce/imports";
            }
            byte[] content = file.getBytes();
            RosterPreview preview = realName.previewRoster(file.getOriginalFilename(), new ByteArrayInputStream(content),
                    false, RosterMode.FULL, effective, CurrentOfficer.get());
            if (preview.refused() != null) {
                report(preview.refused(), what, session, redirect, messages);
                return "redirect:/workforce/imports";
            }
            session.setAttribute(PENDING_ROSTER, new PendingRoster(UUID.randomUUID().toString(),
                    file.getOriginalFilename(), content, preview));
            return "redirect:/workforce/imports/roster/preview";
        } catch (UnreadableFileException e) {
            redirect.addFlashAttribute("error", text("workforce.import.unreadable") + e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workforce/imports";
    }

    /** The full roster waiting for the officer's confirmation: who would leave, who joins, whose line changes. */
    @GetMapping("/workforce/imports/roster/preview")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    String preview(HttpSession session, Model model, RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING_ROSTER) instanceof PendingRoster pending)) {
            redirect.addFlashAttribute("error", text("workforce.import.roster.nothingPending"));
            return "redirect:/workforce/imports";
        }
        model.addAttribute("pending", pending);
        model.addAttribute("preview", pending.preview());
        return "workforce/roster-preview";
    }

    /**
     * Applies the previewed full roster, provided it still closes exactly the periods the preview showed; the
     * token names the preview confirmed (a second tab's upload replaces the first's and its token).
     */
    @PostMapping("/workforce/imports/roster/confirm")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    String confirm(@RequestParam(required = false) String token, HttpSession session, RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING_ROSTER) instanceof PendingRoster pending) || !pending.token().equals(token)) {
            redirect.addFlashAttribute("error", text("workforce.import.roster.nothingPending"));
            return "redirect:/workforce/imports";
        }
        session.removeAttribute(PENDING_ROSTER);
        RosterPreview preview = pending.preview();
        try {
            reportRoster(realName.roster(pending.fileName(), new ByteArrayInputStream(pending.content()), false,
                    RosterMode.FULL, preview.effectiveDate(), preview.leavingIds(), CurrentOfficer.get()),
                    RosterMode.FULL, preview.effectiveDate(), session, redirect);
        } catch (RosterChangedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (UnreadableFileException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workforce/imports";
    }

    @PostMapping("/workforce/imports/roster/cancel")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    String cancel(HttpSession session, RedirectAttributes redirect) {
        session.removeAttribute(PENDING_ROSTER);
        redirect.addFlashAttribute("flash", text("workforce.import.roster.cancelled"));
        return "redirect:/workforce/imports";
    }

    /** A full roster between its preview and the officer's confirmation, kept in the (database) session. */
    record PendingRoster(String token, String fileName, byte[] content, RosterPreview preview)
            implements java.io.Serializable {
    }

    static final String PENDING_ROSTER = "wageguard.roster.pending";

    private void reportRoster(ImportOutcome outcome, RosterMode mode, LocalDate effective, HttpSession session,
            RedirectAttributes redirect) {
        String what = text("workforce.import.roster");
        report(outcome, what, session, redirect, messages);
        if (outcome.applied()) {
            redirect.addFlashAttribute("flash", messages.getMessage("workforce.import.roster.done", new Object[] {
                    text("workforce.import.roster.mode." + mode.name()),
                    effective != null ? effective : LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                    outcome.rows(), outcome.left(), outcome.created(), outcome.replaced(), outcome.unchanged(),
                    outcome.problems().size()}, Locale.SIMPLIFIED_CHINESE));
        }
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
