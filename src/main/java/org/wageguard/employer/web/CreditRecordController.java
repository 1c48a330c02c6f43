package org.wageguard.employer.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.employer.internal.CreditRecords;

/**
 * A labor inspector records an employer's confirmed arrears. Credit listings are not recorded here: a listing and its
 * early removal are made only by the procedure of MOHRSS Decree 45 at {@code /monitoring/credit} (prior notice,
 * objection period, decision, publication); the employer's page shows them. Refusals go back to the page.
 */
@Controller
@RequestMapping("/employers/{id}")
class CreditRecordController {

    record ArrearsForm(
            @NotNull(message = "{employer.validation.required}") @PastOrPresent(message = "{employer.validation.past}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate confirmedOn,
            @NotNull(message = "{employer.validation.required}") @Positive(message = "{employer.validation.amount}")
            @Digits(integer = 12, fraction = 2, message = "{employer.validation.amount}") BigDecimal amount,
            @PositiveOrZero(message = "{employer.validation.count}") Integer workers,
            @Size(max = 64, message = "{employer.validation.size}") String caseReference,
            @Size(max = 1000, message = "{employer.validation.size}") String description) {
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

    /**
     * The former second path (a listing or a removal typed in with any dates) is refused: MOHRSS Decree 45 lists and
     * removes only by its procedure (prior notice and objection, the decision, publication; Art. 14 for early removal).
     */
    @PostMapping({ "/listings", "/listings/{listingId}/remove" })
    @PreAuthorize("hasAuthority('employer:employer:view')")
    String listingOutsideTheProcedure(@PathVariable long id, RedirectAttributes redirect) {
        support.visible(id);
        redirect.addFlashAttribute("error", support.text("employer.listing.onlyByProcedure"));
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
