package org.wageguard.casework.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.casework.CaseQueries;
import org.wageguard.casework.CaseStatus;
import org.wageguard.casework.Channel;

/**
 * The case list's filters as they arrive in the query string: the list, its pages and its ledger export are
 * the same selection, so one record binds them all.
 */
record CaseListParams(String keyword, CaseStatus status, Channel channel, Long departmentId, String sector,
        Boolean overdue, Boolean groupCase, Boolean springFestival, Boolean malicious, Boolean counted, Boolean open,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    CaseQueries.Filter filter() {
        return new CaseQueries.Filter(keyword, status, channel, overdue, groupCase, from, to, departmentId, sector,
                springFestival, malicious, counted, open);
    }

    /** The same selection under another path (a page of the list, or the ledger), empty values left out. */
    String link(String path, Integer page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "keyword", keyword == null || keyword.isBlank() ? null : keyword.trim());
        add(b, "status", status);
        add(b, "channel", channel);
        add(b, "departmentId", departmentId);
        add(b, "sector", sector == null || sector.isBlank() ? null : sector);
        add(b, "overdue", Boolean.TRUE.equals(overdue) ? true : null);
        add(b, "groupCase", Boolean.TRUE.equals(groupCase) ? true : null);
        add(b, "springFestival", Boolean.TRUE.equals(springFestival) ? true : null);
        add(b, "malicious", Boolean.TRUE.equals(malicious) ? true : null);
        add(b, "counted", Boolean.TRUE.equals(counted) ? true : null);
        add(b, "open", open);
        add(b, "from", from);
        add(b, "to", to);
        add(b, "page", page);
        return b.encode().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }
}
