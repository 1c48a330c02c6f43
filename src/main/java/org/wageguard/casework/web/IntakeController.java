package org.wageguard.casework.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.employer.EmployerSummary;
import org.wageguard.employer.Employers;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.RegionCode;

/**
 * Registering a matter at the joint reception hall (一厅式接访) or from the hotline, letters and visits: quick to
 * fill while the worker waits — one line per worker — and usable by an officer of any member department.
 */
@Controller
class IntakeController {

    record IntakeForm(@NotNull Channel channel, @NotNull CaseKind kind, @Size(max = 64) String complainantName,
            String complainantPhone, Boolean anonymous, Long employerId, @Size(max = 200) String employerName,
            Long projectId, @NotBlank(message = "{case.region.required}") String regionCode, String industryCode,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
            @Size(max = 2000) String description, @Size(max = 20000) String claimants, Long linkTo, Boolean confirmNew) {
    }

    private final CaseIntake intake;
    private final org.wageguard.casework.CaseQueries queries;
    private final Employers employers;
    private final Projects projects;
    private final CodeTables codeTables;
    private final MessageSource messages;

    IntakeController(CaseIntake intake, Employers employers, Projects projects, CodeTables codeTables,
            MessageSource messages, org.wageguard.casework.CaseQueries queries) {
        this.queries = queries;
        this.intake = intake;
        this.employers = employers;
        this.projects = projects;
        this.codeTables = codeTables;
        this.messages = messages;
    }

    @GetMapping("/cases/new")
    @PreAuthorize("hasAuthority('casework:case:register')")
    String form(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("form", new IntakeForm(Channel.WALK_IN, CaseKind.COMPLAINT, null, null, false, null, null, null,
                me.regionCode(), null, null, null, null, null, null, null));
        return page(model, me);
    }

    @PostMapping("/cases/new")
    @PreAuthorize("hasAuthority('casework:case:register')")
    String register(@Valid @ModelAttribute("form") IntakeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        boolean anonymous = Boolean.TRUE.equals(form.anonymous()) && form.kind() == CaseKind.REPORT;
        MobilePhone phone = null;
        if (form.kind() == CaseKind.COMPLAINT && (form.complainantName() == null || form.complainantName().isBlank())) {
            errors.rejectValue("complainantName", "required", text("case.complainant.required"));
        }
        if (!anonymous && form.complainantPhone() != null && !form.complainantPhone().isBlank()) {
            try {
                phone = MobilePhone.of(form.complainantPhone());
            } catch (InvalidIdentifierException e) {
                errors.rejectValue("complainantPhone", "invalid", e.chineseMessage());
            }
        }
        EmployerSummary employer = form.employerId() == null ? null : employers.find(form.employerId()).orElse(null);
        String employerName = employer != null ? employer.name() : form.employerName();
        if (employerName == null || employerName.isBlank()) {
            errors.rejectValue("employerName", "required", text("case.employer.required"));
        }
        ProjectSummary project = form.projectId() == null ? null : projects.summary(form.projectId()).orElse(null);
        if (form.regionCode() != null && !form.regionCode().startsWith(RegionCode.of(me.regionCode()).subtreePrefix())) {
            errors.rejectValue("regionCode", "scope", text("project.region.scope"));
        }
        if (form.periodFrom() != null && form.periodTo() != null && form.periodTo().isBefore(form.periodFrom())) {
            errors.rejectValue("periodTo", "order", text("case.period.order"));
        }
        List<Intake.Claimant> claimants = claimants(form.claimants(), errors);
        if (form.kind() == CaseKind.COMPLAINT && claimants.isEmpty() && !errors.hasFieldErrors("claimants")) {
            errors.rejectValue("claimants", "required", text("case.claimants.required"));
        }
        // A matter is linked only to a case the officer may see (the similar cases offered are within the scope too).
        if (form.linkTo() != null && queries.detail(me.scope(), form.linkTo()).isEmpty()) {
            errors.rejectValue("linkTo", "scope", text("case.link.scope"));
        }
        if (errors.hasErrors()) {
            return page(model, me);
        }
        Long employerId = employer == null ? null : employer.id();
        Long projectId = project == null ? null : project.id();
        var similar = intake.similarOpen(me.scope(), employerId, projectId, form.periodFrom(), form.periodTo());
        if (!similar.isEmpty() && form.linkTo() == null && !Boolean.TRUE.equals(form.confirmNew())) {
            model.addAttribute("similar", similar);
            return page(model, me);
        }
        String industry = form.industryCode() != null && !form.industryCode().isBlank() ? form.industryCode()
                : employer != null ? employer.industryCode() : null;
        long id = intake.register(new Intake(form.channel(), form.kind(), anonymous ? null : form.complainantName(),
                phone, anonymous, employerId, employerName.trim(), projectId, form.regionCode(), industry,
                form.periodFrom(), form.periodTo(), form.description(), claimants, form.linkTo(), null));
        redirect.addFlashAttribute("flash", text("case.registered"));
        return "redirect:/cases/" + id;
    }

    /** One worker per line: 姓名，身份证号，金额 (separated by commas, Chinese commas, tabs or spaces). */
    private List<Intake.Claimant> claimants(String text, BindingResult errors) {
        List<Intake.Claimant> list = new ArrayList<>();
        if (text == null) {
            return list;
        }
        int line = 0;
        for (String raw : text.split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            String[] parts = raw.trim().split("[,，\\t ]+");
            if (parts.length < 2) {
                errors.rejectValue("claimants", "format", messages.getMessage("case.claimants.format",
                        new Object[] {line}, Locale.SIMPLIFIED_CHINESE));
                continue;
            }
            String name = parts[0];
            String idNumber = parts.length >= 3 ? parts[1] : null;
            String amountText = parts[parts.length - 1];
            try {
                BigDecimal amount = new BigDecimal(amountText);
                if (amount.signum() < 0 || amount.scale() > 2) {
                    throw new NumberFormatException();
                }
                list.add(new Intake.Claimant(name, idNumber, amount));
            } catch (NumberFormatException e) {
                errors.rejectValue("claimants", "amount", messages.getMessage("case.claimants.amount",
                        new Object[] {line, amountText}, Locale.SIMPLIFIED_CHINESE));
            }
        }
        return list;
    }

    private String page(Model model, OfficerPrincipal me) {
        DataScope region = new DataScope(DataScopeType.REGION, me.regionCode(), Set.of(), null, null, me.id());
        model.addAttribute("channels", java.util.Arrays.stream(Channel.values()).filter(c -> c != Channel.PORTAL).toList());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("employers", employers.choices(region, Set.of()));
        model.addAttribute("projects", projects.all(region, org.wageguard.project.Projects.Filter.none()));
        model.addAttribute("regions", codeTables.regionSubtree(RegionCode.of(me.regionCode()).subtreePrefix()));
        model.addAttribute("sectors", codeTables.sectors().stream().filter(s -> "DIVISION".equals(s.level())).toList());
        return "casework/case-form";
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
