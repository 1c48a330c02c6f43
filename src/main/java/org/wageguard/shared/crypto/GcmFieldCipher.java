package org.wageguard.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM or SM4-GCM, as the key says, with a random 12-byte IV per value. The token's header
 * ({@code v1:ALG:keyid}) is authenticated as associated data, so that relabelling a token fails like tampering.
 */
public final class GcmFieldCipher implements FieldCipher {

    private static final String VERSION = "v1";
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keyRing;
    private final SecureRandom random;

    public GcmFieldCipher(KeyRing keyRing) {
        this(keyRing, new SecureRandom());
    }

    public GcmFieldCipher(KeyRing keyRing, SecureRandom random) {
        this.keyRing = keyRing;
        this.random = random;
    }

    @Override
    public String encrypt(String plaintext) {
        KeyRing.Key key = keyRing.current();
        String header = VERSION + ":" + key.algorithm().name() + ":" + key.id();
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, iv, header, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] body = new byte[IV_LENGTH + sealed.length];
        System.arraycopy(iv, 0, body, 0, IV_LENGTH);
        System.arraycopy(sealed, 0, body, IV_LENGTH, sealed.length);
        return header + ":" + Base64.getEncoder().encodeToString(body);
    }

    @Override
    public String decrypt(String token) {
        String[] parts = token.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new FieldCryptoException("not a field-encryption token (expected v1:ALGORITHM:KEYID:DATA)");
        }
        KeyRing.Key key = keyRing.find(parts[2]).orElseThrow(() -> new FieldCryptoException("token names key "
                + parts[2] + ", which the key file does not hold; restore the key file that encrypted it"));
        if (!key.algorithm().name().equals(parts[1])) {
            throw new FieldCryptoException("token says " + parts[1] + " but key " + key.id() + " is "
                    + key.algorithm());
        }
        byte[] body;
        try {
            body = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new FieldCryptoException("token data is not base64", e);
        }
        if (body.length < IV_LENGTH + TAG_BITS / 8) {
            throw new FieldCryptoException("token data is too short to hold an IV and a tag");
        }
        byte[] iv = Arrays.copyOfRange(body, 0, IV_LENGTH);
        byte[] sealed = Arrays.copyOfRange(body, IV_LENGTH, body.length);
        String header = parts[0] + ":" + parts[1] + ":" + parts[2];
        return new String(run(Cipher.DECRYPT_MODE, key, iv, header, sealed), StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, KeyRing.Key key, byte[] iv, String header, byte[] input) {
        CipherAlgorithm algorithm = key.algorithm();
        try {
            // A Cipher is not thread-safe and cheap to make; one per call.
            Cipher cipher = algorithm.provider() == null ? Cipher.getInstance(algorithm.transformation())
                    : Cipher.getInstance(algorithm.transformation(), algorithm.provider());
            cipher.init(mode, new SecretKeySpec(key.material(), algorithm.keyAlgorithm()),
                    new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (BadPaddingException e) {
            // GCM reports a tag mismatch as AEADBadTagException (a BadPaddingException); BouncyCastle may use either.
            throw new FieldCryptoException("token failed authentication: it was altered, or encrypted under a "
                    + "different key with the same id", e);
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(algorithm + " is not available: " + e.getMessage(), e);
        }
    }
}
