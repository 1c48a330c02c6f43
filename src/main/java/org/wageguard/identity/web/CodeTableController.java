package org.wageguard.identity.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Dictionaries;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.imports.UploadedFiles;

/** Regions, industry sectors and dictionaries (代码表). */
@Controller
class CodeTableController {

    private static final String PROBLEMS = CodeTableController.class.getName() + ".problems";

    private final CodeTables codeTables;
    private final Dictionaries dictionaries;
    private final OperationLog operationLog;
    private final MessageSource messages;

    CodeTableController(CodeTables codeTables, Dictionaries dictionaries, OperationLog operationLog,
            MessageSource messages) {
        this.codeTables = codeTables;
        this.dictionaries = dictionaries;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    @GetMapping("/admin/regions")
    @PreAuthorize("hasAuthority('identity:code:view')")
    String regions(@RequestParam(required = false) String parent, Model model) {
        model.addAttribute("current", parent == null ? null : codeTables.region(parent).orElse(null));
        model.addAttribute("regions", codeTables.regions(parent));
        model.addAttribute("count", codeTables.regionCount());
        return "identity/regions";
    }

    @PostMapping("/admin/regions/import")
    @PreAuthorize("hasAuthority('identity:code:import')")
    String importRegions(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect,
            HttpSession session) throws IOException {
        if (UploadedFiles.problem(file) != null) {
            redirect.addFlashAttribute("error", UploadedFiles.problem(file));
            return "redirect:/admin/regions";
        }
        CodeTables.ImportResult result = codeTables.importRegions(file.getInputStream(),
                CurrentOfficer.get().username());
        if (result.accepted()) {
            operationLog.record("REGION_IMPORT", "region", null, "导入行政区划 " + result.imported() + " 条");
            redirect.addFlashAttribute("flash", text("region.imported", result.imported()));
            session.removeAttribute(PROBLEMS);
        } else {
            operationLog.recordOutcome("REGION_IMPORT", "region", null,
                    "导入行政区划被拒绝，错误 " + result.problems().size() + " 处", OperationLog.Result.FAILURE);
            redirect.addFlashAttribute("error", text("region.importFailed", result.problems().size()));
            redirect.addFlashAttribute("problems", result.problems());
            session.setAttribute(PROBLEMS, List.copyOf(result.problems()));
        }
        return "redirect:/admin/regions";
    }

    /** The rejected rows with their reasons, as a file the user can fix against. */
    @GetMapping("/admin/regions/import/problems.csv")
    @PreAuthorize("hasAuthority('identity:code:import')")
    ResponseEntity<byte[]> problems(HttpSession session) throws IOException {
        @SuppressWarnings("unchecked")
        List<CodeTables.RowProblem> problems = (List<CodeTables.RowProblem>) session.getAttribute(PROBLEMS);
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("行号", "列", "值", "原因").get())) {
            for (CodeTables.RowProblem p : problems == null ? List.<CodeTables.RowProblem>of() : problems) {
                csv.printRecord(p.row(), p.column(), p.value(), p.reason());
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("行政区划导入错误.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/sectors")
    @PreAuthorize("hasAuthority('identity:code:view')")
    String sectors(Model model) {
        model.addAttribute("sectors", codeTables.sectors());
        return "identity/sectors";
    }

    @GetMapping("/admin/dictionaries")
    @PreAuthorize("hasAuthority('identity:code:view')")
    String dictionaries(Model model) {
        model.addAttribute("dictionaries", dictionaries.all());
        return "identity/dictionaries";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
