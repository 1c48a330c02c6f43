package org.wageguard.activity.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.activity.Activities;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.RegionCode;

/** Meetings and publicity/training events: the list of a period, the form, and an event with its decisions. */
@Controller
class ActivityController {

    private final Activities activities;
    private final Departments departments;
    private final MessageSource messages;

    ActivityController(Activities activities, Departments departments, MessageSource messages) {
        this.activities = activities;
        this.departments = departments;
        this.messages = messages;
    }

    private static String prefix(OfficerPrincipal me) {
        return RegionCode.of(me.regionCode()).subtreePrefix();
    }

    @GetMapping("/activities")
    @PreAuthorize("hasAuthority('activity:activity:view')")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate f = from == null ? LocalDate.of(2021, 1, 1) : from;
        LocalDate t = to == null ? LocalDate.now() : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("activities", activities.list(prefix(me), f, t));
        model.addAttribute("totals", activities.totals(prefix(me), f, t));
        model.addAttribute("kinds", Activities.Kind.values());
        model.addAttribute("departments", departments.inRegion(prefix(me)));
        return "activity/activities";
    }

    /** The activities of the period as the 台账 (Excel), with the list's period. */
    @GetMapping("/activities.xlsx")
    @PreAuthorize("hasAuthority('activity:activity:view')")
    org.springframework.http.ResponseEntity<byte[]> ledger(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate f = from == null ? LocalDate.of(2021, 1, 1) : from;
        LocalDate t = to == null ? LocalDate.now() : to;
        java.util.List<java.util.List<?>> rows = new java.util.ArrayList<>();
        for (Activities.Activity a : activities.list(prefix(me), f, t)) {
            rows.add(java.util.List.of(a.heldOn(), text("activity.kind." + a.kind()), a.title(), a.convenorName(),
                    a.organisers() == null ? "" : a.organisers(), a.audience() == null ? "" : a.audience(), a.participants(),
                    a.materials(), a.consultations(), a.media() == null ? "" : a.media(), a.summary() == null ? "" : a.summary()));
        }
        java.util.List<String> headers = java.util.stream.Stream.of("activity.heldOn", "activity.kind", "activity.name",
                "activity.convenor", "activity.organisers", "activity.audience", "activity.participants",
                "activity.materials", "activity.consultations", "activity.media", "activity.summary").map(this::text).toList();
        byte[] xlsx = org.wageguard.shared.imports.LedgerWorkbook.toXlsx(text("activity.title"), headers, rows);
        return org.wageguard.identity.Downloads.xlsx(text("activity.ledgerFile"), xlsx);
    }

    @PostMapping("/activities")
    @PreAuthorize("hasAuthority('activity:activity:edit')")
    String record(@RequestParam(required = false) Activities.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String title, @RequestParam(required = false) Long convenorId,
            @RequestParam(required = false) String organisers, @RequestParam(required = false) String audience,
            @RequestParam(defaultValue = "0") int participants, @RequestParam(defaultValue = "0") int materials,
            @RequestParam(defaultValue = "0") int consultations, @RequestParam(required = false) String media,
            @RequestParam(required = false) String summary, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        Long convenor = convenorId == null ? me.departmentId() : convenorId;
        if (convenor == null || departments.find(convenor).filter(d -> d.regionCode().startsWith(prefix(me))).isEmpty()) {
            redirect.addFlashAttribute("error", text("activity.invalid.convenorId"));
            return "redirect:/activities";
        }
        try {
            long id = activities.record(new Activities.Draft(kind, heldOn, title, me.regionCode(), convenor, organisers,
                    audience, participants, materials, consultations, media, summary), me.username());
            redirect.addFlashAttribute("flash", text("common.saved"));
            return "redirect:/activities/" + id;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", text("activity.invalid." + e.getMessage()));
            return "redirect:/activities";
        }
    }

    @GetMapping("/activities/{id}")
    @PreAuthorize("hasAuthority('activity:activity:view')")
    String detail(@PathVariable long id, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("a", activities.find(id, prefix(me)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("decisions", activities.decisions(id));
        model.addAttribute("departments", departments.inRegion(prefix(me)));
        model.addAttribute("targets", activities.targets(id));
        model.addAttribute("channels", Activities.Channel.values());
        return "activity/activity";
    }

    /** Ongoing publicity: the end date, the channel and the reach (the start is the event's date). */
    @PostMapping("/activities/{id}/ongoing")
    @PreAuthorize("hasAuthority('activity:activity:edit')")
    String ongoing(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) Activities.Channel channel, @RequestParam(required = false) Integer reach,
            RedirectAttributes redirect) {
        activities.find(id, prefix(CurrentOfficer.get())).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return attempt(id, redirect, () -> activities.ongoing(id, endsOn, channel, reach));
    }

    /** A project (by code) or an enterprise (by credit code) the training trained. */
    @PostMapping("/activities/{id}/targets")
    @PreAuthorize("hasAuthority('activity:activity:edit')")
    String target(@PathVariable long id, @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) String creditCode, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        activities.find(id, prefix(me)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return attempt(id, redirect, () -> activities.addTarget(id, prefix(me), projectCode, creditCode));
    }

    private String attempt(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", text("activity.invalid." + e.getMessage()));
        }
        return "redirect:/activities/" + id;
    }

    @PostMapping("/activities/{id}/decisions")
    @PreAuthorize("hasAuthority('activity:activity:edit')")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) Long followUpId, RedirectAttributes redirect) {
        activities.find(id, prefix(CurrentOfficer.get())).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            activities.decide(id, decision, followUpId);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", text("activity.invalid." + e.getMessage()));
        }
        return "redirect:/activities/" + id;
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
