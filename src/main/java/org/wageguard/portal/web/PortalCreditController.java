package org.wageguard.portal.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.CreditPublication;

/**
 * The public page of the credit lists (no login): the blacklist of MOHRSS Decree 45 and the key-attention list, each
 * entry only while published and in its term ({@link CreditPublication#inTerm}); the persons listed by name only.
 */
@Controller
class PortalCreditController {

    private final CreditPublication publication;
    private final Clock clock;

    PortalCreditController(CreditPublication publication, Clock clock) {
        this.publication = publication;
        this.clock = clock;
    }

    @GetMapping("/portal/credit")
    String credit(Model model) {
        LocalDate today = LocalDate.now(clock);
        var entries = publication.inTerm("", today);
        model.addAttribute("blacklist", entries.stream().filter(e -> e.kind() == CreditListKind.BLACKLIST).toList());
        model.addAttribute("keyAttention", entries.stream().filter(e -> e.kind() == CreditListKind.KEY_ATTENTION).toList());
        model.addAttribute("today", today);
        return "portal/credit";
    }
}
