package org.wageguard.payroll.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;

/** What the pages of one project's month share: the project as the officer may see it, and the month asked for. */
final class ProjectMonthPages {

    private ProjectMonthPages() {
    }

    /** The project within the officer's scope; any other is "not found", never "forbidden" (no probing of ids). */
    static ProjectSummary visible(Projects projects, long id) {
        return projects.find(CurrentOfficer.get().scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The month of the request, {@code fallback} where none is given; a malformed month is "not found". */
    static YearMonth month(String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
