package org.wageguard.inspection.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.inspection.ChecklistTemplates;
import org.wageguard.inspection.InspectionRuleException;

/** The administrator's checklist templates: question, evidence to look at and answer type of every item. */
@Controller
class TemplateController {

    private final ChecklistTemplates templates;
    private final Texts texts;

    TemplateController(ChecklistTemplates templates, Texts texts) {
        this.templates = templates;
        this.texts = texts;
    }

    @GetMapping("/inspection/templates")
    @PreAuthorize("hasAuthority('inspection:template:edit')")
    String list(Model model) {
        model.addAttribute("templates", templates.templates().stream()
                .map(t -> java.util.Map.entry(t, templates.items(t.id()))).toList());
        model.addAttribute("answerTypes", java.util.List.of("YES_NO", "TEXT", "NUMBER"));
        return "inspection/templates";
    }

    @PostMapping("/inspection/templates/{id}/items")
    @PreAuthorize("hasAuthority('inspection:template:edit')")
    String add(@PathVariable long id, @RequestParam(required = false) String question,
            @RequestParam(required = false) String evidence, @RequestParam String answerType, RedirectAttributes redirect) {
        return saved(redirect, () -> templates.addItem(id, question, evidence, answerType));
    }

    @PostMapping("/inspection/items/{id}")
    @PreAuthorize("hasAuthority('inspection:template:edit')")
    String update(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String question,
            @RequestParam(required = false) String evidence, @RequestParam String answerType,
            @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        return saved(redirect, () -> templates.updateItem(id, version, question, evidence, answerType, enabled));
    }

    private String saved(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", texts.get("common.saved"));
        } catch (InspectionRuleException e) {
            redirect.addFlashAttribute("error", texts.get(e.getMessage()));
        }
        return "redirect:/inspection/templates";
    }
}
