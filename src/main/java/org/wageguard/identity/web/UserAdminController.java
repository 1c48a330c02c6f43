package org.wageguard.identity.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.wageguard.shared.StaleEditException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Listing;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.Officers;
import org.wageguard.identity.SensitiveData;
import org.wageguard.identity.internal.OfficerAccounts;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;

/**
 * Accounts (用户管理) under 三员分立. The system administrator creates, edits, disables and unlocks accounts and
 * resets passwords to one-time passwords, and grants no role; the security administrator grants and revokes
 * business roles. Every record is looked up within the actor's data scope, so an account outside it answers 404.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    record UserForm(
            @NotBlank(message = "{user.username}不能为空") @Pattern(regexp = "[a-zA-Z0-9_.-]{3,64}", message = "登录名应为 3-64 位字母、数字或 _ . -") String username,
            @NotBlank(message = "姓名不能为空") @Size(max = 64) String displayName,
            @NotBlank(message = "请选择所属区划") String regionCode,
            Long departmentId, String organisationCode, String organisationName, String gridCode, String title,
            String mobile, String idNumber, String initialPassword, Set<String> roles, Integer version) {
    }

    private final Officers officers;
    private final OfficerAccounts accounts;
    private final Departments departments;
    private final CodeTables codeTables;
    private final SensitiveData sensitive;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    UserAdminController(Officers officers, OfficerAccounts accounts, Departments departments, CodeTables codeTables,
            SensitiveData sensitive, JdbcClient jdbc, MessageSource messages) {
        this.officers = officers;
        this.accounts = accounts;
        this.departments = departments;
        this.codeTables = codeTables;
        this.sensitive = sensitive;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('identity:user:view')")
    String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String role, @RequestParam(defaultValue = "1") int page, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        var filter = new Officers.Filter(keyword, departmentId, role, null);
        model.addAttribute("filter", filter);
        model.addAttribute("page", officers.list(me.scope(), filter, page, Listing.DEFAULT_SIZE,
                p -> UriComponentsBuilder.fromPath("/admin/users").queryParam("keyword", keyword == null ? "" : keyword)
                        .queryParam("departmentId", departmentId == null ? "" : departmentId)
                        .queryParam("role", role == null ? "" : role).queryParam("page", p).encode().toUriString()));
        referenceData(model, me);
        return "identity/users";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('identity:user:view')")
    String detail(@PathVariable long id, Model model) {
        detailModel(model, visible(id));
        return "identity/user";
    }

    /** A full view of the officer's mobile and ID number: a permission of its own, and audited. */
    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAuthority('identity:user:sensitive')")
    String reveal(@PathVariable long id, Model model) {
        Officers.OfficerView user = visible(id);
        detailModel(model, user);
        model.addAttribute("revealedMobile", sensitive.reveal(user.mobileCipher(), "officer", id, "手机号"));
        model.addAttribute("revealedIdNumber", sensitive.reveal(user.idNumberCipher(), "officer", id, "身份证号"));
        model.addAttribute("flash", text("user.revealed"));
        return "identity/user";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('identity:user:edit')")
    String createForm(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("form", new UserForm("", "", me.regionCode(), null, null, null, null, null, null, null, null,
                Set.of(), null));
        return form(model, me, false);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('identity:user:edit')")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        // Opening an account is not granting power: roles come from the security administrator alone.
        if (form.roles() != null && !form.roles().isEmpty()) {
            errors.reject("roles", text("account.rule.createNoRoles"));
        }
        OfficerAccounts.OfficerDraft draft = draft(form, errors, me);
        if (errors.hasErrors()) {
            return form(model, me, false);
        }
        try {
            OfficerAccounts.OneTimePassword opened = accounts.open(draft, form.initialPassword());
            redirect.addFlashAttribute("flash", text("common.saved") + " " + text("user.oneTimeHint"));
            redirect.addFlashAttribute("oneTimePassword", opened.password());
            return "redirect:/admin/users/" + opened.officerId();
        } catch (DuplicateKeyException e) {
            errors.rejectValue("username", "taken", text("user.usernameTaken"));
        } catch (OfficerAccounts.AccountRuleException e) {
            e.reasons().forEach(r -> errors.rejectValue("initialPassword", "policy", messages.getMessage(r, Locale.SIMPLIFIED_CHINESE)));
        }
        return form(model, me, false);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('identity:user:edit')")
    String editForm(@PathVariable long id, Model model) {
        Officers.OfficerView u = visible(id);
        model.addAttribute("form", new UserForm(u.username(), u.displayName(), u.regionCode(), u.departmentId(),
                u.organisationCode(), u.organisationName(), u.gridCode(), u.title(), null, null, null,
                Set.copyOf(u.roles()), u.version()));
        model.addAttribute("userId", id);
        model.addAttribute("user", u);
        return form(model, CurrentOfficer.get(), true);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('identity:user:edit')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        Officers.OfficerView existing = visible(id);
        OfficerAccounts.OfficerDraft draft = draft(form, errors, me);
        model.addAttribute("userId", id);
        model.addAttribute("user", existing);
        if (errors.hasErrors()) {
            return form(model, me, true);
        }
        try {
            accounts.update(id, form.version() == null ? -1 : form.version(),
                    new OfficerAccounts.OfficerDraft(existing.username(), draft.displayName(), draft.regionCode(),
                            draft.departmentId(), draft.organisationCode(), draft.organisationName(), draft.gridCode(),
                            draft.title(), draft.mobile(), draft.idNumber()));
        } catch (StaleEditException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, me, true);
        }
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('identity:user:disable')")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        visible(id);
        return act(redirect, id, () -> accounts.setEnabled(id, false), "user.disabledDone");
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('identity:user:disable')")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        visible(id);
        return act(redirect, id, () -> accounts.setEnabled(id, true), "user.enabledDone");
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('identity:user:unlock')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        visible(id);
        return act(redirect, id, () -> accounts.unlock(id), "user.unlockedDone");
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasAuthority('identity:user:grant')")
    String grant(@PathVariable long id, @RequestParam(required = false) Set<String> roles,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        visible(id);
        Set<String> known = new LinkedHashSet<>(roles().stream().map(RoleOption::code).toList());
        Set<String> chosen = roles == null ? Set.of() : roles;
        if (!known.containsAll(chosen)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return act(redirect, id, () -> accounts.grant(id, version, chosen), "user.grantedDone");
    }

    @PostMapping("/{id}/reset-password")
    @PreAuthorize("hasAuthority('identity:user:reset')")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) String newPassword,
            RedirectAttributes redirect) {
        visible(id);
        return act(redirect, id, () -> redirect.addFlashAttribute("oneTimePassword",
                accounts.resetPassword(id, newPassword).password()), "user.resetDone");
    }

    private String act(RedirectAttributes redirect, long id, Runnable action, String doneKey) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", text(doneKey));
        } catch (OfficerAccounts.AccountRuleException e) {
            redirect.addFlashAttribute("error", String.join(" ", e.reasons().stream()
                    .map(r -> messages.getMessage(r, Locale.SIMPLIFIED_CHINESE)).toList()));
        }
        return "redirect:/admin/users/" + id;
    }

    private Officers.OfficerView visible(long id) {
        return officers.find(CurrentOfficer.get().scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private OfficerAccounts.OfficerDraft draft(UserForm form, BindingResult errors, OfficerPrincipal me) {
        MobilePhone mobile = null;
        IdNumber idNumber = null;
        if (form.mobile() != null && !form.mobile().isBlank()) {
            try {
                mobile = MobilePhone.of(form.mobile());
            } catch (InvalidIdentifierException e) {
                errors.rejectValue("mobile", "invalid", e.chineseMessage());
            }
        }
        if (form.idNumber() != null && !form.idNumber().isBlank()) {
            try {
                idNumber = IdNumber.of(form.idNumber());
            } catch (InvalidIdentifierException e) {
                errors.rejectValue("idNumber", "invalid", e.chineseMessage());
            }
        }
        // An administrator places accounts only within their own region.
        if (form.regionCode() != null && !form.regionCode().isBlank()
                && !form.regionCode().startsWith(RegionCode.of(me.regionCode()).subtreePrefix())) {
            errors.rejectValue("regionCode", "scope", "只能在本人所辖区划内设置用户");
        }
        if (form.departmentId() != null && departments.find(form.departmentId())
                .filter(d -> d.regionCode().startsWith(RegionCode.of(me.regionCode()).subtreePrefix())).isEmpty()) {
            errors.rejectValue("departmentId", "scope", "所选部门不存在或不在本人所辖区划内");
        }
        return new OfficerAccounts.OfficerDraft(form.username(), form.displayName(), form.regionCode(),
                form.departmentId(), form.organisationCode(), form.organisationName(), form.gridCode(), form.title(),
                mobile, idNumber);
    }

    private String form(Model model, OfficerPrincipal me, boolean editing) {
        model.addAttribute("editing", editing);
        referenceData(model, me);
        return "identity/user-form";
    }

    private void referenceData(Model model, OfficerPrincipal me) {
        String prefix = RegionCode.of(me.regionCode()).subtreePrefix();
        model.addAttribute("departments", departments.asTree(departments.inRegion(prefix)));
        model.addAttribute("regions", codeTables.regionSubtree(prefix));
        model.addAttribute("allRoles", roles());
    }

    record RoleOption(String code, String name) {
        public boolean admin() {
            return OfficerAccounts.ADMINISTRATOR_ROLES.contains(code);
        }
    }

    private List<RoleOption> roles() {
        return jdbc.sql("SELECT code, name FROM role ORDER BY sort_order").query(Rows.of(RoleOption.class)).list();
    }

    private void detailModel(Model model, Officers.OfficerView user) {
        model.addAttribute("user", user);
        model.addAttribute("businessRoles", businessRoles());
        model.addAttribute("adminAccount", user.roles().stream().anyMatch(OfficerAccounts.ADMINISTRATOR_ROLES::contains));
    }

    /** The roles the security administrator may grant and revoke: every role but the three administrators'. */
    private List<RoleOption> businessRoles() {
        return roles().stream().filter(r -> !r.admin()).toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
