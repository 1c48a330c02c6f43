package org.wageguard.shared.crypto;

/** A token or key file that cannot be used; a fault of data or configuration, not of the user. */
public class FieldCryptoException extends RuntimeException {

    public FieldCryptoException(String message) {
        super(message);
    }

    public FieldCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
