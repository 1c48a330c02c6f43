package org.wageguard.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.internal.LoginAttempts;
import org.wageguard.identity.internal.OfficerAccounts;
import org.wageguard.identity.internal.PasswordExpiry;
import org.wageguard.identity.internal.SecuritySettings;

@Controller
class LoginController {

    private final MessageSource messages;
    private final SecuritySettings settings;
    private final OfficerAccounts accounts;
    private final LoginAttempts attempts;
    private final boolean demo;

    LoginController(MessageSource messages, SecuritySettings settings, OfficerAccounts accounts, LoginAttempts attempts,
            Environment env) {
        this.messages = messages;
        this.settings = settings;
        this.accounts = accounts;
        this.attempts = attempts;
        this.demo = env.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired, @RequestParam(required = false) String changed,
            Model model) {
        long minutes = settings.lockout().duration().toMinutes();
        if (error != null) {
            String key = switch (error) {
                // "locked_now" only ends a signed-in session (wrong old passwords at /password); a failed login is told
                // nothing but bad_credentials or, with the right password, disabled (SecurityConfiguration.answer).
                case "locked_now", "disabled", "expired" -> "login.error." + error;
                default -> "login.error.bad_credentials";
            };
            Object[] args = key.endsWith("bad_credentials") ? new Object[] {settings.lockout().maxFailures(), minutes}
                    : new Object[] {minutes};
            model.addAttribute("errorMessage", text(key, args));
        } else if (logout != null) {
            model.addAttribute("infoMessage", text("login.logout"));
        } else if (expired != null) {
            model.addAttribute("infoMessage", text("login.expired"));
        } else if (changed != null) {
            model.addAttribute("infoMessage", text("password.changed"));
        }
        model.addAttribute("demo", demo);
        return "identity/login";
    }

    /** The refusal of Spring Security's access-denied handler (a missing permission or a failed CSRF check). */
    @RequestMapping("/denied")
    String denied(HttpServletRequest request, Model model) {
        boolean csrf = Boolean.TRUE.equals(request.getAttribute("csrfFailure"));
        model.addAttribute("status", 403);
        model.addAttribute("title", text("error.403.title"));
        model.addAttribute("message", text(csrf ? "error.403.csrf" : "error.403.body"));
        model.addAttribute("back", org.wageguard.shared.ErrorPages.back(request));
        return "error/page";
    }

    @GetMapping("/password/expired")
    String expiredForm(HttpSession session, Model model) {
        Object username = session.getAttribute(PasswordExpiry.SESSION_USERNAME);
        if (username == null) {
            return "redirect:/login";
        }
        return passwordPage(model, true, (String) username, List.of());
    }

    @PostMapping("/password/expired")
    String changeExpired(HttpSession session, @RequestParam String oldPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model) {
        Object username = session.getAttribute(PasswordExpiry.SESSION_USERNAME);
        if (username == null) {
            return "redirect:/login";
        }
        List<String> problems;
        try {
            problems = change((String) username, oldPassword, newPassword, confirmPassword);
        } catch (OfficerAccounts.AccountRuleException e) {
            problems = texts(e);
        }
        if (!problems.isEmpty()) {
            return passwordPage(model, true, (String) username, problems);
        }
        session.removeAttribute(PasswordExpiry.SESSION_USERNAME);
        return "redirect:/login?changed";
    }

    @GetMapping("/password")
    String ownForm(HttpSession session, Model model) {
        oneTime(session, model);
        return passwordPage(model, false, CurrentOfficer.get().username(), List.of());
    }

    @PostMapping("/password")
    String changeOwn(HttpSession session, @RequestParam String oldPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, RedirectAttributes redirect, HttpServletRequest request,
            HttpServletResponse response) {
        String username = CurrentOfficer.get().username();
        List<String> problems;
        try {
            problems = change(username, oldPassword, newPassword, confirmPassword);
        } catch (OfficerAccounts.AccountRuleException e) {
            if (e.wrongOldPassword()) {
                // A wrong old password is a guess like a failed login: it counts toward the lock, and is logged.
                boolean locked = attempts.failed(username);
                attempts.log(username, false, locked ? "WRONG_OLD_PASSWORD_LOCKED" : "WRONG_OLD_PASSWORD",
                        request.getRemoteAddr(), request.getHeader("User-Agent"));
                if (locked) {
                    // Locked: the session ends here, as a locked account cannot sign in again.
                    new SecurityContextLogoutHandler().logout(request, response,
                            SecurityContextHolder.getContext().getAuthentication());
                    return "redirect:/login?error=locked_now";
                }
            }
            problems = texts(e);
        }
        if (!problems.isEmpty()) {
            oneTime(session, model);
            return passwordPage(model, false, username, problems);
        }
        redirect.addFlashAttribute("flash", text("password.changedSelf"));
        if (session.getAttribute(PasswordExpiry.SESSION_ONE_TIME) != null) {
            // The one-time password is gone: the system opens.
            session.removeAttribute(PasswordExpiry.SESSION_ONE_TIME);
            return "redirect:/";
        }
        return "redirect:/password";
    }

    private static void oneTime(HttpSession session, Model model) {
        model.addAttribute("oneTime", session.getAttribute(PasswordExpiry.SESSION_ONE_TIME) != null);
    }

    /** Changes the password, or names why not; a broken account rule is thrown for the caller to answer. */
    private List<String> change(String username, String oldPassword, String newPassword, String confirm) {
        if (!newPassword.equals(confirm)) {
            return List.of(text("password.mismatch"));
        }
        accounts.changePassword(username, oldPassword, newPassword);
        return List.of();
    }

    private List<String> texts(OfficerAccounts.AccountRuleException e) {
        return e.reasons().stream().map(this::text).toList();
    }

    private String passwordPage(Model model, boolean expired, String username, List<String> problems) {
        model.addAttribute("expired", expired);
        model.addAttribute("username", username);
        model.addAttribute("problems", problems);
        model.addAttribute("policyHint", text("password.policyHint", settings.password().minLength(),
                settings.password().minClasses(), settings.password().expiryDays()));
        return "identity/password";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private String text(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
