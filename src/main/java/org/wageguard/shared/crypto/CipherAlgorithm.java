package org.wageguard.shared.crypto;

import java.security.Provider;

/** The field ciphers; both GCM with a 12-byte IV and a 128-bit tag. SM4 is for 商用密码 (GM/T) reviews. */
public enum CipherAlgorithm {
    AES_GCM("AES", 32, null),
    SM4_GCM("SM4", 16, BouncyCastle.PROVIDER);

    private final String keyAlgorithm;
    private final int keyLength;
    private final Provider provider;

    CipherAlgorithm(String keyAlgorithm, int keyLength, Provider provider) {
        this.keyAlgorithm = keyAlgorithm;
        this.keyLength = keyLength;
        this.provider = provider;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    String transformation() {
        return keyAlgorithm + "/GCM/NoPadding";
    }

    /** Key length in bytes: AES-256, SM4-128. */
    public int keyLength() {
        return keyLength;
    }

    /** {@code null} means the JDK's own providers. */
    Provider provider() {
        return provider;
    }

    /** The blind-index algorithm that goes with this cipher in a new key file. */
    public IndexAlgorithm matchingIndex() {
        return this == SM4_GCM ? IndexAlgorithm.HMAC_SM3 : IndexAlgorithm.HMAC_SHA256;
    }
}
