package org.wageguard.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash stored beside an encrypted value, to find records by an exact value without decrypting them. Keyed,
 * because an ID or phone number has so few possible values that a plain hash is reversed by trying them all.
 * The value is hashed exactly as given: pass the normalised form ({@code IdNumber.value()}), or equal numbers
 * typed differently will not meet.
 */
public final class BlindIndex {

    /** An index key can never rotate without rehashing every row, so it is as long as the hash. */
    public static final int KEY_LENGTH = 32;

    private final IndexAlgorithm algorithm;
    private final byte[] key;

    public BlindIndex(IndexAlgorithm algorithm, byte[] key) {
        if (key == null || key.length < KEY_LENGTH) {
            throw new FieldCryptoException("index key must be at least " + KEY_LENGTH + " bytes");
        }
        this.algorithm = algorithm;
        this.key = key.clone();
        mac(); // fail at start-up, not at the first lookup, if the algorithm is unavailable
    }

    public IndexAlgorithm algorithm() {
        return algorithm;
    }

    /** 64 lower-case hex digits. */
    public String hash(String normalisedValue) {
        return HexFormat.of().formatHex(mac().doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            Mac mac = algorithm.provider() == null ? Mac.getInstance(algorithm.macName())
                    : Mac.getInstance(algorithm.macName(), algorithm.provider());
            mac.init(new SecretKeySpec(key, algorithm.macName()));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(algorithm + " is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "BlindIndex(" + algorithm + ")";
    }
}
