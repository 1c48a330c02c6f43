package org.wageguard.retention.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.retention.RetentionException;
import org.wageguard.retention.RetentionPolicies;
import org.wageguard.retention.RetentionRuns;
import org.wageguard.shared.retention.RetentionKind;

/**
 * The system administrator's retention page (保存期限): every kind of record with its legal minimum and the article
 * that sets it, the region's keeping (changeable, never below the minimum), the term for answering deletion requests,
 * and the runs of the nightly job with what each anonymised. The system administrator sets configuration (三员分立);
 * the audit administrator audits every change and run in the operation log.
 */
@Controller
class RetentionController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RetentionPolicies policies;
    private final RetentionRuns runs;
    private final MessageSource messages;
    private final Clock clock;

    RetentionController(RetentionPolicies policies, RetentionRuns runs, MessageSource messages, Clock clock) {
        this.policies = policies;
        this.runs = runs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/retention")
    @PreAuthorize("hasAuthority('retention:policy:manage')")
    String page(Model model) {
        String region = CurrentOfficer.get().regionCode();
        model.addAttribute("region", region);
        model.addAttribute("policies", policies.policies(region));
        model.addAttribute("answerDays", policies.answerDays(region));
        model.addAttribute("defaultAnswerDays", RetentionPolicies.DEFAULT_ANSWER_DAYS);
        model.addAttribute("runs", runs.recent(30));
        model.addAttribute("zone", ZONE);
        return "retention/retention";
    }

    @PostMapping("/admin/retention/policy")
    @PreAuthorize("hasAuthority('retention:policy:manage')")
    String save(@RequestParam(required = false) String kind, @RequestParam(required = false) String months, RedirectAttributes redirect) {
        OfficerPrincipal officer = CurrentOfficer.get();
        try {
            RetentionKind k = kind(kind);
            policies.set(officer.regionCode(), k, number(months, "retention.monthsNumber"), officer.username());
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (RetentionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/retention";
    }

    @PostMapping("/admin/retention/answer-term")
    @PreAuthorize("hasAuthority('retention:policy:manage')")
    String answerTerm(@RequestParam(required = false) String days, RedirectAttributes redirect) {
        OfficerPrincipal officer = CurrentOfficer.get();
        try {
            policies.setAnswerDays(officer.regionCode(), number(days, "retention.answerDaysRange"), officer.username());
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (RetentionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/retention";
    }

    @PostMapping("/admin/retention/run")
    @PreAuthorize("hasAuthority('retention:policy:manage')")
    String run(RedirectAttributes redirect) {
        RetentionRuns.Run run = runs.run(LocalDate.now(clock), CurrentOfficer.get().username(), true);
        redirect.addFlashAttribute("flash", messages.getMessage("retention.ran", new Object[] {run.total()},
                Locale.SIMPLIFIED_CHINESE));
        return "redirect:/admin/retention";
    }

    private RetentionKind kind(String value) {
        try {
            return RetentionKind.valueOf(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw new RetentionException(text("retention.unknownKind"));
        }
    }

    private int number(String value, String messageKey) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new RetentionException(text(messageKey));
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
