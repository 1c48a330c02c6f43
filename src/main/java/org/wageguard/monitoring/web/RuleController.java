package org.wageguard.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
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
import org.wageguard.shared.SpringFestivals;

/**
 * The rule catalogue with the parameters in force for the officer's region today, editable by the leadership office of
 * that region from an effective date (生效日期; the change is audited, earlier months keep the values then in force),
 * with each rule's history of settings.
 */
@Controller
class RuleController {

    private final RuleSettings settings;
    private final SpringFestivals festivals;
    private final Clock clock;

    RuleController(RuleSettings settings, SpringFestivals festivals, Clock clock) {
        this.settings = settings;
        this.festivals = festivals;
        this.clock = clock;
    }

    /**
     * One rule on the page: the parameters in force today, whether they are the region's own, the version of the
     * region's settings, their history (with the regions above) and, for rule 12, this winter's window.
     */
    record RuleView(RuleCode code, RuleParameters params, boolean own, int version, List<RuleSettings.Setting> history,
            List<RuleSettings.Setting> scheduled, SpringFestivals.Window window) {
    }

    @GetMapping("/monitoring/rules")
    @PreAuthorize("hasAuthority('monitoring:alert:view')")
    String rules(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        RuleSettings.Snapshot snapshot = settings.snapshot();
        List<RuleView> views = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (RuleCode code : RuleCode.values()) {
            RuleParameters p = snapshot.of(code, me.regionCode());
            SpringFestivals.Window window = code != RuleCode.R12 ? null
                    : festivals.nextWindow(today, p.integer("daysBefore"), p.integer("daysAfter")).orElse(null);
            views.add(new RuleView(code, p, me.regionCode().equals(p.regionCode()), snapshot.version(code, me.regionCode()),
                    snapshot.history(code, me.regionCode()), snapshot.scheduled(code, me.regionCode()), window));
        }
        model.addAttribute("rules", views);
        model.addAttribute("region", me.regionCode());
        model.addAttribute("today", today);
        return "monitoring/rules";
    }

    @PostMapping("/monitoring/rules/{code}")
    @PreAuthorize("hasAuthority('monitoring:rule:edit')")
    String update(@PathVariable RuleCode code, @RequestParam int version,
            @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String effectiveFrom,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        Map<String, String> values = new HashMap<>();
        code.defaults().keySet().stream().filter(k -> form.get("p_" + k) != null)
                .forEach(k -> values.put(k, form.get("p_" + k)));
        try {
            LocalDate from = effectiveFrom(effectiveFrom);
            settings.update(code, me.regionCode(), enabled, values, from, version, me.username());
            redirect.addFlashAttribute("flash", org.wageguard.shared.SharedMessages.chinese("messages/monitoring",
                    "monitoring.flash.ruleSaved", code.name(), from.toString()));
        } catch (MonitoringRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/rules#rule-" + code;
    }

    /** The effective date typed (yyyy-MM-dd); today when left empty; a clear Chinese refusal otherwise. */
    private LocalDate effectiveFrom(String typed) {
        if (typed == null || typed.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(typed.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw MonitoringRuleException.of("param.effectiveFrom");
        }
    }
}
