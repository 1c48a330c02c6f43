package org.wageguard.casework.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.StationMatters;
import org.wageguard.employer.Employers;
import org.wageguard.employer.Grids;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OutOfScopeException;

/**
 * The town labor-security station's pages (乡镇/街道劳动保障所): its queue of grid clues, a matter with its mediation
 * agreement, payments, settlement and handover, and its ledger with the town's grids and employers; and the bureau's
 * list of handovers to acknowledge (签收) with the region's acknowledgement deadline. Every matter is read within the
 * officer's data scope (a station officer's is the town): another town's matter answers 404.
 */
@Controller
class StationController {

    private final StationMatters stations;
    private final Grids grids;
    private final Employers employers;
    private final MessageSource messages;
    private final Clock clock;
    private final org.wageguard.casework.CasePhotos photos;

    StationController(StationMatters stations, Grids grids, Employers employers, MessageSource messages, Clock clock,
            org.wageguard.casework.CasePhotos photos) {
        this.photos = photos;
        this.stations = stations;
        this.grids = grids;
        this.employers = employers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/station")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    String queue(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("town", stations.regionName(me.regionCode()));
        model.addAttribute("matters", stations.queue(me.scope()));
        return "casework/station";
    }

    @GetMapping("/station/ledger")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    String ledger(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, text("summary.badPeriod"));
        }
        model.addAttribute("town", stations.regionName(me.regionCode()));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        List<StationMatters.Figures> figures = stations.figures(me.scope(), start, end);
        model.addAttribute("figures", figures.isEmpty() ? new StationMatters.Figures(me.regionCode(),
                stations.regionName(me.regionCode()), 0, 0, 0, BigDecimal.ZERO, 0, 0, 0) : figures.get(0));
        model.addAttribute("grids", grids.within(me.scope()));
        model.addAttribute("employers", employers.choices(me.scope(), Set.of()));
        return "casework/station-ledger";
    }

    @GetMapping("/station/matters/{id}")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    String matter(@PathVariable long id, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        StationMatters.Matter m = stations.find(me.scope(), id)
                .orElseThrow(() -> new OutOfScopeException("station_matter", id));
        model.addAttribute("m", m);
        model.addAttribute("payments", stations.payments(id));
        model.addAttribute("manners", StationMatters.Manner.values());
        model.addAttribute("acknowledgeDays", stations.acknowledgeDays(m.regionCode()));
        model.addAttribute("today", LocalDate.now(clock));
        return "casework/station-matter";
    }

    /** A photo the grid worker sent with the clue, for the station that holds it. */
    @GetMapping("/station/matters/{id}/photos/{photoId}")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        stations.find(CurrentOfficer.get().scope(), id).orElseThrow(() -> new OutOfScopeException("station_matter", id));
        return GridClueController.photoResponse(photos.content(id, photoId)
                .orElseThrow(() -> new OutOfScopeException("case_photo", photoId)));
    }

    @PostMapping("/station/matters/{id}/mediation")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    String mediate(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String employerParty,
            @RequestParam(required = false) String workerParty, @RequestParam(required = false) String agreedOn,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String payBy,
            @RequestParam(required = false) String terms, RedirectAttributes redirect) {
        return step(id, redirect, "station.saved", () -> stations.mediate(CurrentOfficer.get(), id, version,
                new StationMatters.Agreement(employerParty, workerParty, date(agreedOn), money(amount), date(payBy),
                        terms)));
    }

    @PostMapping("/station/matters/{id}/payments")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    String pay(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String paidOn,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String workers,
            @RequestParam(required = false) StationMatters.Manner manner, @RequestParam(required = false) String evidence,
            RedirectAttributes redirect) {
        return step(id, redirect, "station.saved", () -> stations.pay(CurrentOfficer.get(), id, version, date(paidOn),
                money(amount), count(workers), manner, evidence));
    }

    @PostMapping("/station/matters/{id}/settle")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    String settle(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return step(id, redirect, "station.settled", () -> stations.settle(CurrentOfficer.get(), id, version));
    }

    @PostMapping("/station/matters/{id}/handover")
    @PreAuthorize("hasAuthority('casework:station:handle')")
    String handUp(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(id, redirect, "station.handedUp", () -> stations.handUp(CurrentOfficer.get(), id, version, reason));
    }

    @GetMapping("/stations/handovers")
    @PreAuthorize("hasAnyAuthority('casework:station:acknowledge', 'casework:station:setting')")
    String handovers(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("matters", stations.handovers(me.scope()));
        model.addAttribute("regionCode", me.regionCode());
        model.addAttribute("acknowledgeDays", stations.acknowledgeDays(me.regionCode()));
        return "casework/station-handovers";
    }

    @PostMapping("/stations/handovers/{id}/acknowledge")
    @PreAuthorize("hasAuthority('casework:station:acknowledge')")
    String acknowledge(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            stations.acknowledge(CurrentOfficer.get(), id, version);
            redirect.addFlashAttribute("flash", text("station.acknowledgedDone"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/stations/handovers";
    }

    @PostMapping("/stations/settings")
    @PreAuthorize("hasAuthority('casework:station:setting')")
    String setting(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String days,
            RedirectAttributes redirect) {
        try {
            int n;
            try {
                n = Integer.parseInt(days == null ? "" : days.strip());
            } catch (NumberFormatException e) {
                throw CaseRuleException.of("station.rule.acknowledgeDays");
            }
            stations.setAcknowledgeDays(CurrentOfficer.get(), regionCode == null ? null : regionCode.strip(), n);
            redirect.addFlashAttribute("flash", messages.getMessage("station.setting.saved",
                    new Object[] {regionCode.strip(), n}, Locale.SIMPLIFIED_CHINESE));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/stations/handovers";
    }

    private String step(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", text(done));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/station/matters/" + id;
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw CaseRuleException.of("station.rule.date");
        }
    }

    private static BigDecimal money(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw CaseRuleException.of("station.rule.amount");
        }
    }

    private static int count(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw CaseRuleException.of("station.rule.number");
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
