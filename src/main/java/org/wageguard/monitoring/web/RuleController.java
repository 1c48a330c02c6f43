package org.wageguard.monitoring.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.monitoring.MonitoringRuleException;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.RuleSettings;

/**
 * The rule catalogue with the parameters in force for the officer's region, editable by the leadership office of that
 * region (the change is audited and applies from the next evaluation).
 */
@Controller
class RuleController {

    private final RuleSettings settings;

    RuleController(RuleSettings settings) {
        this.settings = settings;
    }

    record RuleView(RuleCode code, RuleParameters params, boolean own, int version) {
    }

    @GetMapping("/monitoring/rules")
    @PreAuthorize("hasAuthority('monitoring:alert:view')")
    String rules(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        RuleSettings.Snapshot snapshot = settings.snapshot();
        List<RuleView> views = new ArrayList<>();
        for (RuleCode code : RuleCode.values()) {
            RuleParameters p = snapshot.of(code, me.regionCode());
            views.add(new RuleView(code, p, me.regionCode().equals(p.regionCode()), snapshot.version(code, me.regionCode())));
        }
        model.addAttribute("rules", views);
        model.addAttribute("region", me.regionCode());
        return "monitoring/rules";
    }

    @PostMapping("/monitoring/rules/{code}")
    @PreAuthorize("hasAuthority('monitoring:rule:edit')")
    String update(@PathVariable RuleCode code, @RequestParam int version,
            @RequestParam(defaultValue = "false") boolean enabled, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        Map<String, String> values = new HashMap<>();
        code.defaults().keySet().stream().filter(k -> form.get("p_" + k) != null)
                .forEach(k -> values.put(k, form.get("p_" + k)));
        try {
            settings.update(code, me.regionCode(), enabled, values, version, me.username());
            redirect.addFlashAttribute("flash", org.wageguard.shared.SharedMessages.chinese("messages/monitoring",
                    "monitoring.flash.ruleSaved", code.name()));
        } catch (MonitoringRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/rules#rule-" + code;
    }
}
