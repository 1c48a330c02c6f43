package org.wageguard.leadership.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.leadership.LeadershipGroup;
import org.wageguard.shared.RegionCode;

/**
 * The leadership group's page (members, the member units and their duties, the documents that set them) and each
 * member unit's page; the leadership office maintains them.
 */
@Controller
class LeadershipController {

    private final LeadershipGroup group;
    private final Departments departments;
    private final MessageSource messages;

    LeadershipController(LeadershipGroup group, Departments departments, MessageSource messages) {
        this.group = group;
        this.departments = departments;
        this.messages = messages;
    }

    private static String prefix(OfficerPrincipal me) {
        return RegionCode.of(me.regionCode()).subtreePrefix();
    }

    @GetMapping("/leadership")
    @PreAuthorize("hasAuthority('leadership:group:view')")
    String group(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("members", group.members(prefix(me)));
        model.addAttribute("duties", group.duties(prefix(me)));
        model.addAttribute("documents", group.documents(prefix(me)));
        model.addAttribute("departments", departments.inRegion(prefix(me)));
        model.addAttribute("positions", LeadershipGroup.Position.values());
        return "leadership/group";
    }

    /** A member unit's page: who represents it in the group and what it answers for. */
    @GetMapping("/leadership/units/{departmentId}")
    @PreAuthorize("hasAuthority('leadership:group:view')")
    String unit(@PathVariable long departmentId, Model model) {
        Departments.Department d = visible(departmentId);
        model.addAttribute("unit", d);
        model.addAttribute("members", group.membersOf(departmentId));
        model.addAttribute("duties", group.dutiesOf(departmentId));
        model.addAttribute("documents", group.documents(prefix(CurrentOfficer.get())));
        return "leadership/unit";
    }

    @PostMapping("/leadership/documents")
    @PreAuthorize("hasAuthority('leadership:group:edit')")
    String addDocument(@RequestParam(required = false) String number, @RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam(required = false) String issuer, RedirectAttributes redirect) {
        return attempt(redirect, "redirect:/leadership",
                () -> group.addDocument(CurrentOfficer.get().regionCode(), number, title, issuedOn, issuer));
    }

    @PostMapping("/leadership/members")
    @PreAuthorize("hasAuthority('leadership:group:edit')")
    String addMember(@RequestParam(required = false) LeadershipGroup.Position position,
            @RequestParam(required = false) String personName, @RequestParam(required = false) String post,
            @RequestParam long departmentId, @RequestParam long documentId, @RequestParam(defaultValue = "100") int sortOrder,
            RedirectAttributes redirect) {
        visible(departmentId);
        visibleDocument(documentId);
        return attempt(redirect, "redirect:/leadership", () -> group.addMember(CurrentOfficer.get().regionCode(), position,
                personName, post, departmentId, documentId, sortOrder));
    }

    @PostMapping("/leadership/units/{departmentId}/duties")
    @PreAuthorize("hasAuthority('leadership:group:edit')")
    String addDuty(@PathVariable long departmentId, @RequestParam long documentId,
            @RequestParam(required = false) String basis, @RequestParam(required = false) String duty,
            @RequestParam(defaultValue = "100") int sortOrder, RedirectAttributes redirect) {
        visible(departmentId);
        visibleDocument(documentId);
        return attempt(redirect, "redirect:/leadership/units/" + departmentId,
                () -> group.addDuty(departmentId, documentId, basis, duty, sortOrder));
    }

    @PostMapping("/leadership/units/{departmentId}/duties/{dutyId}/remove")
    @PreAuthorize("hasAuthority('leadership:group:edit')")
    String removeDuty(@PathVariable long departmentId, @PathVariable long dutyId, RedirectAttributes redirect) {
        visible(departmentId);
        group.duty(dutyId).filter(x -> x.departmentId() == departmentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return attempt(redirect, "redirect:/leadership/units/" + departmentId, () -> {
            group.removeDuty(dutyId);
            return 0L;
        });
    }

    private String attempt(RedirectAttributes redirect, String target, java.util.function.Supplier<Long> action) {
        try {
            action.get();
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", text("leadership.invalid." + e.getMessage()));
        }
        return target;
    }

    private Departments.Department visible(long id) {
        String prefix = prefix(CurrentOfficer.get());
        return departments.find(id).filter(d -> d.regionCode().startsWith(prefix))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void visibleDocument(long id) {
        if (group.documents(prefix(CurrentOfficer.get())).stream().noneMatch(d -> d.id() == id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
