package org.wageguard.messaging.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.messaging.TextMessages;
import org.wageguard.messaging.internal.SmsProperties;
import org.wageguard.shared.Masking;

/**
 * An officer's own choice of text messages (短信提醒设置), next to the password on their own account: an assignment to
 * their department, a red alert of their department. Every signed-in officer sets only their own.
 */
@Controller
class SmsPreferenceController {

    private final TextMessages messages;
    private final JdbcClient jdbc;
    private final org.wageguard.identity.SensitiveData sensitive;
    private final SmsProperties properties;
    private final OperationLog operationLog;
    private final MessageSource bundle;

    SmsPreferenceController(TextMessages messages, JdbcClient jdbc, org.wageguard.identity.SensitiveData sensitive,
            SmsProperties properties, OperationLog operationLog, MessageSource bundle) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.properties = properties;
        this.operationLog = operationLog;
        this.bundle = bundle;
    }

    @GetMapping("/me/sms")
    @PreAuthorize("isAuthenticated()")
    String page(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        String cipher = jdbc.sql("SELECT mobile_cipher FROM officer_directory WHERE id = :id").param("id", me.id())
                .query(String.class).optional().orElse(null);
        model.addAttribute("mobile", cipher == null ? null : Masking.mobile(sensitive.decryptForProcessing(cipher)));
        model.addAttribute("choice", messages.choiceOf(me.id()));
        model.addAttribute("quietFrom", properties.getQuietFrom());
        model.addAttribute("quietUntil", properties.getQuietUntil());
        return "messaging/preferences";
    }

    @PostMapping("/me/sms")
    @PreAuthorize("isAuthenticated()")
    String save(@RequestParam(defaultValue = "false") boolean assignments,
            @RequestParam(defaultValue = "false") boolean redAlerts, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        messages.choose(me.id(), new TextMessages.OfficerChoice(assignments, redAlerts));
        operationLog.record("SMS_PREFERENCE", "officer", me.id(), "短信提醒设置：交办提醒" + (assignments ? "开" : "关")
                + "，红色预警提醒" + (redAlerts ? "开" : "关"));
        redirect.addFlashAttribute("flash", bundle.getMessage("sms.prefs.saved", null, Locale.SIMPLIFIED_CHINESE));
        return "redirect:/me/sms";
    }
}
