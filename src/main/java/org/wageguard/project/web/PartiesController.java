package org.wageguard.project.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.employer.Employers;
import org.wageguard.project.ProjectParties;

/** Subcontractors, teams and the labor-cost transfer schedule of a project, edited on its page. */
@Controller
@PreAuthorize("hasAuthority('project:project:edit')")
class PartiesController {

    private final VisibleProjects visibleProjects;

    private final ProjectParties parties;
    private final Employers employers;
    private final MessageSource messages;
    private final org.wageguard.project.LaborCostTransfers transfers;

    PartiesController(ProjectParties parties, Employers employers, MessageSource messages,
            VisibleProjects visibleProjects, org.wageguard.project.LaborCostTransfers transfers) {
        this.visibleProjects = visibleProjects;
        this.transfers = transfers;
        this.parties = parties;
        this.employers = employers;
        this.messages = messages;
    }

    @PostMapping("/projects/{id}/subcontractors")
    String addSubcontractor(@PathVariable long id, @RequestParam(required = false) Long employerId,
            @RequestParam(required = false) String scopeOfWork, RedirectAttributes redirect) {
        visibleProjects.get(id);
        if (employerId == null || employers.find(employerId).isEmpty()) {
            return back(id, redirect, "error", "parties.employerRequired");
        }
        parties.addSubcontractor(id, employerId, trim(scopeOfWork));
        return back(id, redirect, "flash", "common.saved");
    }

    @PostMapping("/projects/{id}/subcontractors/{employerId}/remove")
    String removeSubcontractor(@PathVariable long id, @PathVariable long employerId, RedirectAttributes redirect) {
        visibleProjects.get(id);
        parties.removeSubcontractor(id, employerId);
        return back(id, redirect, "flash", "common.saved");
    }

    @PostMapping("/projects/{id}/teams")
    String addTeam(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String leaderName, @RequestParam(required = false) Long employerId,
            RedirectAttributes redirect) {
        visibleProjects.get(id);
        if (name == null || name.isBlank() || name.length() > 64) {
            return back(id, redirect, "error", "parties.teamNameRequired");
        }
        parties.addTeam(id, name.trim(), trim(leaderName), employerId);
        return back(id, redirect, "flash", "common.saved");
    }

    @PostMapping("/projects/{id}/teams/{teamId}/remove")
    String removeTeam(@PathVariable long id, @PathVariable long teamId, RedirectAttributes redirect) {
        visibleProjects.get(id);
        parties.removeTeam(id, teamId);
        return back(id, redirect, "flash", "common.saved");
    }

    @PostMapping("/projects/{id}/labor-schedule")
    String schedule(@PathVariable long id, @RequestParam(required = false) String month,
            @RequestParam(required = false) String amount, RedirectAttributes redirect) {
        visibleProjects.get(id);
        try {
            YearMonth m = YearMonth.parse(month == null ? "" : month.trim());
            BigDecimal a = new BigDecimal(amount == null ? "" : amount.trim().replace(",", ""));
            if (a.signum() < 0 || a.scale() > 2) {
                return back(id, redirect, "error", "project.money.format");
            }
            parties.schedule(id, m, a);
        } catch (DateTimeParseException e) {
            return back(id, redirect, "error", "parties.monthFormat");
        } catch (NumberFormatException e) {
            return back(id, redirect, "error", "project.money.format");
        }
        return back(id, redirect, "flash", "common.saved");
    }

    /** A transfer of labor cost into the special account, as the bank's statement shows it (rule 7 compares them). */
    @PostMapping("/projects/{id}/labor-transfers")
    String transfer(@PathVariable long id, @RequestParam(required = false) String month,
            @RequestParam(required = false) String transferredOn, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        visibleProjects.get(id);
        try {
            YearMonth m = YearMonth.parse(month == null ? "" : month.trim());
            java.time.LocalDate on = java.time.LocalDate.parse(transferredOn == null ? "" : transferredOn.trim());
            BigDecimal a = new BigDecimal(amount == null ? "" : amount.trim().replace(",", ""));
            if (a.signum() <= 0 || a.scale() > 2) {
                return back(id, redirect, "error", "project.money.format");
            }
            if (on.isAfter(java.time.LocalDate.now())) {
                return back(id, redirect, "error", "parties.transferFuture");
            }
            transfers.record(id, m, on, a, trim(reference));
        } catch (DateTimeParseException e) {
            return back(id, redirect, "error", "parties.transferDateFormat");
        } catch (NumberFormatException e) {
            return back(id, redirect, "error", "project.money.format");
        }
        return back(id, redirect, "flash", "common.saved");
    }

    @PostMapping("/projects/{id}/labor-schedule/{month}/remove")
    String unschedule(@PathVariable long id, @PathVariable String month, RedirectAttributes redirect) {
        visibleProjects.get(id);
        parties.unschedule(id, YearMonth.parse(month));
        return back(id, redirect, "flash", "common.saved");
    }


    private String back(long id, RedirectAttributes redirect, String kind, String key) {
        redirect.addFlashAttribute(kind, messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE));
        return "redirect:/projects/" + id + "#parties";
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
