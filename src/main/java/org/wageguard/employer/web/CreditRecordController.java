package org.wageguard.employer.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.wageguard.shared.StaleEditException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.internal.CreditRecords;

/**
 * A labor inspector records an employer's confirmed arrears and its credit listings (and an early removal), until
 * casework and the credit decisions feed them. Refusals go back to the employer's page with the reasons.
 */
@Controller
@RequestMapping("/employers/{id}")
class CreditRecordController {

    /** Blacklisting lasts three years (MOHRSS Decree 45) unless the officer gives another expiry. */
    static final int BLACKLIST_YEARS = 3;

    record ArrearsForm(
            @NotNull(message = "{employer.validation.required}") @PastOrPresent(message = "{employer.validation.past}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate confirmedOn,
            @NotNull(message = "{employer.validation.required}") @Positive(message = "{employer.validation.amount}")
            @Digits(integer = 12, fraction = 2, message = "{employer.validation.amount}") BigDecimal amount,
            @PositiveOrZero(message = "{employer.validation.count}") Integer workers,
            @Size(max = 64, message = "{employer.validation.size}") String caseReference,
            @Size(max = 1000, message = "{employer.validation.size}") String description) {
    }

    record ListingForm(
            @NotNull(message = "{employer.validation.required}") CreditListKind kind,
            @NotNull(message = "{employer.validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate listedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            @NotBlank(message = "{employer.validation.required}") @Size(max = 1000, message = "{employer.validation.size}") String grounds) {
    }

    private final CreditRecords credit;
    private final Support support;

    CreditRecordController(CreditRecords credit, Support support) {
        this.credit = credit;
        this.support = support;
    }

    @PostMapping("/arrears")
    @PreAuthorize("hasAuthority('employer:credit:record')")
    String recordArrears(@PathVariable long id, @Valid @ModelAttribute ArrearsForm form, BindingResult errors,
            RedirectAttributes redirect) {
        support.visible(id);
        if (errors.hasErrors()) {
            return refused(id, errors, redirect);
        }
        credit.recordArrears(id, new CreditRecords.NewArrears(form.confirmedOn(), form.amount(), form.workers(),
                blankToNull(form.caseReference()), blankToNull(form.description())));
        redirect.addFlashAttribute("flash", support.text("employer.arrears.recorded"));
        return "redirect:/employers/" + id;
    }

    @PostMapping("/listings")
    @PreAuthorize("hasAuthority('employer:credit:record')")
    String recordListing(@PathVariable long id, @Valid @ModelAttribute ListingForm form, BindingResult errors,
            RedirectAttributes redirect) {
        support.visible(id);
        LocalDate expires = form.expiresOn() != null || form.kind() != CreditListKind.BLACKLIST || form.listedOn() == null
                ? form.expiresOn() : form.listedOn().plusYears(BLACKLIST_YEARS);
        if (expires != null && form.listedOn() != null && !expires.isAfter(form.listedOn())) {
            errors.rejectValue("expiresOn", "order", support.text("employer.listing.expiresBeforeListed"));
        }
        if (errors.hasErrors()) {
            return refused(id, errors, redirect);
        }
        credit.recordListing(id, new CreditRecords.NewListing(form.kind(), form.listedOn(), expires, form.grounds().strip()));
        redirect.addFlashAttribute("flash", support.text("employer.listing.recorded"));
        return "redirect:/employers/" + id;
    }

    @PostMapping("/listings/{listingId}/remove")
    @PreAuthorize("hasAuthority('employer:credit:record')")
    String removeListing(@PathVariable long id, @PathVariable long listingId, @RequestParam int version,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate removedOn,
            RedirectAttributes redirect) {
        support.visible(id);
        try {
            credit.removeListing(id, listingId, version, removedOn);
            redirect.addFlashAttribute("flash", support.text("employer.listing.removed"));
        } catch (StaleEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            redirect.addFlashAttribute("error", support.text("employer.listing.removeBeforeListed"));
        }
        return "redirect:/employers/" + id;
    }

    private String refused(long id, BindingResult errors, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", errors.getFieldErrors().stream()
                .map(e -> support.text("employer.field." + e.getField()) + "：" + support.text(e))
                .collect(Collectors.joining("；")));
        return "redirect:/employers/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
