package org.wageguard.reporting.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Downloads;
import org.wageguard.identity.OperationLog;
import org.wageguard.reporting.AssessmentPacks;
import org.wageguard.reporting.Assessments;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.StaleEditException;

/** The annual assessment (考核) with the self-score and evidence per indicator, and the pack for the inspectors. */
@Controller
class AssessmentController {

    private final Assessments assessments;
    private final AssessmentPacks packs;
    private final Departments departments;
    private final OperationLog operationLog;
    private final MessageSource messages;

    AssessmentController(Assessments assessments, AssessmentPacks packs, Departments departments, OperationLog operationLog,
            MessageSource messages) {
        this.assessments = assessments;
        this.packs = packs;
        this.departments = departments;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    private static String prefix() {
        return RegionCode.of(CurrentOfficer.get().regionCode()).subtreePrefix();
    }

    private Assessments.Assessment visible(long id) {
        return assessments.find(id, prefix()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/reports/assessment")
    @PreAuthorize("hasAuthority('reporting:assessment:view')")
    String list(Model model) {
        model.addAttribute("assessments", assessments.list(prefix()));
        return "reporting/assessments";
    }

    @PostMapping("/reports/assessment")
    @PreAuthorize("hasAuthority('reporting:assessment:edit')")
    String create(@RequestParam(defaultValue = "0") int year, @RequestParam(required = false) String title,
            @RequestParam(required = false) String issuedBy, @RequestParam(required = false) String issuedNumber,
            RedirectAttributes redirect) {
        try {
            long id = assessments.create(CurrentOfficer.get().regionCode(), year, title, issuedBy, issuedNumber,
                    CurrentOfficer.get().username());
            redirect.addFlashAttribute("flash", text("common.saved"));
            return "redirect:/reports/assessment/" + id;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", text("assessment.invalid." + e.getMessage()));
            return "redirect:/reports/assessment";
        }
    }

    @GetMapping("/reports/assessment/{id}")
    @PreAuthorize("hasAuthority('reporting:assessment:view')")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("p", assessments.pack(visible(id)));
        model.addAttribute("departments", departments.inRegion(prefix()));
        return "reporting/assessment";
    }

    @PostMapping("/reports/assessment/{id}/indicators")
    @PreAuthorize("hasAuthority('reporting:assessment:edit')")
    String addIndicator(@PathVariable long id, @RequestParam(defaultValue = "100") int sortOrder,
            @RequestParam(required = false) String category, @RequestParam(required = false) String content,
            @RequestParam(required = false) String criteria, @RequestParam(required = false) BigDecimal points,
            @RequestParam(required = false) String evidenceKey, RedirectAttributes redirect) {
        visible(id);
        try {
            assessments.addIndicator(id, sortOrder, category, content, criteria, points, evidenceKey,
                    CurrentOfficer.get().username());
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", text("assessment.invalid." + e.getMessage()));
        }
        return "redirect:/reports/assessment/" + id;
    }

    @PostMapping("/reports/assessment/{id}/indicators/{indicatorId}")
    @PreAuthorize("hasAuthority('reporting:assessment:edit')")
    String score(@PathVariable long id, @PathVariable long indicatorId, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) BigDecimal selfScore, @RequestParam(required = false) String evidenceNote,
            @RequestParam(required = false) String gap, @RequestParam(required = false) String measure,
            @RequestParam(required = false) Long responsibleId, RedirectAttributes redirect) {
        visible(id);
        if (responsibleId != null && departments.find(responsibleId).filter(d -> d.regionCode().startsWith(prefix())).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return saved(id, indicatorId, redirect, () -> assessments.score(id, indicatorId, version, selfScore, evidenceNote,
                gap, measure, responsibleId, CurrentOfficer.get().username()));
    }

    @PostMapping("/reports/assessment/{id}/indicators/{indicatorId}/edit")
    @PreAuthorize("hasAuthority('reporting:assessment:edit')")
    String editIndicator(@PathVariable long id, @PathVariable long indicatorId, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "100") int sortOrder, @RequestParam(required = false) String category,
            @RequestParam(required = false) String content, @RequestParam(required = false) String criteria,
            @RequestParam(required = false) BigDecimal points, @RequestParam(required = false) String evidenceKey,
            RedirectAttributes redirect) {
        visible(id);
        return saved(id, indicatorId, redirect, () -> assessments.editIndicator(id, indicatorId, version, sortOrder, category,
                content, criteria, points, evidenceKey, CurrentOfficer.get().username()));
    }

    @PostMapping("/reports/assessment/{id}/indicators/{indicatorId}/withdraw")
    @PreAuthorize("hasAuthority('reporting:assessment:edit')")
    String withdrawIndicator(@PathVariable long id, @PathVariable long indicatorId,
            @RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        visible(id);
        return saved(id, indicatorId, redirect,
                () -> assessments.withdrawIndicator(id, indicatorId, version, reason, CurrentOfficer.get().username()));
    }

    /** One way of saying how a change of an indicator went: saved, refused on its content, or stale. */
    private String saved(long id, long indicatorId, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", text("assessment.invalid." + e.getMessage()));
        } catch (StaleEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports/assessment/" + id + "#indicator-" + indicatorId;
    }

    @GetMapping("/reports/assessment/{id}/pack.xlsx")
    @PreAuthorize("hasAuthority('reporting:assessment:view')")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Assessments.Pack p = assessments.pack(visible(id));
        operationLog.record("ASSESSMENT_EXPORT", "assessment", id, "导出迎检材料（Excel）" + p.assessment().year());
        return Downloads.xlsx(fileName(p), packs.xlsx(p));
    }

    @GetMapping("/reports/assessment/{id}/pack.docx")
    @PreAuthorize("hasAuthority('reporting:assessment:view')")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        Assessments.Pack p = assessments.pack(visible(id));
        operationLog.record("ASSESSMENT_EXPORT", "assessment", id, "导出迎检材料（Word）" + p.assessment().year());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(p) + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(packs.docx(p));
    }

    private static String fileName(Assessments.Pack p) {
        return "迎检材料-" + p.regionName() + "-" + p.assessment().year();
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
