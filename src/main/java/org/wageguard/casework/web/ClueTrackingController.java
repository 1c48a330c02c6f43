package org.wageguard.casework.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.wageguard.casework.CaseQueries;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.ClueTracking;
import org.wageguard.casework.Consultations;
import org.wageguard.casework.DocumentPrefixes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * Tracking a matter after it is handled (follow-up visits, re-checks), the consultation log, and the regions'
 * document prefixes. Each form checks the permission here and the data scope in the service.
 */
@Controller
class ClueTrackingController {

    private final ClueTracking tracking;
    private final Consultations consultations;
    private final DocumentPrefixes prefixes;
    private final CaseQueries queries;
    private final MessageSource messages;

    ClueTrackingController(ClueTracking tracking, Consultations consultations, DocumentPrefixes prefixes,
            CaseQueries queries, MessageSource messages) {
        this.tracking = tracking;
        this.consultations = consultations;
        this.prefixes = prefixes;
        this.queries = queries;
        this.messages = messages;
    }

    @PostMapping("/cases/{id}/follow-ups")
    @PreAuthorize("hasAnyAuthority('casework:case:close','casework:case:answer')")
    String followUp(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
            @RequestParam(required = false) ClueTracking.Manner manner, @RequestParam(required = false) Boolean satisfied,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            tracking.recordFollowUp(id, me, visitedOn, manner, satisfied, note);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#tracking";
    }

    @PostMapping("/cases/{id}/rechecks")
    @PreAuthorize("hasAuthority('casework:case:close')")
    String recheck(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) ClueTracking.RequestedBy requestedBy, @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
            @RequestParam(required = false) ClueTracking.Result result, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            tracking.recordRecheck(id, version, me, requestedBy, reason, checkedOn, result, note);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#tracking";
    }

    @GetMapping("/cases/consultations")
    @PreAuthorize("hasAuthority('casework:consultation:record')")
    String consultations(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate today = LocalDate.now();
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("today", today);
        model.addAttribute("count", consultations.count(Consultations.scopeOf(me), f, t));
        model.addAttribute("consultations", consultations.list(Consultations.scopeOf(me), f, t));
        model.addAttribute("ways", Consultations.Way.values());
        model.addAttribute("topics", Consultations.Topic.values());
        return "casework/consultations";
    }

    @PostMapping("/cases/consultations")
    @PreAuthorize("hasAuthority('casework:consultation:record')")
    String consult(@RequestParam(required = false) Consultations.Way channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consultedOn,
            @RequestParam(required = false) String person, @RequestParam(required = false) String phone,
            @RequestParam(required = false) Consultations.Topic topic, @RequestParam(required = false) String question,
            @RequestParam(required = false) String answer, @RequestParam(required = false) String employerName,
            RedirectAttributes redirect) {
        try {
            consultations.record(CurrentOfficer.get(), new Consultations.Entry(channel, consultedOn, person, phone, topic,
                    question, answer, employerName));
            redirect.addFlashAttribute("flash", text("consultation.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/consultations";
    }

    @GetMapping("/cases/consultations.xlsx")
    @PreAuthorize("hasAuthority('casework:consultation:record')")
    ResponseEntity<byte[]> consultationsXlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate today = LocalDate.now();
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        List<List<?>> rows = new ArrayList<>();
        for (Consultations.Consultation c : consultations.list(Consultations.scopeOf(me), f, t)) {
            rows.add(Arrays.asList(c.consultedOn(), text("consultation.channel." + c.channel()), c.person(), c.phoneMasked(),
                    text("consultation.topic." + c.topic()), c.employerName(), c.question(), c.answer(), c.recordedBy()));
        }
        byte[] xlsx = LedgerWorkbook.toXlsx(text("consultation.title"), List.of(text("consultation.consultedOn"),
                text("consultation.channelLabel"), text("consultation.person"), text("consultation.phone"),
                text("consultation.topicLabel"), text("consultation.employer"), text("consultation.questionLabel"),
                text("consultation.answerLabel"), text("consultation.recordedBy")), rows);
        return ClueController.xlsx(xlsx, text("consultation.file") + "-" + f + "-" + t + ".xlsx");
    }

    @GetMapping("/cases/prefixes")
    @PreAuthorize("hasAuthority('casework:prefix:edit')")
    String prefixes(Model model) {
        model.addAttribute("settings", prefixes.settings(RegionCode.of(CurrentOfficer.get().regionCode()).subtreePrefix()));
        return "casework/prefixes";
    }

    @PostMapping("/cases/prefixes/{regionCode}")
    @PreAuthorize("hasAuthority('casework:prefix:edit')")
    String setPrefix(@PathVariable String regionCode, @RequestParam(required = false) String prefix,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        try {
            prefixes.set(RegionCode.of(me.regionCode()).subtreePrefix(), regionCode, prefix, version, me.username());
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/prefixes";
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
