package org.wageguard.casework.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.casework.CasePhotos;
import org.wageguard.casework.CaseQueries;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.GridClues;
import org.wageguard.employer.EmployerSummary;
import org.wageguard.employer.Employers;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;

/**
 * A grid worker's clue in a few taps on a phone (网格员报送): an employer of the grid from a list or a name, how
 * many workers, how much, what happened, and up to three photos. It lands in intake on the grid channel. Also the
 * photos of a case for the officers who may see the case.
 */
@Controller
class GridClueController {

    record ClueForm(Long employerId, @Size(max = 200, message = "{gridClue.validation.size}") String employerName,
            @NotNull(message = "{gridClue.validation.required}") @Min(value = 1, message = "{gridClue.validation.workers}")
            @Max(value = 100000, message = "{gridClue.validation.workers}") Integer workers,
            @NotNull(message = "{gridClue.validation.required}") @DecimalMin(value = "0.01", message = "{gridClue.validation.amount}")
            @Digits(integer = 12, fraction = 2, message = "{gridClue.validation.amount}") BigDecimal amount,
            @NotBlank(message = "{gridClue.validation.required}") @Size(max = 2000, message = "{gridClue.validation.size}") String description) {
    }

    private final GridClues clues;
    private final CasePhotos photos;
    private final CaseQueries queries;
    private final Employers employers;
    private final MessageSource messages;
    private final org.wageguard.casework.StationMatters stations;

    GridClueController(GridClues clues, CasePhotos photos, CaseQueries queries, Employers employers,
            MessageSource messages, org.wageguard.casework.StationMatters stations) {
        this.stations = stations;
        this.clues = clues;
        this.photos = photos;
        this.queries = queries;
        this.employers = employers;
        this.messages = messages;
    }

    @GetMapping("/grid/clue")
    @PreAuthorize("hasAuthority('casework:grid:report')")
    String form(@RequestParam(required = false) Long employerId, Model model) {
        model.addAttribute("form", new ClueForm(employerId, null, null, null, null));
        return page(model);
    }

    @PostMapping("/grid/clue")
    @PreAuthorize("hasAuthority('casework:grid:report')")
    String report(@Valid @ModelAttribute("form") ClueForm form, BindingResult errors,
            @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) throws IOException {
        OfficerPrincipal me = CurrentOfficer.get();
        EmployerSummary employer = null;
        if (form.employerId() != null) {
            // Only an employer of the worker's own grid can be chosen; anything else is as if it did not exist.
            employer = choices(me).stream().filter(e -> e.id() == form.employerId()).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } else if (form.employerName() == null || form.employerName().isBlank()) {
            errors.rejectValue("employerName", "required", text("gridClue.employerRequired"));
        }
        List<CasePhotos.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                uploads.add(new CasePhotos.Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        if (errors.hasErrors()) {
            return page(model);
        }
        try {
            long id = clues.report(me, new GridClues.Clue(employer, form.employerName() == null ? null
                    : form.employerName().strip(), form.workers(), form.amount(), form.description().strip(), uploads));
            String number = clues.number(id);
            redirect.addFlashAttribute("flash", stations.stationOf(id)
                    .map(town -> text("gridClue.reportedToStation", number, town))
                    .orElseGet(() -> text("gridClue.reported", number)));
        } catch (CaseRuleException e) {
            model.addAttribute("error", e.getMessage());
            return page(model);
        }
        return "redirect:/grid/clue";
    }

    /** A photo of a case, for whoever may see the case. */
    @GetMapping("/cases/{id}/photos/{photoId}")
    @PreAuthorize("hasAuthority('casework:case:view')")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        if (queries.detail(CurrentOfficer.get().scope(), id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return photoResponse(photos.content(id, photoId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** A clue's photo as the browser gets it: its checked type, never cached, never sniffed. */
    static ResponseEntity<byte[]> photoResponse(CasePhotos.Content c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff").body(c.bytes());
    }

    private String page(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("employers", choices(me));
        model.addAttribute("mine", clues.reportedBy(me.username()));
        return "casework/grid-clue";
    }

    private List<EmployerSummary> choices(OfficerPrincipal me) {
        return employers.choices(me.scope(), Set.of());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
