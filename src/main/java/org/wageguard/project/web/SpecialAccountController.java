package org.wageguard.project.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
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
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.project.SpecialAccounts;

/**
 * The binding of a project's special account to its bank: set by the industry department, proposed by the contractor,
 * confirmed or turned down by the industry department or the bank named; and the bank's own list of its accounts.
 * Who may do what is decided (and every refusal logged) by {@link SpecialAccounts}; an officer refused the act itself
 * is answered 403 with the reason, a request refused on its content goes back to the page with it.
 */
@Controller
class SpecialAccountController {

    private final VisibleProjects visibleProjects;
    private final SpecialAccounts specialAccounts;
    private final MessageSource messages;

    SpecialAccountController(VisibleProjects visibleProjects, SpecialAccounts specialAccounts, MessageSource messages) {
        this.visibleProjects = visibleProjects;
        this.specialAccounts = specialAccounts;
        this.messages = messages;
    }

    @PostMapping("/projects/{id}/special-account/binding")
    @PreAuthorize("hasAuthority('project:account:bind')")
    String bind(@PathVariable long id, @RequestParam(required = false) String bankCreditCode,
            @RequestParam(required = false) String accountNumber, RedirectAttributes redirect) {
        visibleProjects.get(id);
        decide(redirect, "special.done.bound", () -> {
            specialAccounts.bind(id, bankCreditCode, accountNumber, CurrentOfficer.get());
            return id;
        });
        return project(id);
    }

    @PostMapping("/projects/{id}/special-account/proposal")
    @PreAuthorize("hasAuthority('project:account:propose')")
    String propose(@PathVariable long id, @RequestParam(required = false) String bankCreditCode,
            @RequestParam(required = false) String accountNumber, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        visibleProjects.get(id);
        decide(redirect, "special.done.proposed", () -> {
            specialAccounts.propose(id, bankCreditCode, accountNumber, note, CurrentOfficer.get());
            return id;
        });
        return project(id);
    }

    @PostMapping("/projects/{id}/special-account/end")
    @PreAuthorize("hasAuthority('project:account:bind')")
    String end(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        visibleProjects.get(id);
        decide(redirect, "special.done.ended", () -> specialAccounts.end(id, reason, CurrentOfficer.get()));
        return project(id);
    }

    @PostMapping("/special-account/bindings/{bindingId}/confirm")
    @PreAuthorize("hasAnyAuthority('project:account:bind', 'project:account:confirm')")
    String confirm(@PathVariable long bindingId, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        return back(me, decide(redirect, "special.done.confirmed", () -> specialAccounts.confirm(bindingId, me)));
    }

    @PostMapping("/special-account/bindings/{bindingId}/reject")
    @PreAuthorize("hasAnyAuthority('project:account:bind', 'project:account:confirm')")
    String reject(@PathVariable long bindingId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        return back(me, decide(redirect, "special.done.rejected", () -> specialAccounts.reject(bindingId, reason, me)));
    }

    /**
     * Carries out one act on a binding and says how it went: done (the message under {@code doneKey}), refused on its
     * content (the reason on the page), or refused to this officer (403 with the reason).
     *
     * @return the project acted on, or null when the act was refused
     */
    private Long decide(RedirectAttributes redirect, String doneKey, java.util.function.Supplier<Long> act) {
        try {
            Long project = act.get();
            redirect.addFlashAttribute("flash", text(doneKey));
            return project;
        } catch (SpecialAccounts.DeniedException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (SpecialAccounts.RefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return null;
        }
    }

    /** A bank's own special accounts: those bound to it now, and the proposals that name it. */
    @GetMapping("/bank/accounts")
    @PreAuthorize("hasAuthority('project:account:confirm')")
    String bankAccounts(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("accounts", specialAccounts.ofBank(me.scope().organisationCode()));
        model.addAttribute("organisation", me.organisationName());
        return "project/bank-accounts";
    }

    /** The industry department goes back to the project; a bank (which sees no project page) to its accounts. */
    private static String back(OfficerPrincipal me, Long project) {
        if (project == null || !me.hasPermission("project:project:view")) {
            return me.hasPermission("project:account:confirm") ? "redirect:/bank/accounts" : "redirect:/projects";
        }
        return project(project);
    }

    private static String project(long id) {
        return "redirect:/projects/" + id + "#special-account";
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
