package org.wageguard.shared.crypto;

import java.security.Provider;

/** The keyed hashes of a {@link BlindIndex}. */
public enum IndexAlgorithm {
    HMAC_SHA256("HmacSHA256", null),
    HMAC_SM3("HMACSM3", BouncyCastle.PROVIDER);

    private final String macName;
    private final Provider provider;

    IndexAlgorithm(String macName, Provider provider) {
        this.macName = macName;
        this.provider = provider;
    }

    String macName() {
        return macName;
    }

    Provider provider() {
        return provider;
    }
}
