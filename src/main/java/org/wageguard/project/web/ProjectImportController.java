package org.wageguard.project.web;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.project.ProjectImport;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.ProblemReport;
import org.wageguard.shared.imports.TemplateWorkbook;
import org.wageguard.shared.imports.UnreadableFileException;
import org.wageguard.shared.imports.UploadedFiles;

/** Project import: the template, the upload (all-or-nothing or good rows only), and the rejected rows. */
@Controller
class ProjectImportController {

    private static final String PROBLEMS = ProjectImportController.class.getName() + ".problems";
    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProjectImport imports;
    private final MessageSource messages;

    ProjectImportController(ProjectImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/projects/import")
    @PreAuthorize("hasAuthority('project:project:edit')")
    String page() {
        return "project/import";
    }

    @GetMapping("/projects/import/template.xlsx")
    @PreAuthorize("hasAuthority('project:project:edit')")
    ResponseEntity<byte[]> template() {
        byte[] xlsx = TemplateWorkbook.create(text("import.sheet"), ProjectImport.COLUMNS, ProjectImport.exampleRows(),
                List.of(text("import.note.department"), text("import.note.employers"), text("import.note.money"),
                        text("import.note.dates")));
        return download(xlsx, text("import.templateName") + ".xlsx");
    }

    @PostMapping("/projects/import")
    @PreAuthorize("hasAuthority('project:project:edit')")
    String upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean goodRowsOnly, Model model, HttpSession session)
            throws IOException {
        if (UploadedFiles.problem(file) != null) {
            model.addAttribute("error", UploadedFiles.problem(file));
            return "project/import";
        }
        try {
            ProjectImport.Result result = imports.importFile(file.getOriginalFilename(), file.getInputStream(),
                    goodRowsOnly, CurrentOfficer.get());
            model.addAttribute("result", result);
            session.setAttribute(PROBLEMS, List.copyOf(result.problems()));
            if (result.applied()) {
                model.addAttribute("flash", messages.getMessage("import.done", new Object[] {result.created(),
                        result.updated(), result.problems().size()}, Locale.SIMPLIFIED_CHINESE));
            } else {
                model.addAttribute("error", messages.getMessage("import.refused",
                        new Object[] {result.problems().size()}, Locale.SIMPLIFIED_CHINESE));
            }
        } catch (UnreadableFileException e) {
            model.addAttribute("error", text("import.unreadable") + e.getMessage());
        }
        return "project/import";
    }

    @GetMapping("/projects/import/problems.xlsx")
    @PreAuthorize("hasAuthority('project:project:edit')")
    ResponseEntity<byte[]> problems(HttpSession session) {
        @SuppressWarnings("unchecked")
        List<Problem> problems = (List<Problem>) session.getAttribute(PROBLEMS);
        return download(ProblemReport.toXlsx(problems == null ? List.of() : problems, text("import.problemsTitle")),
                text("import.problemsName") + ".xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name) {
        return org.wageguard.identity.Downloads.xlsx(name, body);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
