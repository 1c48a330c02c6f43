package org.wageguard.portal.web;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wageguard.portal.PortalSubmissions;
import org.wageguard.portal.WageSelfService;

/**
 * A worker's own wage records: ID number and name, then the code sent to the phone on file; the verified worker stays
 * open in the session for fifteen minutes (the session id is renewed on verification).
 */
@Controller
@RequestMapping("/portal/wages")
class WageController {

    static final String WORKER = "portal.wages.worker";
    static final String UNTIL = "portal.wages.until";
    static final long MINUTES = 15;

    private final WageSelfService wages;
    private final org.wageguard.messaging.TextMessages messages;
    private final org.wageguard.identity.OperationLog operationLog;

    WageController(WageSelfService wages, org.wageguard.messaging.TextMessages messages,
            org.wageguard.identity.OperationLog operationLog) {
        this.wages = wages;
        this.messages = messages;
        this.operationLog = operationLog;
    }

    static Optional<Long> verified(HttpSession session) {
        Object worker = session.getAttribute(WORKER);
        Object until = session.getAttribute(UNTIL);
        if (worker instanceof Long id && until instanceof Instant end && Instant.now().isBefore(end)) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    @GetMapping
    String form(HttpSession session, Model model) {
        if (verified(session).isPresent()) {
            return "redirect:/portal/wages/records";
        }
        model.addAttribute("smsConfigured", wages.canSendCodes());
        return "portal/wages";
    }

    @PostMapping("/code")
    String code(@RequestParam String idNumber, @RequestParam String name, Model model, HttpServletRequest request) {
        model.addAttribute("smsConfigured", wages.canSendCodes());
        try {
            wages.requestCode(idNumber, name, request.getRemoteAddr());
            model.addAttribute("codeSent", true);
            model.addAttribute("idNumber", idNumber.trim());
        } catch (PortalSubmissions.RateLimited e) {
            model.addAttribute("errorKey", "portal.rateLimited");
        } catch (WageSelfService.SmsNotConfigured e) {
            model.addAttribute("errorKey", "portal.wages.smsNotConfigured");
        }
        return "portal/wages";
    }

    @PostMapping("/verify")
    String verify(@RequestParam String idNumber, @RequestParam String code, Model model, HttpServletRequest request) {
        try {
            Optional<Long> worker = wages.verify(idNumber, code, request.getRemoteAddr());
            if (worker.isPresent()) {
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                HttpSession session = request.getSession();
                session.setAttribute(WORKER, worker.get());
                session.setAttribute(UNTIL, Instant.now().plusSeconds(MINUTES * 60));
                return "redirect:/portal/wages/records";
            }
            model.addAttribute("errorKey", "portal.wages.wrongCode");
        } catch (PortalSubmissions.RateLimited e) {
            model.addAttribute("errorKey", "portal.rateLimited");
        }
        model.addAttribute("smsConfigured", wages.canSendCodes());
        model.addAttribute("codeSent", true);
        model.addAttribute("idNumber", idNumber.trim());
        return "portal/wages";
    }

    @GetMapping("/records")
    String records(HttpSession session, Model model) {
        Optional<Long> worker = verified(session);
        if (worker.isEmpty()) {
            return "redirect:/portal/wages";
        }
        model.addAttribute("records", wages.records(worker.get()));
        model.addAttribute("wageNotices", !messages.optedOut(worker.get()));
        return "portal/wage-records";
    }

    /** The verified worker turns the wage notices (工资到账提醒) off or on again; logged. */
    @PostMapping("/notices")
    String notices(@RequestParam boolean receive, HttpSession session) {
        Optional<Long> worker = verified(session);
        if (worker.isEmpty()) {
            return "redirect:/portal/wages";
        }
        messages.setOptOut(worker.get(), !receive, "worker");
        operationLog.record("PORTAL_SMS_OPT_OUT", "worker", worker.get(), receive ? "恢复工资到账提醒" : "退订工资到账提醒");
        return "redirect:/portal/wages/records";
    }

    /** The worker's own pay slip of one project-month (Decree 724 Art. 15); another worker's answers 404. */
    @GetMapping("/slip")
    String slip(@RequestParam long project, @RequestParam String month, HttpSession session, Model model) {
        Optional<Long> worker = verified(session);
        if (worker.isEmpty()) {
            return "redirect:/portal/wages";
        }
        java.time.YearMonth m;
        try {
            m = java.time.YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("slip", wages.slip(worker.get(), project, m).orElseThrow(
                () -> new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND)));
        return "portal/pay-slip";
    }

    @PostMapping("/leave")
    String leave(HttpSession session) {
        session.removeAttribute(WORKER);
        session.removeAttribute(UNTIL);
        return "redirect:/portal";
    }
}
