package org.wageguard.employer.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.employer.internal.EmployerImport;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.ProblemReport;
import org.wageguard.shared.imports.UnreadableFileException;
import org.wageguard.shared.imports.UploadedFiles;

/**
 * Excel/CSV import of employers from the downloadable template. The outcome shows on the page; the bad rows are
 * kept in the (database-backed) session so that the problem report can be downloaded as xlsx.
 */
@Controller
@RequestMapping("/employers/import")
class EmployerImportController {

    static final String PROBLEMS = EmployerImportController.class.getName() + ".problems";
    /** Rows shown on the page; the downloadable report holds every one. */
    static final int SHOWN = 50;

    private final EmployerImport imports;
    private final OperationLog operationLog;
    private final Support support;

    EmployerImportController(EmployerImport imports, OperationLog operationLog, Support support) {
        this.imports = imports;
        this.operationLog = operationLog;
        this.support = support;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('employer:employer:import')")
    String page() {
        return "employer/import";
    }

    @GetMapping("/template")
    @PreAuthorize("hasAuthority('employer:employer:import')")
    ResponseEntity<byte[]> template() {
        return support.download(imports.template(CurrentOfficer.get().scope()),
                support.text("employer.import.templateFile") + ".xlsx");
    }

    @PostMapping
    @PreAuthorize("hasAuthority('employer:employer:import')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean rowByRow,
            Model model, HttpSession session) {
        session.removeAttribute(PROBLEMS);
        if (UploadedFiles.problem(file) != null) {
            model.addAttribute("error", UploadedFiles.problem(file));
            return "employer/import";
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            EmployerImport.Outcome outcome = imports.run(name, file.getInputStream(), rowByRow,
                    CurrentOfficer.get().scope());
            model.addAttribute("outcome", outcome);
            model.addAttribute("shown", outcome.problems().stream().limit(SHOWN).toList());
            if (!outcome.problems().isEmpty()) {
                session.setAttribute(PROBLEMS, new java.util.ArrayList<>(outcome.problems()));
            }
        } catch (UnreadableFileException e) {
            operationLog.recordOutcome("EMPLOYER_IMPORT", "employer", null, "导入 " + name + " 无法读取：" + e.getMessage(),
                    OperationLog.Result.FAILURE);
            model.addAttribute("error", support.text("employer.import.unreadable", e.getMessage()));
        } catch (IOException e) {
            model.addAttribute("error", support.text("employer.import.uploadFailed"));
        }
        model.addAttribute("rowByRow", rowByRow);
        return "employer/import";
    }

    @GetMapping("/problems")
    @PreAuthorize("hasAuthority('employer:employer:import')")
    ResponseEntity<byte[]> problems(HttpSession session) {
        @SuppressWarnings("unchecked")
        List<Problem> problems = (List<Problem>) session.getAttribute(PROBLEMS);
        if (problems == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return support.download(ProblemReport.toXlsx(problems, support.text("employer.import.problemSheet")),
                support.text("employer.import.problemFile") + "-" + support.today() + ".xlsx");
    }
}
