package org.wageguard.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record an officer asked to read or change that does not exist for them: outside their data scope, or not at
 * all — the two are not told apart, so that nobody learns which ids exist elsewhere. Thrown by
 * {@link ScopedRecords} and answered 404 in this one place.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String table, long id) {
        super(table + " " + id + " is not within the officer's data scope");
    }
}
