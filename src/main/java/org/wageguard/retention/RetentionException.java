package org.wageguard.retention;

/** A retention setting or request refused, with the Chinese message to show. */
public class RetentionException extends RuntimeException {

    public RetentionException(String message) {
        super(message);
    }
}
