package org.wageguard.casework;

/** A matter was registered (from any channel): early warning re-counts complaints about its employer and project. */
public record CaseRegistered(long caseId, Long employerId, Long projectId, String regionCode) {
}
