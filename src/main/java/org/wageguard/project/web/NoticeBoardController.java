package org.wageguard.project.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.RightsNotices;

/**
 * The printable rights-notice board (维权信息告示牌, 《保障农民工工资支付条例》第三十四条) of a project: for everyone who may
 * see the project (its scope checked here, so a contractor's wage officer gets the boards of its own projects only).
 */
@Controller
class NoticeBoardController {

    private final VisibleProjects visibleProjects;
    private final RightsNotices notices;

    NoticeBoardController(VisibleProjects visibleProjects, RightsNotices notices) {
        this.visibleProjects = visibleProjects;
        this.notices = notices;
    }

    @GetMapping("/projects/{id}/notice-board.pdf")
    @PreAuthorize("hasAuthority('project:project:view')")
    ResponseEntity<byte[]> board(@PathVariable long id) {
        ProjectSummary project = visibleProjects.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("维权信息告示牌-" + project.code() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(notices.boardPdf(project,
                        ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()));
    }
}
