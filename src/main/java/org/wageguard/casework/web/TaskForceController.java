package org.wageguard.casework.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.TaskForces;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Downloads;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.RegionCode;

/** Task forces: formed by the leadership office, their members, the duty roster and what they handled; the ledger. */
@Controller
class TaskForceController {

    private final TaskForces taskForces;
    private final Departments departments;
    private final TaskForceLedger ledger;
    private final MessageSource messages;

    TaskForceController(TaskForces taskForces, Departments departments, TaskForceLedger ledger,
            MessageSource messages) {
        this.taskForces = taskForces;
        this.departments = departments;
        this.ledger = ledger;
        this.messages = messages;
    }

    private static String prefix(OfficerPrincipal me) {
        return RegionCode.of(me.regionCode()).subtreePrefix();
    }

    @GetMapping("/taskforces")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String list(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("taskForces", listed(me).stream()
                .map(t -> new Object[] {t, taskForces.handled(t.id())}).toList());
        model.addAttribute("departments", departments.inRegion(prefix(me)));
        return "casework/task-forces";
    }

    /** The list's rows as the 台账 (Excel): the same task forces, the same scope, the same permission. */
    @GetMapping("/taskforces.xlsx")
    @PreAuthorize("hasAuthority('casework:case:view')")
    ResponseEntity<byte[]> export() {
        return Downloads.xlsx(text("taskforce.ledger.file"),
                ledger.toXlsx(listed(CurrentOfficer.get()), taskForces::handled));
    }

    /** What the list shows: the task forces of the officer's region and below. */
    private List<TaskForces.TaskForce> listed(OfficerPrincipal me) {
        return taskForces.list(prefix(me));
    }

    @PostMapping("/taskforces")
    @PreAuthorize("hasAuthority('casework:taskforce:edit')")
    String form(@RequestParam(required = false) String name, @RequestParam(required = false) Long leadDepartmentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receptionFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receptionTo,
            @RequestParam(required = false) String duties, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        try {
            long lead = leadDepartmentId == null ? me.departmentId() : department(leadDepartmentId, me);
            long id = taskForces.form(name, me.regionCode(), lead, periodFrom, periodTo, receptionFrom, receptionTo,
                    duties, me.username());
            redirect.addFlashAttribute("flash", text("common.saved"));
            return "redirect:/taskforces/" + id;
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/taskforces";
        }
    }

    private long department(long id, OfficerPrincipal me) {
        return departments.find(id).filter(d -> d.regionCode().startsWith(prefix(me))).map(Departments.Department::id)
                .orElseThrow(() -> new CaseRuleException(text("taskforce.departmentOutside")));
    }

    private TaskForces.TaskForce visible(long id) {
        return taskForces.find(id, prefix(CurrentOfficer.get()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/taskforces/{id}")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("t", visible(id));
        model.addAttribute("members", taskForces.members(id));
        model.addAttribute("roster", taskForces.roster(id));
        model.addAttribute("handled", taskForces.handled(id));
        model.addAttribute("departments", departments.inRegion(prefix(CurrentOfficer.get())));
        model.addAttribute("roles", TaskForces.Role.values());
        return "casework/task-force";
    }

    @PostMapping("/taskforces/{id}/members")
    @PreAuthorize("hasAuthority('casework:taskforce:edit')")
    String addMember(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) Long departmentId, @RequestParam(defaultValue = "MEMBER") TaskForces.Role role,
            @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        visible(id);
        try {
            if (departmentId == null) {
                throw new CaseRuleException(text("taskforce.departmentRequired"));
            }
            taskForces.addMember(id, name, department(departmentId, CurrentOfficer.get()), role, phone);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/taskforces/" + id;
    }

    @PostMapping("/taskforces/{id}/roster")
    @PreAuthorize("hasAuthority('casework:taskforce:edit')")
    String schedule(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Long memberId, @RequestParam(required = false) String location,
            RedirectAttributes redirect) {
        visible(id);
        try {
            if (memberId == null) {
                throw new CaseRuleException(text("taskforce.memberRequired"));
            }
            taskForces.schedule(id, day, memberId, location);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/taskforces/" + id + "#roster";
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
