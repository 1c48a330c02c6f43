package org.wageguard.shared.imports;

/** The file cannot be read at all; the message is one sentence in Chinese for the user. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
