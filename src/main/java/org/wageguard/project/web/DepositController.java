package org.wageguard.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.project.DepositGuarantees;
import org.wageguard.project.DepositParameters;
import org.wageguard.project.GuaranteeForm;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.WageDeposits;
import org.wageguard.shared.RegionCode;

/** The wage-deposit ledger of a project and the region parameters of the deposit rate. */
@Controller
class DepositController {

    private final VisibleProjects visibleProjects;

    record ParametersForm(
            @NotNull(message = "{deposit.param.required}") String regionCode,
            @NotNull(message = "{deposit.param.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @NotNull(message = "{deposit.param.required}") @DecimalMin(value = "1", message = "{deposit.param.baseRate}") @DecimalMax(value = "3", message = "{deposit.param.baseRate}") BigDecimal baseRatePercent,
            @NotNull(message = "{deposit.param.required}") @DecimalMin(value = "0.5", message = "{deposit.param.multiRate}") BigDecimal multiProjectRatePercent,
            @NotNull(message = "{deposit.param.required}") @Min(value = 2, message = "{deposit.param.threshold}") Integer multiProjectThreshold,
            @NotNull(message = "{deposit.param.required}") @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal exemptBelow,
            @NotNull(message = "{deposit.param.required}") @DecimalMin(value = "0", message = "{deposit.param.clean}") @DecimalMax(value = "0.5", message = "{deposit.param.clean}") BigDecimal cleanTwoYearsFactor,
            @NotNull(message = "{deposit.param.required}") @DecimalMin(value = "1.5", message = "{deposit.param.arrears}") BigDecimal arrearsFactor,
            @NotNull(message = "{deposit.param.required}") @DecimalMin(value = "2", message = "{deposit.param.blacklist}") BigDecimal blacklistFactor,
            @DecimalMin(value = "0.01", message = "{deposit.param.capPositive}") @Digits(integer = 14, fraction = 2, message = "{deposit.param.capPositive}") BigDecimal capAmount) {
    }

    private final WageDeposits deposits;
    private final DepositGuarantees guarantees;
    private final MessageSource messages;
    private final java.time.Clock clock;

    DepositController(WageDeposits deposits, DepositGuarantees guarantees, MessageSource messages,
            VisibleProjects visibleProjects, java.time.Clock clock) {
        this.clock = clock;
        this.visibleProjects = visibleProjects;
        this.deposits = deposits;
        this.guarantees = guarantees;
        this.messages = messages;
    }

    @GetMapping("/projects/{id}/deposit")
    @PreAuthorize("hasAuthority('project:project:view')")
    String ledger(@PathVariable long id, Model model) {
        ProjectSummary project = visibleProjects.get(id);
        model.addAttribute("project", project);
        model.addAttribute("ledger", deposits.ledger(id));
        model.addAttribute("guarantees", guarantees.of(id));
        model.addAttribute("orders", deposits.unfulfilledOrders(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "project/deposit";
    }

    /** A guarantee letter or an insurance policy handed in instead of cash (the register, 人社部发〔2021〕65号). */
    @PostMapping("/projects/{id}/deposit/guarantees")
    @PreAuthorize("hasAuthority('project:deposit:manage')")
    String registerGuarantee(@PathVariable long id, @RequestParam(required = false) GuaranteeForm form,
            @RequestParam(required = false) String issuer, @RequestParam(required = false) String number,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lodgedOn,
            RedirectAttributes redirect) {
        visibleProjects.get(id);
        return act(id, redirect, () -> guarantees.register(id, new DepositGuarantees.NewGuarantee(form, issuer, number,
                amount, validFrom, validUntil, lodgedOn)));
    }

    /** The verification with the issuer: when, how, whom the issuer named, the result. */
    @PostMapping("/projects/{id}/deposit/guarantees/{gid}/verify")
    @PreAuthorize("hasAuthority('project:deposit:manage')")
    String verifyGuarantee(@PathVariable long id, @PathVariable long gid, @RequestParam int version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String method, @RequestParam(required = false) String issuerContact,
            @RequestParam(required = false) String result, RedirectAttributes redirect) {
        visibleProjects.get(id);
        return act(id, redirect, () -> guarantees.verify(id, gid, version, on, method, issuerContact, result));
    }

    /** The claim on the letter or policy when the deposit would be drawn (an order to pay lapsed unheeded). */
    @PostMapping("/projects/{id}/deposit/guarantees/{gid}/claim")
    @PreAuthorize("hasAuthority('project:deposit:manage')")
    String claimGuarantee(@PathVariable long id, @PathVariable long gid, @RequestParam int version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String orderReference,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDeadline,
            RedirectAttributes redirect) {
        visibleProjects.get(id);
        return act(id, redirect, () -> guarantees.claim(id, gid, version, on, amount, orderReference, orderDeadline));
    }

    @PostMapping("/projects/{id}/deposit/lodge")
    @PreAuthorize("hasAuthority('project:deposit:manage')")
    String lodge(@PathVariable long id, @RequestParam WageDeposits.MovementKind kind, @RequestParam BigDecimal amount,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        visibleProjects.get(id);
        return act(id, redirect, () -> deposits.deposit(id, kind, amount, on, note));
    }

    @PostMapping("/projects/{id}/deposit/draw")
    @PreAuthorize("hasAuthority('project:deposit:manage')")
    String draw(@PathVariable long id, @RequestParam BigDecimal amount,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) Long orderId, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        visibleProjects.get(id);
        return act(id, redirect, () -> deposits.draw(id, amount, on, orderId, note));
    }

    @PostMapping("/projects/{id}/deposit/return")
    @PreAuthorize("hasAuthority('project:deposit:manage')")
    String giveBack(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        visibleProjects.get(id);
        return act(id, redirect, () -> deposits.returnDeposit(id, on, note));
    }

    @GetMapping("/deposit-parameters")
    @PreAuthorize("hasAuthority('project:project:view')")
    String parameters(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ParametersForm(CurrentOfficer.get().regionCode(), null, null, null, 2, null,
                    new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("2"), null));
        }
        model.addAttribute("parameters", deposits.parameters());
        return "project/deposit-parameters";
    }

    @PostMapping("/deposit-parameters")
    @PreAuthorize("hasAuthority('project:deposit:parameter')")
    String addParameters(@Valid @ModelAttribute("form") ParametersForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.regionCode() != null
                && !form.regionCode().startsWith(RegionCode.of(CurrentOfficer.get().regionCode()).subtreePrefix())) {
            errors.rejectValue("regionCode", "scope", text("project.region.scope"));
        }
        if (errors.hasErrors()) {
            return parameters(model);
        }
        try {
            deposits.addParameters(new DepositParameters(form.regionCode(), form.effectiveFrom(),
                    form.baseRatePercent().movePointLeft(2), form.multiProjectRatePercent().movePointLeft(2),
                    form.multiProjectThreshold(), form.exemptBelow(), form.cleanTwoYearsFactor(), form.arrearsFactor(),
                    form.blacklistFactor(), form.capAmount()));
        } catch (WageDeposits.LedgerRuleException e) {
            errors.reject("rule", e.getMessage());
            model.addAttribute("error", e.getMessage());
            return parameters(model);
        } catch (DuplicateKeyException e) {
            errors.rejectValue("effectiveFrom", "taken", text("deposit.param.duplicate"));
            return parameters(model);
        }
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/deposit-parameters";
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (WageDeposits.LedgerRuleException | org.wageguard.shared.StaleEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + id + "/deposit";
    }


    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
