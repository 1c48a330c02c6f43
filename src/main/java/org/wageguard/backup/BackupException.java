package org.wageguard.backup;

/** A backup or restore that cannot be done, with the reason in Chinese for the administrator. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
