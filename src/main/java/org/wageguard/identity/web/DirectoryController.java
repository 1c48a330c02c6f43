package org.wageguard.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Listing;
import org.wageguard.identity.Officers;

/** Who is who in my scope (通讯录): whom to call about an assignment. */
@Controller
class DirectoryController {

    private final Officers officers;

    DirectoryController(Officers officers) {
        this.officers = officers;
    }

    @GetMapping("/directory")
    @PreAuthorize("hasAuthority('identity:directory:view')")
    String directory(@RequestParam(required = false) String keyword, @RequestParam(defaultValue = "1") int page,
            Model model) {
        var filter = new Officers.Filter(keyword, null, null, true);
        model.addAttribute("keyword", keyword);
        model.addAttribute("page", officers.list(CurrentOfficer.get().scope(), filter, page, Listing.DEFAULT_SIZE,
                p -> UriComponentsBuilder.fromPath("/directory").queryParam("keyword", keyword == null ? "" : keyword)
                        .queryParam("page", p).encode().toUriString()));
        return "identity/directory";
    }
}
