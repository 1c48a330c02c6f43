package org.wageguard.casework.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.casework.CaseDecisions;
import org.wageguard.casework.CaseQueries;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;

/**
 * The case page's forms for the papers after the order to pay: the ground of a refused complaint (不予受理告知书), the
 * administrative decision, the penalty notice and decision, and the service of each (送达回证). Each checks the case's
 * data scope and the officer's permission on the server; the rules are {@link CaseDecisions}'.
 */
@Controller
class CaseDecisionController {

    private final CaseDecisions decisions;
    private final CaseQueries queries;
    private final MessageSource messages;

    CaseDecisionController(CaseDecisions decisions, CaseQueries queries, MessageSource messages) {
        this.decisions = decisions;
        this.queries = queries;
        this.messages = messages;
    }

    @PostMapping("/cases/{id}/refusal-ground")
    @PreAuthorize("hasAuthority('casework:case:accept')")
    String refusalGround(@PathVariable long id, @RequestParam(required = false) String ground,
            @RequestParam(required = false) String referTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate violationEndedOn,
            RedirectAttributes redirect) {
        return act(id, redirect, me -> decisions.recordRefusalGround(id, me, parse(CaseDecisions.RefusalGround.class, ground),
                referTo, violationEndedOn));
    }

    @PostMapping("/cases/{id}/decisions/{kind}")
    @PreAuthorize("hasAuthority('casework:case:order')")
    String decision(@PathVariable long id, @PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(required = false) String basis, @RequestParam(required = false) String fine,
            @RequestParam(required = false) String facts, RedirectAttributes redirect) {
        return act(id, redirect, me -> {
            switch (kind) {
                case "decision" -> decisions.recordDecision(id, me, decidedOn, deadline, facts);
                case "penalty-notice" -> decisions.recordPenaltyNotice(id, me, decidedOn,
                        parse(CaseDecisions.PenaltyBasis.class, basis), amount(fine), facts);
                case "penalty" -> decisions.recordPenalty(id, me, decidedOn, amount(fine), facts);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        });
    }

    @PostMapping("/cases/{id}/services")
    @PreAuthorize("hasAnyAuthority('casework:case:order','casework:case:accept')")
    String service(@PathVariable long id, @RequestParam(required = false) String documentKind,
            @RequestParam(required = false) String recipient, @RequestParam(required = false) String manner,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedOn,
            RedirectAttributes redirect) {
        return act(id, redirect, me -> decisions.recordService(id, me, documentKind == null ? "" : documentKind, recipient,
                parse(CaseDecisions.Manner.class, manner), place, servedOn));
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Consumer<OfficerPrincipal> step) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            step.accept(me);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#decisions";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private BigDecimal amount(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new CaseRuleException(messages.getMessage("case.rule.decisions.badAmount", new Object[] { value },
                    Locale.SIMPLIFIED_CHINESE));
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
