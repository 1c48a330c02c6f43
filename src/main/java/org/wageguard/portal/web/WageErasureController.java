package org.wageguard.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wageguard.retention.ErasureRequests;
import org.wageguard.retention.RetentionException;

/**
 * The verified worker's requests to delete their personal data (《个人信息保护法》第四十七条) with their answers, and
 * the form to make one: the same verification as the wage records (ID number, name, code to the phone on file,
 * {@link WageController}); not verified, the worker is sent to that verification.
 */
@Controller
@RequestMapping("/portal/wages/erasure")
class WageErasureController {

    private final ErasureRequests erasures;
    private final Clock clock;

    WageErasureController(ErasureRequests erasures, Clock clock) {
        this.erasures = erasures;
        this.clock = clock;
    }

    @GetMapping
    String erasure(HttpSession session, Model model) {
        Optional<Long> worker = WageController.verified(session);
        if (worker.isEmpty()) {
            return "redirect:/portal/wages";
        }
        model.addAttribute("requests", erasures.ofWorker(worker.get()));
        return "portal/erasure";
    }

    @PostMapping
    String request(@RequestParam(defaultValue = "false") boolean confirmed, HttpSession session, Model model) {
        Optional<Long> worker = WageController.verified(session);
        if (worker.isEmpty()) {
            return "redirect:/portal/wages";
        }
        if (!confirmed) {
            model.addAttribute("errorKey", "portal.erasure.confirmFirst");
        } else {
            try {
                erasures.file(worker.get(), null, ErasureRequests.Channel.PORTAL, LocalDate.now(clock), "portal");
            } catch (RetentionException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        model.addAttribute("requests", erasures.ofWorker(worker.get()));
        return "portal/erasure";
    }
}
