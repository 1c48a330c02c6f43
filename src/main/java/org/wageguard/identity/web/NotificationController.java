package org.wageguard.identity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Downloads;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The notices sent to the officer's department, newest unread first; reading one marks it read for all. The list
 * exports as Excel with the same rows.
 */
@Controller
class NotificationController {

    /** How many notices the list shows (and the export holds). */
    static final int LISTED = 200;

    private static final List<String> COLUMNS = List.of("notice.subject", "notice.kind", "notice.body", "notice.link",
            "notice.createdAt", "notice.readAt", "notice.readByName");

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("notices", listed(CurrentOfficer.get()));
        return "identity/notifications";
    }

    /** The notices of the list as Excel: the officer's own department's only, the same rows as the page. */
    @GetMapping("/notifications.xlsx")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> export() {
        List<List<?>> rows = new ArrayList<>();
        for (Notifications.Notice n : listed(CurrentOfficer.get())) {
            rows.add(Arrays.asList(n.title(), messages.getMessage("notice.kind." + n.kind(), null, n.kind(),
                    Locale.SIMPLIFIED_CHINESE), n.body(), n.link(), LedgerWorkbook.time(n.createdAt()), LedgerWorkbook.time(n.readAt()), n.readBy()));
        }
        return Downloads.xlsx(text("notice.file"),
                LedgerWorkbook.toXlsx(text("notice.title"), COLUMNS.stream().map(this::text).toList(), rows));
    }

    /** What the list shows: the notices of the officer's department (none for an officer without one). */
    private List<Notifications.Notice> listed(OfficerPrincipal me) {
        return me.departmentId() == null ? List.of() : notifications.of(me.departmentId(), false, LISTED);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** Marks the notice read and opens what it is about. */
    @PostMapping("/notifications/{id}/read")
    @PreAuthorize("isAuthenticated()")
    String read(@PathVariable long id) {
        OfficerPrincipal me = CurrentOfficer.get();
        if (me.departmentId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var notice = notifications.of(me.departmentId(), false, 1000).stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        notifications.markRead(id, me);
        return "redirect:" + (notice.link() != null && notice.link().startsWith("/") ? notice.link() : "/notifications");
    }

    /** The count of unread notices for the top bar of every page. */
    @ControllerAdvice(annotations = Controller.class)
    static class UnreadCount {

        private final Notifications notifications;

        UnreadCount(Notifications notifications) {
            this.notifications = notifications;
        }

        @ModelAttribute("unreadNotices")
        Long unreadNotices() {
            return CurrentOfficer.find().map(OfficerPrincipal::departmentId).map(notifications::unread).orElse(null);
        }
    }
}
