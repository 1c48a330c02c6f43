package org.wageguard.workforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.shared.imports.ImportConflictException;
import org.wageguard.shared.imports.ImportJobs;
import org.wageguard.shared.imports.UnreadableFileException;

/**
 * The answer of an import, the same for the API and the pages: 200 applied, 422 refused with its bad rows (the first
 * thousand; the downloadable report has them all), 400 unreadable, 409 when another import of the same project-month
 * was being applied. The import's whole {@link ImportOutcome} travels with it for the page's problem report.
 */
@Component
public class ImportAnswers {

    private final MessageSource messages;

    ImportAnswers(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs an import and answers it; {@code what} is the file's name for users, e.g. 考勤. */
    public ImportJobs.Result answer(String kind, String what, Supplier<ImportOutcome> run) {
        ImportOutcome outcome;
        try {
            outcome = run.get();
        } catch (ImportConflictException e) {
            return new ImportJobs.Result(409, refusal(kind, e.getMessage()));
        } catch (UnreadableFileException e) {
            return new ImportJobs.Result(400, refusal(kind, text("workforce.import.unreadable") + e.getMessage()));
        } catch (IllegalArgumentException e) {
            // A request the import refuses as such (a roster's effective date in the future).
            return new ImportJobs.Result(400, refusal(kind, e.getMessage()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind);
        result.put("applied", outcome.applied());
        result.put("rows", outcome.rows());
        result.put("created", outcome.created());
        result.put("replaced", outcome.replaced());
        result.put("unchanged", outcome.unchanged());
        result.put("left", outcome.left());
        result.put("problems", outcome.shownProblems());
        result.put("problem_count", outcome.problemCount());
        result.put("reconciled", outcome.reconciled().stream().map(pm -> {
            String[] parts = pm.split(":");
            return Map.of("project_id", Long.parseLong(parts[0]), "month", parts[1]);
        }).toList());
        result.put("findings_ready", outcome.applied() && !outcome.findingsPending());
        result.put("message", message(what, outcome));
        return new ImportJobs.Result(outcome.applied() ? 200 : 422, result, outcome);
    }

    /** The sentence of an outcome: what was written, or why nothing was; and that the findings are ready. */
    public String message(String what, ImportOutcome outcome) {
        if (!outcome.applied()) {
            return messages.getMessage("workforce.import.refused", new Object[] {what, outcome.problemCount()},
                    Locale.SIMPLIFIED_CHINESE);
        }
        String done = messages.getMessage("workforce.import.done", new Object[] {what, outcome.rows(), outcome.created(),
                outcome.replaced(), outcome.unchanged(), outcome.problemCount()}, Locale.SIMPLIFIED_CHINESE);
        return outcome.reconciled().isEmpty() ? done : done + messages.getMessage(outcome.findingsPending()
                ? "workforce.import.reconciling" : "workforce.import.reconciled",
                new Object[] {outcome.reconciled().size()}, Locale.SIMPLIFIED_CHINESE);
    }

    private Map<String, Object> refusal(String kind, String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind);
        result.put("applied", false);
        result.put("message", message);
        return result;
    }

    /** A job as the API shows it: {@code result} and its {@code status} once done. */
    public static Map<String, Object> job(ImportJobs.Job job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("job", "/api/v1/jobs/" + job.id());
        body.put("kind", job.kind());
        body.put("state", job.state());
        body.put("phase", job.phase());
        body.put("rows_read", job.rowsRead());
        body.put("rows_checked", job.rowsChecked());
        body.put("rows_applied", job.rowsApplied());
        body.put("findings_ready", job.findingsReadyAt() != null);
        if (job.findingsReadyAt() != null) {
            body.put("findings_ready_at", job.findingsReadyAt().toString());
        }
        if (!job.running()) {
            body.put("status", job.status());
            body.put("result", job.result());
            body.put("message", job.message());
        }
        return body;
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

}
