package org.wageguard.messaging.web;

import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Listing;
import org.wageguard.identity.ModuleEntry;
import org.wageguard.messaging.MessageKind;
import org.wageguard.messaging.TextMessages;
import org.wageguard.messaging.internal.MessageLog;
import org.wageguard.messaging.internal.SmsProperties;

/**
 * The message log (短信发送记录): every text message within the reader's data scope, phones masked, with its status,
 * the reason it waits or was not sent, its attempts and the platform's answer; filtered by kind, status, phone and
 * date. For the leadership office and the labor inspectors (their region) and the industry departments (the messages
 * their department answers for, and is told of when they fail) — {@code messaging:sms:view}; not the three
 * administrators, who do not read complaints, cases and wages (三员分立).
 */
@Controller
class MessageLogController {

    static final String PERMISSION = "messaging:sms:view";
    static final String[] STATUSES = {"QUEUED", "SENT", "FAILED", "SUPPRESSED"};

    private final MessageLog log;
    private final SmsProperties properties;

    MessageLogController(MessageLog log, SmsProperties properties) {
        this.log = log;
        this.properties = properties;
    }

    @GetMapping("/messaging/sms")
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    String list(@RequestParam(required = false) MessageKind kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String state = status != null && Arrays.asList(STATUSES).contains(status) ? status : null;
        boolean phoneGiven = phone != null && !phone.isBlank();
        String number = phoneGiven ? TextMessages.mobile(phone).orElse(null) : null;
        // a phone that is no mobile number finds nothing, and the page says how to write it
        model.addAttribute("phoneProblem", phoneGiven && number == null);
        Listing<MessageLog.Row> rows = phoneGiven && number == null
                ? new Listing<>(java.util.List.of(), 0, 1, Listing.DEFAULT_SIZE, p -> "")
                : log.list(CurrentOfficer.get().scope(), new MessageLog.Filter(kind == null ? null : kind.name(), state,
                        number, from, to), page, Listing.DEFAULT_SIZE, p -> link(kind, state, number, from, to, p));
        model.addAttribute("rows", rows);
        model.addAttribute("kinds", MessageKind.values());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("kind", kind);
        model.addAttribute("status", state);
        model.addAttribute("phone", phone == null ? "" : phone.trim());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("gateway", properties.getGateway().name());
        model.addAttribute("quietFrom", properties.getQuietFrom());
        model.addAttribute("quietUntil", properties.getQuietUntil());
        model.addAttribute("maxAttempts", properties.getMaxAttempts());
        return "messaging/sms-log";
    }

    private static String link(MessageKind kind, String status, String phone, LocalDate from, LocalDate to, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/messaging/sms");
        if (kind != null) {
            b.queryParam("kind", kind);
        }
        if (status != null) {
            b.queryParam("status", status);
        }
        if (phone != null) {
            b.queryParam("phone", phone);
        }
        if (from != null) {
            b.queryParam("from", from);
        }
        if (to != null) {
            b.queryParam("to", to);
        }
        return b.queryParam("page", page).build().toUriString();
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Entry {

        @org.springframework.context.annotation.Bean
        ModuleEntry messageLogEntry() {
            return new ModuleEntry(860, "sms.log.title", "sms.log.module", "/messaging/sms", PERMISSION);
        }
    }
}
