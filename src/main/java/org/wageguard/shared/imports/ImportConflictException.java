package org.wageguard.shared.imports;

/**
 * Another import of the same data (the same project and month) is being applied at this moment: this one wrote
 * nothing and says so in Chinese; the sender tries again once the other is done. An API answers it with 409.
 */
public class ImportConflictException extends RuntimeException {

    public ImportConflictException(String message) {
        super(message);
    }

    public ImportConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
