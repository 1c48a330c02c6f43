package org.wageguard.shared.crypto;

/**
 * Encrypts one field value at a time into a self-describing token {@code v1:<algorithm>:<key id>:<base64>}, so that
 * a value keeps decrypting after the current key (or the algorithm) changes.
 */
public interface FieldCipher {

    String encrypt(String plaintext);

    /** @throws FieldCryptoException for a malformed or tampered token, or one naming a key this ring lacks */
    String decrypt(String token);
}
