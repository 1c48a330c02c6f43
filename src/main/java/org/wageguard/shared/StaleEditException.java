package org.wageguard.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Someone saved the row after the form was rendered: the version the form carried no longer matches, nothing was
 * written. Its message is the one Chinese text every form shows for this (key {@code stale.edit}), with who saved and
 * when where the table keeps that. Thrown by {@link Versioned}; answered by {@code StaleEditHandler} (409 for htmx
 * and API calls, the form's page again with the message for plain forms) unless a form page catches it to render
 * itself again with the officer's input.
 */
public class StaleEditException extends OptimisticLockingFailureException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String table;
    private final Object id;
    private final String savedBy;
    private final OffsetDateTime savedAt;

    public StaleEditException(String table, Object id, String savedBy, OffsetDateTime savedAt) {
        super(text(savedBy, savedAt));
        this.table = table;
        this.id = id;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    private static String text(String savedBy, OffsetDateTime savedAt) {
        if (savedBy == null && savedAt == null) {
            return SharedMessages.chinese("stale.edit.unknown");
        }
        String who = savedBy == null ? SharedMessages.chinese("stale.edit.someone") : savedBy;
        String when = savedAt == null ? "" : SharedMessages.chinese("stale.edit.at", (Object)
                savedAt.atZoneSameInstant(java.time.ZoneId.systemDefault()).format(WHEN));
        return SharedMessages.chinese("stale.edit", (Object) (when.isEmpty() ? who : who + " " + when));
    }

    public String table() {
        return table;
    }

    public Object id() {
        return id;
    }

    /** The username that saved last, when the table records it. */
    public String savedBy() {
        return savedBy;
    }

    public OffsetDateTime savedAt() {
        return savedAt;
    }
}
