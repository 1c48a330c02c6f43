package org.wageguard.identity.web;

import org.springframework.http.HttpStatus;
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
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OfficerPrincipal;

/** The notices sent to the officer's department, newest unread first; reading one marks it read for all. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("notices", me.departmentId() == null ? java.util.List.of()
                : notifications.of(me.departmentId(), false, 200));
        return "identity/notifications";
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
