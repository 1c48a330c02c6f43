package org.wageguard.workforce;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.imports.ImportJobs;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.shared.imports.SpooledUpload;
import org.wageguard.shared.imports.UnreadableFileException;

/**
 * A streamed import uploaded on the submission page: the file is received (up to its kind's limit) and imported as a
 * job. Done within a second, the page shows the outcome as it always did; otherwise the officer is taken to the job's
 * page, which shows its progress and then its result (and survives a reload).
 */
@Component
public class ImportUploads {

    /** One import of a received file. */
    public interface Importer {
        ImportOutcome run(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer,
                ImportProgress progress);
    }

    /** Files up to this size (about 5,000 rows) are answered on the page when done, however long that takes. */
    static final long WAIT_BELOW_BYTES = 256 * 1024;

    private final ImportJobs jobs;
    private final ImportAnswers answers;
    private final ImportPipeline pipeline;

    ImportUploads(ImportJobs jobs, ImportAnswers answers, ImportPipeline pipeline) {
        this.jobs = jobs;
        this.answers = answers;
        this.pipeline = pipeline;
    }

    /**
     * Imports the upload; returns the view to redirect to.
     *
     * @param kind the file's kind as in the URLs (attendance, payroll, disbursements)
     * @param what the file's name for users (考勤)
     */
    public String upload(String kind, String what, MultipartFile file, boolean goodRowsOnly, Importer importer,
            HttpSession session, RedirectAttributes redirect, String unreadablePrefix) throws IOException {
        SpooledUpload upload;
        try {
            upload = SpooledUpload.receive(file.getInputStream(), file.getSize(),
                    pipeline.limits(kind.equals("disbursements") ? "disbursement" : kind).maxBytes());
        } catch (UnreadableFileException e) {
            redirect.addFlashAttribute("error", unreadablePrefix + e.getMessage());
            return "redirect:/workforce/imports";
        }
        OfficerPrincipal officer = CurrentOfficer.get();
        String name = file.getOriginalFilename();
        java.util.function.Function<ImportProgress, ImportJobs.Result> work = progress -> {
            try (upload) {
                return answers.answer(kind, what, () -> importer.run(name, upload.open(), goodRowsOnly, officer, progress));
            }
        };
        // A small file is answered on the page whatever the server's load; a larger one after a second at most.
        if (upload.size() <= WAIT_BELOW_BYTES) {
            show(jobs.runHere(kind, name, officer.username(), work), what, session, redirect);
            return "redirect:/workforce/imports";
        }
        long id = jobs.start(kind, name, officer.username(), work);
        var result = jobs.await(id, Duration.ofSeconds(1));
        // Applied but still being reconciled: the job's page shows the result and then when the findings are ready.
        if (result.isEmpty() || !jobs.awaitFindings(id, Duration.ZERO)) {
            return "redirect:/workforce/imports/jobs/" + id;
        }
        show(result.get(), what, session, redirect);
        jobs.takeAttachment(id);
        return "redirect:/workforce/imports";
    }

    /** Puts a result on the submission page after the redirect and keeps its bad rows for the report download. */
    public static void show(ImportJobs.Result result, String what, HttpSession session, RedirectAttributes redirect) {
        if (result.attachment() instanceof ImportOutcome outcome) {
            session.setAttribute(ImportOutcome.PROBLEMS_SESSION_KEY, List.copyOf(outcome.problems()));
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("outcomeKind", what);
            redirect.addFlashAttribute(outcome.applied() ? "flash" : "error", result.message());
        } else {
            redirect.addFlashAttribute("error", result.message());
        }
    }
}
