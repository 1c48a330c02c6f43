package org.wageguard.project.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;

/** The one way the project pages look a project up: within the officer's scope, otherwise 404. */
@Component
class VisibleProjects {

    private final Projects projects;

    VisibleProjects(Projects projects) {
        this.projects = projects;
    }

    ProjectSummary get(long id) {
        return projects.find(CurrentOfficer.get().scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
