package org.wageguard.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.internal.ApiTokens;

/** The administrator issues tokens to banks' and contractors' accounts, revokes them, and sees each call. */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final org.springframework.context.MessageSource messages;

    ApiTokenController(ApiTokens tokens, org.springframework.context.MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    private String text(String key) {
        return messages.getMessage(key, null, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @GetMapping("/admin/api-tokens")
    @PreAuthorize("hasAuthority('identity:token:manage')")
    String list(@RequestParam(required = false) Long uses, Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("holders", tokens.holders());
        if (uses != null) {
            model.addAttribute("usesOf", uses);
            model.addAttribute("uses", tokens.uses(uses, 200));
        }
        return "identity/api-tokens";
    }

    @PostMapping("/admin/api-tokens")
    @PreAuthorize("hasAuthority('identity:token:manage')")
    String issue(@RequestParam long officerId, @RequestParam(required = false) String label, RedirectAttributes redirect) {
        // Shown once, on the next page only; never stored in clear.
        if (tokens.holders().stream().noneMatch(h -> h.id() == officerId)) {
            redirect.addFlashAttribute("error", text("token.notHolder"));
        } else {
            ApiTokens.Issued issued = tokens.issue(officerId, label, CurrentOfficer.get().username());
            redirect.addFlashAttribute("issued", issued.token());
            redirect.addFlashAttribute("issuedExpiresAt", issued.expiresAt());
        }
        return "redirect:/admin/api-tokens";
    }

    @PostMapping("/admin/api-tokens/{id}/revoke")
    @PreAuthorize("hasAuthority('identity:token:manage')")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, CurrentOfficer.get().username());
        redirect.addFlashAttribute("flash", text("token.revokedFlash"));
        return "redirect:/admin/api-tokens";
    }
}
