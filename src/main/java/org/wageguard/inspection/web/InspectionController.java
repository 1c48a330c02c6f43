package org.wageguard.inspection.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.inspection.Campaigns;
import org.wageguard.inspection.InspectionRuleException;
import org.wageguard.inspection.Inspections;

/**
 * The on-site checklist (made for a phone): one answer per item — 符合, 不符合 or 不适用 — with a note and a photo;
 * the inspection's page where a finding becomes a rectification order and/or a case.
 */
@Controller
class InspectionController {

    private final Campaigns campaigns;
    private final Inspections inspections;
    private final Texts texts;
    private final Clock clock;
    private final CampaignLedger ledger;

    InspectionController(Campaigns campaigns, Inspections inspections, Texts texts, Clock clock, CampaignLedger ledger) {
        this.ledger = ledger;
        this.campaigns = campaigns;
        this.inspections = inspections;
        this.texts = texts;
        this.clock = clock;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("choices")
    List<String> choices() {
        return List.of("YES", "NO", "NA");
    }

    @GetMapping("/inspection/targets/{id}/inspect")
    @PreAuthorize("hasAuthority('inspection:inspect')")
    String form(@PathVariable long id, Model model) {
        Campaigns.TargetInfo target = target(id);
        model.addAttribute("target", target);
        model.addAttribute("items", campaigns.checklist(target.campaignId(), target.kind()));
        model.addAttribute("inspectedOn", LocalDate.now(clock));
        model.addAttribute("inspectors", List.of(CurrentOfficer.get().displayName(), ""));
        model.addAttribute("answers", Map.of());
        model.addAttribute("notes", Map.of());
        return "inspection/inspect";
    }

    @PostMapping("/inspection/targets/{id}/inspect")
    @PreAuthorize("hasAuthority('inspection:inspect')")
    String inspect(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
            @RequestParam(required = false) List<String> inspector, @RequestParam(required = false) String note,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Campaigns.TargetInfo target = target(id);
        List<Campaigns.ChecklistItem> items = campaigns.checklist(target.campaignId(), target.kind());
        List<Inspections.Answer> answers = new ArrayList<>();
        Map<Long, String> chosen = new HashMap<>();
        Map<Long, String> notes = new HashMap<>();
        List<Campaigns.ChecklistItem> unanswered = new ArrayList<>();
        for (Campaigns.ChecklistItem item : items) {
            String answer = params.get("answer_" + item.id());
            String itemNote = params.get("note_" + item.id());
            notes.put(item.id(), itemNote);
            if (answer == null || !List.of("YES", "NO", "NA").contains(answer)) {
                unanswered.add(item);
                continue;
            }
            chosen.put(item.id(), answer);
            answers.add(new Inspections.Answer(item.id(), switch (answer) {
                case "YES" -> Boolean.TRUE;
                case "NO" -> Boolean.FALSE;
                default -> null;
            }, itemNote, params.get("value_" + item.id())));
        }
        List<String> names = inspector == null ? List.of() : inspector;
        String error = null;
        Long inspectionId = null;
        if (!unanswered.isEmpty()) {
            error = texts.get("inspection.error.unanswered", unanswered.get(0).question());
        } else {
            try {
                inspectionId = inspections.inspect(id, inspectedOn, String.join("、", names), answers, note,
                        photos(request, items));
            } catch (InspectionRuleException e) {
                error = texts.get(e.getMessage());
            }
        }
        if (error != null) {
            model.addAttribute("error", error);
            model.addAttribute("target", target);
            model.addAttribute("items", items);
            model.addAttribute("inspectedOn", inspectedOn);
            List<String> shown = new ArrayList<>(names);
            while (shown.size() < Inspections.MIN_INSPECTORS) {
                shown.add("");
            }
            model.addAttribute("inspectors", shown);
            model.addAttribute("note", note);
            model.addAttribute("answers", chosen);
            model.addAttribute("notes", notes);
            return "inspection/inspect";
        }
        redirect.addFlashAttribute("flash", texts.get("inspection.recorded"));
        return "redirect:/inspection/inspections/" + inspectionId;
    }

    private static List<Inspections.Photo> photos(HttpServletRequest request, List<Campaigns.ChecklistItem> items) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        List<Inspections.Photo> photos = new ArrayList<>();
        if (multipart == null) {
            return photos;
        }
        for (Campaigns.ChecklistItem item : items) {
            for (MultipartFile file : multipart.getFiles("photo_" + item.id())) {
                if (file.isEmpty()) {
                    continue;
                }
                if (file.getSize() > Inspections.MAX_PHOTO_BYTES) {
                    throw new InspectionRuleException("inspection.error.photoSize");
                }
                try {
                    photos.add(new Inspections.Photo(item.id(), file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return photos;
    }

    /** The inspections of projects in a period (the dashboard's "projects inspected" opens this). */
    @GetMapping("/inspection/inspections")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        var rows = campaigns.projectInspections(campaigns.viewer(CurrentOfficer.get()), start, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("ledgerLink", "/inspection/inspections.xlsx?from=" + start + "&to=" + end);
        model.addAttribute("rows", rows);
        model.addAttribute("projects", rows.stream().map(Campaigns.ProjectInspection::projectId).distinct().count());
        return "inspection/inspections";
    }

    /** The same inspections as the list, as its ledger. */
    @GetMapping("/inspection/inspections.xlsx")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    ResponseEntity<byte[]> listLedger(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return org.wageguard.identity.Downloads.xlsx(texts.get("inspection.projectInspections"), ledger.inspectionsToXlsx(
                campaigns.projectInspections(campaigns.viewer(CurrentOfficer.get()), from, to)));
    }

    @GetMapping("/inspection/inspections/{id}")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("inspection", campaigns.inspection(campaigns.viewer(CurrentOfficer.get()), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("defaultDeadline", LocalDate.now(clock).plusDays(15));
        return "inspection/inspection";
    }

    @PostMapping("/inspection/findings/{id}/order")
    @PreAuthorize("hasAuthority('inspection:inspect')")
    String order(@PathVariable long id, @RequestParam(required = false) String responsibleParty,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            RedirectAttributes redirect) {
        long inspection = inspectionOf(id);
        try {
            inspections.order(id, responsibleParty, LocalDate.now(clock), deadline, campaigns.viewer(CurrentOfficer.get()));
            redirect.addFlashAttribute("flash", texts.get("inspection.ordered"));
        } catch (InspectionRuleException e) {
            redirect.addFlashAttribute("error", texts.get(e.getMessage()));
        }
        return "redirect:/inspection/inspections/" + inspection;
    }

    @PostMapping("/inspection/findings/{id}/case")
    @PreAuthorize("hasAuthority('inspection:inspect')")
    String toCase(@PathVariable long id, RedirectAttributes redirect) {
        long inspection = inspectionOf(id);
        inspections.toCase(id, campaigns.viewer(CurrentOfficer.get()));
        redirect.addFlashAttribute("flash", texts.get("inspection.caseOpened"));
        return "redirect:/inspection/inspections/" + inspection;
    }

    @GetMapping("/inspection/photos/{id}")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        Campaigns.PhotoFile photo = campaigns.photo(campaigns.viewer(CurrentOfficer.get()), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(photo.content());
    }

    private Campaigns.TargetInfo target(long id) {
        return campaigns.target(campaigns.viewer(CurrentOfficer.get()), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private long inspectionOf(long findingId) {
        return campaigns.inspectionOfFinding(campaigns.viewer(CurrentOfficer.get()), findingId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
