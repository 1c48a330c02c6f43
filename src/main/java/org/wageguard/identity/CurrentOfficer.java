package org.wageguard.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The officer of the current request, for application services that check scope and write the audit trail. */
public final class CurrentOfficer {

    private CurrentOfficer() {
    }

    public static Optional<OfficerPrincipal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OfficerPrincipal officer) {
            return Optional.of(officer);
        }
        return Optional.empty();
    }

    public static OfficerPrincipal get() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in officer"));
    }
}
