package org.wageguard.payroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.payroll.internal.StatementImport;
import org.wageguard.shared.imports.FileTooLargeException;
import org.wageguard.shared.imports.ImportJobs;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.shared.imports.Limits;
import org.wageguard.shared.imports.SpooledUpload;
import org.wageguard.shared.imports.UnreadableFileException;
import org.wageguard.workforce.ImportAnswers;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.RealNameImports;
import org.wageguard.workforce.RosterMode;
import org.wageguard.workforce.RosterPreview;

/**
 * The data feeds as an API (see {@code /api/openapi.yaml}): the four files of FORMATS.md posted as the request
 * body (CSV, or XLSX with its content type), under the same checks and the same all-or-nothing rule as the web
 * imports, by the token's organisation within its data scope. 200 when applied, 422 with every bad row when refused,
 * 400 when the body cannot be read at all, 413 when it is larger than the import's limit (reading stops there).
 */
@RestController
@RequestMapping("/api/v1")
class DataApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A body up to this size is answered when imported unless the client says {@code wait=false}. */
    static final long WAIT_BELOW_BYTES = 5L * 1024 * 1024;

    interface Import {
        ImportOutcome run(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer,
                ImportProgress progress);
    }

    private final RealNameImports realName;
    private final PayrollImport payroll;
    private final DisbursementImport disbursements;
    private final StatementImport statements;
    private final ImportPipeline pipeline;
    private final ImportJobs jobs;
    private final ImportAnswers answers;
    private final MessageSource messages;

    DataApiController(RealNameImports realName, PayrollImport payroll,
            DisbursementImport disbursements, StatementImport statements, ImportPipeline pipeline, ImportJobs jobs,
            ImportAnswers answers, MessageSource messages) {
        this.statements = statements;
        this.answers = answers;
        this.realName = realName;
        this.payroll = payroll;
        this.disbursements = disbursements;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.messages = messages;
    }

    /**
     * A roster: {@code mode=additions} (the default: nobody leaves) or {@code mode=full} (workers not listed leave on
     * {@code effective_date}, today by default); {@code preview=true} answers what the upload would do, writing nothing.
     */
    @PostMapping("/roster")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    ResponseEntity<Map<String, Object>> roster(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestParam(required = false) String mode, @RequestParam(name = "effective_date", required = false) String effectiveDate,
            @RequestParam(defaultValue = "false") boolean preview,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        RosterMode rosterMode = mode == null || mode.isBlank() ? RosterMode.ADDITIONS : RosterMode.parse(mode).orElse(null);
        LocalDate effective;
        try {
            effective = effectiveDate == null || effectiveDate.isBlank() ? null : LocalDate.parse(effectiveDate.trim());
        } catch (DateTimeParseException e) {
            return badRequest("roster", text("workforce.import.roster.badDate"));
        }
        if (rosterMode == null) {
            return badRequest("roster", text("workforce.import.roster.badMode"));
        }
        try {
            if (preview) {
                return previewRoster(body, goodRowsOnly, rosterMode, effective, type);
            }
            ResponseEntity<Map<String, Object>> response = run("roster", (name, in, good, officer, progress) ->
                    realName.roster(name, in, good, rosterMode, effective, null, officer, progress), body, goodRowsOnly,
                    type, "findings");
            if (response.getBody() != null && response.getStatusCode().value() != 202) {
                response.getBody().put("mode", rosterMode.name().toLowerCase(Locale.ROOT));
            }
            return response;
        } catch (IllegalArgumentException e) {
            return badRequest("roster", e.getMessage());
        }
    }

    private ResponseEntity<Map<String, Object>> previewRoster(HttpServletRequest body, boolean goodRowsOnly, RosterMode mode,
            LocalDate effective, String type) {
        return receive("roster", body, upload -> {
            RosterPreview p = realName.previewRoster(fileName("roster", type), upload.open(),
                    goodRowsOnly, mode, effective, CurrentOfficer.get());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("kind", "roster");
            result.put("applied", false);
            result.put("preview", true);
            result.put("mode", mode.name().toLowerCase(Locale.ROOT));
            result.put("effective_date", p.effectiveDate().toString());
            result.put("problems", p.problems());
            if (p.refused() != null) {
                result.put("message", messages.getMessage("workforce.import.refused", new Object[] {
                        text("workforce.import.roster"), p.problems().size()}, Locale.SIMPLIFIED_CHINESE));
                return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(result);
            }
            result.put("projects", p.projects().stream().map(c -> {
                Map<String, Object> project = new LinkedHashMap<>();
                project.put("project_code", c.projectCode());
                project.put("joining", c.joining());
                project.put("changing", c.changing());
                project.put("unchanged", c.unchanged());
                project.put("leaving", c.leaving().stream().map(l -> Map.of("worker_name", l.name(),
                        "id_number_masked", l.idNumberMasked(), "entry_date", l.entryDate().toString())).toList());
                return project;
            }).toList());
            result.put("left", p.leavingCount());
            return ResponseEntity.ok(result);
        });
    }

    private ResponseEntity<Map<String, Object>> badRequest(String kind, String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind);
        result.put("applied", false);
        result.put("message", message);
        return ResponseEntity.badRequest().body(result);
    }

    private static String fileName(String kind, String type) {
        return "api-" + kind + (type != null && type.startsWith(XLSX) ? ".xlsx" : ".csv");
    }

    /**
     * Attendance, pay sheet and disbursements are streamed into the database as a job. {@code wait=true}: the answer
     * comes at the import's commit, and the reconciliation and early warning of the changed months follow as the
     * job's later phase ({@code findings_ready: false} and the job's URL to poll for {@code findings_ready: true});
     * {@code wait=findings} (and, by default, a body up to 5 MB): the answer comes once the findings are ready too;
     * otherwise after at most a second, or as {@code 202} with the job's URL to poll ({@code GET /api/v1/jobs/{id}}).
     */
    @PostMapping("/attendance")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    ResponseEntity<Map<String, Object>> attendance(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestParam(required = false) String wait,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("attendance", realName::attendance, body, goodRowsOnly, type, wait);
    }

    @PostMapping("/payroll")
    @PreAuthorize("hasAuthority('payroll:data:import')")
    ResponseEntity<Map<String, Object>> payroll(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestParam(required = false) String wait,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("payroll", payroll::importFile, body, goodRowsOnly, type, wait);
    }

    @PostMapping("/disbursements")
    @PreAuthorize("hasAuthority('payroll:data:import')")
    ResponseEntity<Map<String, Object>> disbursements(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestParam(required = false) String wait,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("disbursements", disbursements::importFile, body, goodRowsOnly, type, wait);
    }

    /**
     * The special account's statement (the fifth format: labor-cost credits and balances), from its bank; all or
     * nothing — a statement has no row-by-row mode.
     */
    @PostMapping("/statements")
    @PreAuthorize("hasAuthority('payroll:statement:import')")
    ResponseEntity<Map<String, Object>> statements(HttpServletRequest body, @RequestParam(required = false) String wait,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("statements", statements::importFile, body, false, type, wait);
    }

    /** A job of the caller's: its phase and rows so far, and when done the import's answer as {@code result}. */
    @GetMapping("/jobs/{id}")
    @PreAuthorize("hasAnyAuthority('workforce:roster:import', 'payroll:data:import', 'payroll:statement:import')")
    ResponseEntity<Map<String, Object>> job(@PathVariable long id) {
        return jobs.find(id, CurrentOfficer.get().username()).map(job -> ResponseEntity.ok(ImportAnswers.job(job)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message",
                        text("workforce.import.job.notFound"))));
    }

    /** What the client waits for: the findings too, the import's commit, or at most a second. */
    private enum Wait {
        FINDINGS, COMMIT, SECOND;

        static Wait of(String wait, long bodySize) {
            if (wait == null || wait.isBlank()) {
                return bodySize <= WAIT_BELOW_BYTES ? FINDINGS : SECOND;
            }
            return switch (wait.trim().toLowerCase(Locale.ROOT)) {
                case "findings" -> FINDINGS;
                case "true" -> COMMIT;
                case "false" -> SECOND;
                default -> null;
            };
        }
    }

    private ResponseEntity<Map<String, Object>> run(String kind, Import importer, HttpServletRequest body,
            boolean goodRowsOnly, String type, String wait) {
        if (wait != null && Wait.of(wait, 0) == null) {
            return badRequest(kind, text("workforce.import.badWait"));
        }
        long limit = pipeline.limits(kind.equals("disbursements") ? "disbursement" : kind.equals("statements") ? "statement" : kind).maxBytes();
        SpooledUpload upload;
        try {
            upload = SpooledUpload.receive(body.getInputStream(), body.getContentLengthLong(), limit);
        } catch (IOException | UnreadableFileException e) {
            return refusal(kind, e);
        }
        Wait waiting = Wait.of(wait, upload.size());
        OfficerPrincipal officer = CurrentOfficer.get();
        String what = text(kind.equals("statements") ? "payroll.statement.what" : "workforce.import." + kind);
        java.util.function.Function<ImportProgress, ImportJobs.Result> work = progress -> {
            try (upload) {
                return answers.answer(kind, what, () -> importer.run(fileName(kind, type), upload.open(), goodRowsOnly,
                        officer, progress));
            }
        };
        if (waiting == Wait.FINDINGS) {
            ImportJobs.Result result = jobs.runHere(kind, fileName(kind, type), officer.username(), work);
            return ResponseEntity.status(result.status()).body(result.body());
        }
        if (waiting == Wait.COMMIT) {
            ImportJobs.Answered answered = jobs.runToCommit(kind, fileName(kind, type), officer.username(), work);
            return answer(answered.id(), answered.result());
        }
        long id = jobs.start(kind, fileName(kind, type), officer.username(), work);
        var result = jobs.await(id, java.time.Duration.ofSeconds(1));
        if (result.isPresent()) {
            return answer(id, result.get());
        }
        Map<String, Object> accepted = ImportAnswers.job(jobs.find(id, officer.username()).orElseThrow());
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/jobs/" + id).body(accepted);
    }

    /** An import's answer at its commit, with its job's URL: the findings are polled there when they are to follow. */
    private static ResponseEntity<Map<String, Object>> answer(long id, ImportJobs.Result result) {
        Map<String, Object> body = new LinkedHashMap<>(result.body());
        body.put("job", "/api/v1/jobs/" + id);
        return ResponseEntity.status(result.status()).body(body);
    }

    /** What is done with a body received whole and within the limit. */
    private interface Received {
        ResponseEntity<Map<String, Object>> handle(SpooledUpload upload) throws IOException;
    }

    /**
     * Receives the body up to the import's limit before anything else happens; past it the rest is never read
     * (413). A transfer cut short or an unreadable file is a 400 with its reason.
     */
    private ResponseEntity<Map<String, Object>> receive(String kind, HttpServletRequest body, Received then) {
        try (SpooledUpload upload = SpooledUpload.receive(body.getInputStream(), body.getContentLengthLong(),
                Limits.DEFAULT.maxBytes())) {
            return then.handle(upload);
        } catch (IOException | UnreadableFileException e) {
            return refusal(kind, e);
        }
    }

    /** 413 past the limit (reading stopped there), 400 for a transfer cut short or a file that cannot be read. */
    private ResponseEntity<Map<String, Object>> refusal(String kind, Exception e) {
        if (e instanceof FileTooLargeException) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("kind", kind);
            result.put("applied", false);
            result.put("message", e.getMessage());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(result);
        }
        return badRequest(kind, text("workforce.import.unreadable") + (e instanceof IOException
                ? text("workforce.import.interrupted") : e.getMessage()));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
