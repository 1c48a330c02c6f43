package org.wageguard.retention.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.wageguard.retention.ErasureRequests;
import org.wageguard.retention.RetentionException;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.workforce.Workers;

/**
 * Deletion requests recorded by a labor inspector on a worker's behalf (the worker came with the ID card, or wrote),
 * and every request of the region with its answer and due date.
 */
@Controller
class ErasureController {

    private final ErasureRequests requests;
    private final Workers workers;
    private final MessageSource messages;
    private final Clock clock;

    ErasureController(ErasureRequests requests, Workers workers, MessageSource messages, Clock clock) {
        this.requests = requests;
        this.workers = workers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/retention/erasure")
    @PreAuthorize("hasAuthority('retention:erasure:handle')")
    String list(Model model) {
        model.addAttribute("requests", requests.inScope(CurrentOfficer.get().scope(), 200));
        model.addAttribute("today", LocalDate.now(clock));
        return "retention/erasure";
    }

    @PostMapping("/retention/erasure")
    @PreAuthorize("hasAuthority('retention:erasure:handle')")
    String record(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
            @RequestParam(required = false) String receivedOn, RedirectAttributes redirect) {
        OfficerPrincipal officer = CurrentOfficer.get();
        try {
            LocalDate received = receivedOn == null || receivedOn.isBlank() ? LocalDate.now(clock) : parse(receivedOn);
            long worker = workers.selfService(idNumber, name).map(Workers.SelfService::workerId)
                    .orElseThrow(() -> new RetentionException(text("erasure.workerNotFound")));
            ErasureRequests.Request r = requests.file(worker, officer.regionCode(), ErasureRequests.Channel.OFFICER,
                    received, officer.username());
            redirect.addFlashAttribute("flash", text("erasure.status." + r.status().name()) + "：" + r.answer());
        } catch (RetentionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (InvalidIdentifierException e) {
            redirect.addFlashAttribute("error", text("erasure.workerNotFound"));
        }
        return "redirect:/retention/erasure";
    }

    private LocalDate parse(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new RetentionException(text("erasure.dateFormat"));
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
