package org.wageguard.payroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.shared.imports.FileTooLargeException;
import org.wageguard.shared.imports.Limits;
import org.wageguard.shared.imports.SpooledUpload;
import org.wageguard.shared.imports.UnreadableFileException;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.RealNameImports;

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

    interface Import {
        ImportOutcome run(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer);
    }

    private final RealNameImports realName;
    private final PayrollImport payroll;
    private final DisbursementImport disbursements;
    private final MessageSource messages;

    DataApiController(RealNameImports realName, PayrollImport payroll, DisbursementImport disbursements,
            MessageSource messages) {
        this.realName = realName;
        this.payroll = payroll;
        this.disbursements = disbursements;
        this.messages = messages;
    }

    @PostMapping("/roster")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    ResponseEntity<Map<String, Object>> roster(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("roster", realName::roster, body, goodRowsOnly, type);
    }

    @PostMapping("/attendance")
    @PreAuthorize("hasAuthority('workforce:roster:import')")
    ResponseEntity<Map<String, Object>> attendance(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("attendance", realName::attendance, body, goodRowsOnly, type);
    }

    @PostMapping("/payroll")
    @PreAuthorize("hasAuthority('payroll:data:import')")
    ResponseEntity<Map<String, Object>> payroll(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("payroll", payroll::importFile, body, goodRowsOnly, type);
    }

    @PostMapping("/disbursements")
    @PreAuthorize("hasAuthority('payroll:data:import')")
    ResponseEntity<Map<String, Object>> disbursements(HttpServletRequest body, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestHeader(value = "Content-Type", required = false) String type) {
        return run("disbursements", disbursements::importFile, body, goodRowsOnly, type);
    }

    private ResponseEntity<Map<String, Object>> run(String kind, Import importer, HttpServletRequest body,
            boolean goodRowsOnly, String type) {
        String fileName = "api-" + kind + (type != null && type.startsWith(XLSX) ? ".xlsx" : ".csv");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind);
        // Received up to the import's limit before anything else happens; past it the rest is never read (413).
        try (SpooledUpload upload = SpooledUpload.receive(body.getInputStream(), body.getContentLengthLong(),
                Limits.DEFAULT.maxBytes())) {
            ImportOutcome outcome = importer.run(fileName, upload.open(), goodRowsOnly, CurrentOfficer.get());
            result.put("applied", outcome.applied());
            result.put("rows", outcome.rows());
            result.put("created", outcome.created());
            result.put("replaced", outcome.replaced());
            result.put("unchanged", outcome.unchanged());
            result.put("problems", outcome.problems());
            result.put("message", outcome.applied()
                    ? messages.getMessage("workforce.import.done", new Object[] {text("workforce.import." + kind),
                            outcome.rows(), outcome.created(), outcome.replaced(), outcome.unchanged(),
                            outcome.problems().size()}, Locale.SIMPLIFIED_CHINESE)
                    : messages.getMessage("workforce.import.refused", new Object[] {text("workforce.import." + kind),
                            outcome.problems().size()}, Locale.SIMPLIFIED_CHINESE));
            return ResponseEntity.status(outcome.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
        } catch (FileTooLargeException e) {
            result.put("applied", false);
            result.put("message", e.getMessage());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(result);
        } catch (IOException e) {
            result.put("applied", false);
            result.put("message", text("workforce.import.unreadable") + "上传的文件无法读取（传输中断），请重新上传。");
            return ResponseEntity.badRequest().body(result);
        } catch (UnreadableFileException e) {
            result.put("applied", false);
            result.put("message", text("workforce.import.unreadable") + e.getMessage());
            return ResponseEntity.badRequest().body(result);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
