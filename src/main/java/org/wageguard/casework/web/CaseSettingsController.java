package org.wageguard.casework.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.casework.CaseClocks;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.CaseSupervision;
import org.wageguard.casework.Channel;
import org.wageguard.casework.WorkingDays;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;

/** The clocks of each channel, the supervision run on demand, and the working-day calendar. */
@Controller
class CaseSettingsController {

    private final CaseClocks clocks;
    private final CaseSupervision supervision;
    private final WorkingDays workingDays;
    private final OperationLog operationLog;
    private final MessageSource messages;

    CaseSettingsController(CaseClocks clocks, CaseSupervision supervision, WorkingDays workingDays,
            OperationLog operationLog, MessageSource messages) {
        this.clocks = clocks;
        this.supervision = supervision;
        this.workingDays = workingDays;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    @GetMapping("/cases/clocks")
    @PreAuthorize("hasAuthority('casework:clock:edit')")
    String clocks(Model model) {
        model.addAttribute("clocks", clocks.all());
        return "casework/clocks";
    }

    @PostMapping("/cases/clocks/{channel}")
    @PreAuthorize("hasAuthority('casework:clock:edit')")
    String setClock(@PathVariable Channel channel, @RequestParam(defaultValue = "0") int acceptDays,
            @RequestParam(defaultValue = "0") int firstContactDays, @RequestParam(defaultValue = "0") int coordinationDays,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        try {
            clocks.set(new CaseClocks.Clock(channel, acceptDays, firstContactDays, coordinationDays, version),
                    CurrentOfficer.get().username());
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/clocks";
    }

    /** Runs tonight's supervision now, for the leadership office or an inspector who wants it today. */
    @PostMapping("/cases/supervision/run")
    @PreAuthorize("hasAuthority('casework:case:assign')")
    String runSupervision(RedirectAttributes redirect) {
        CaseSupervision.Run run = supervision.run(CurrentOfficer.get().username());
        if (run.ran()) {
            redirect.addFlashAttribute("flash", messages.getMessage("clock.supervised", new Object[] {run.supervised()},
                    Locale.SIMPLIFIED_CHINESE));
        } else {
            redirect.addFlashAttribute("error", text("clock.busy"));
        }
        return "redirect:/cases/mine";
    }

    @GetMapping("/admin/calendar")
    @PreAuthorize("hasAnyAuthority('casework:calendar:edit','casework:calendar:view')")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("coverage", workingDays.coverage(LocalDate.now()));
        model.addAttribute("editable", org.wageguard.identity.CurrentOfficer.get().hasPermission("casework:calendar:edit"));
        model.addAttribute("days", workingDays.exceptions(y));
        model.addAttribute("workingDayCount", workingDays.between(LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31)));
        return "casework/calendar";
    }

    @PostMapping("/admin/calendar")
    @PreAuthorize("hasAuthority('casework:calendar:edit')")
    String setDay(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "HOLIDAY") String kind, @RequestParam(required = false) String name,
            RedirectAttributes redirect) {
        if (day == null || name == null || name.isBlank() || !(kind.equals("HOLIDAY") || kind.equals("WORKDAY"))) {
            redirect.addFlashAttribute("error", text("calendar.invalid"));
            return "redirect:/admin/calendar";
        }
        workingDays.set(day, kind.equals("WORKDAY"), name.trim(), CurrentOfficer.get().username());
        operationLog.record("CALENDAR_SET", "work_calendar", day, text("calendar.kind." + kind) + " " + day + " " + name.trim());
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    /** The year's provisional days are checked against the State Council's notice (核定). */
    @PostMapping("/admin/calendar/confirm")
    @PreAuthorize("hasAuthority('casework:calendar:edit')")
    String confirmYear(@RequestParam int year, RedirectAttributes redirect) {
        int n = workingDays.confirm(year);
        operationLog.record("CALENDAR_CONFIRM", "work_calendar", year, year + " 年暂定日期核定 " + n + " 天");
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/admin/calendar?year=" + year;
    }

    @PostMapping("/admin/calendar/{day}/remove")
    @PreAuthorize("hasAuthority('casework:calendar:edit')")
    String removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        workingDays.remove(day);
        operationLog.record("CALENDAR_REMOVE", "work_calendar", day, day.toString());
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
