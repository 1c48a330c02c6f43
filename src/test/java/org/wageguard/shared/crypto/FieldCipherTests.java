package org.wageguard.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTests {

    private static final String ID = "430981198005121236";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static KeyRing ring(KeyRing.Key key) {
        return new KeyRing(List.of(key), key.id());
    }

    private static KeyRing.Key key(String id, CipherAlgorithm algorithm) {
        byte[] material = new byte[algorithm.keyLength()];
        RANDOM.nextBytes(material);
        return new KeyRing.Key(id, algorithm, material);
    }

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void aValueEncryptsToATokenNamingAlgorithmAndKeyAndDecryptsBack(CipherAlgorithm algorithm) {
        FieldCipher cipher = new GcmFieldCipher(ring(key("k2026a", algorithm)));

        String token = cipher.encrypt(ID);

        assertThat(token).startsWith("v1:" + algorithm.name() + ":k2026a:").doesNotContain(ID);
        // 12-byte IV + 18 bytes of ciphertext + 16-byte tag
        assertThat(Base64.getDecoder().decode(token.substring(token.lastIndexOf(':') + 1))).hasSize(12 + 18 + 16);
        assertThat(cipher.decrypt(token)).isEqualTo(ID);
        assertThat(cipher.decrypt(cipher.encrypt("张三 138****5678"))).isEqualTo("张三 138****5678");
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void twoEncryptionsOfOneValueDifferButTheBlindIndexIsEqual(CipherAlgorithm algorithm) {
        FieldCipher cipher = new GcmFieldCipher(ring(key("k2026a", algorithm)));
        byte[] indexKey = new byte[32];
        RANDOM.nextBytes(indexKey);
        BlindIndex index = new BlindIndex(algorithm.matchingIndex(), indexKey);

        assertThat(cipher.encrypt(ID)).isNotEqualTo(cipher.encrypt(ID));
        assertThat(index.hash(ID)).isEqualTo(index.hash(ID)).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(index.hash(ID)).isNotEqualTo(index.hash("430981198506151230"));
    }

    @ParameterizedTest
    @EnumSource(IndexAlgorithm.class)
    void theBlindIndexDependsOnItsKeySoItCannotBeRecomputedWithoutIt(IndexAlgorithm algorithm) {
        byte[] one = new byte[32];
        byte[] other = new byte[32];
        other[0] = 1;

        assertThat(new BlindIndex(algorithm, one).hash(ID)).isNotEqualTo(new BlindIndex(algorithm, other).hash(ID));
    }

    @Test
    void hmacSha256MatchesThePublishedTestVector() {
        // RFC 4231 case 2 uses the key "Jefe"; HMAC pads a short key with zeros, so the 32-byte padded key is the same.
        String hash = new BlindIndex(IndexAlgorithm.HMAC_SHA256, paddedJefe()).hash("what do ya want for nothing?");

        assertThat(hash).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmacSm3AgreesWithBouncyCastlesLightweightImplementation() {
        HMac reference = new HMac(new SM3Digest());
        reference.init(new KeyParameter(paddedJefe()));
        byte[] message = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        reference.update(message, 0, message.length);
        byte[] expected = new byte[reference.getMacSize()];
        reference.doFinal(expected, 0);

        assertThat(new BlindIndex(IndexAlgorithm.HMAC_SM3, paddedJefe()).hash("what do ya want for nothing?"))
                .isEqualTo(HexFormat.of().formatHex(expected))
                .isNotEqualTo(new BlindIndex(IndexAlgorithm.HMAC_SHA256, paddedJefe()).hash("what do ya want for nothing?"));
    }

    private static byte[] paddedJefe() {
        byte[] key = new byte[32];
        System.arraycopy("Jefe".getBytes(StandardCharsets.US_ASCII), 0, key, 0, 4);
        return key;
    }

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void afterRotationNewValuesUseTheNewKeyAndOldTokensStillDecrypt(CipherAlgorithm newAlgorithm) {
        KeyRing old = ring(key("k2025a", CipherAlgorithm.AES_GCM));
        String oldToken = new GcmFieldCipher(old).encrypt(ID);

        KeyRing rotated = old.rotateTo(key("k2026a", newAlgorithm));
        FieldCipher cipher = new GcmFieldCipher(rotated);

        assertThat(cipher.encrypt(ID)).startsWith("v1:" + newAlgorithm.name() + ":k2026a:");
        assertThat(cipher.decrypt(oldToken)).isEqualTo(ID);
        assertThat(old.current().id()).isEqualTo("k2025a");
    }

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void aTamperedTokenIsRefused(CipherAlgorithm algorithm) {
        FieldCipher cipher = new GcmFieldCipher(ring(key("k2026a", algorithm)));
        String token = cipher.encrypt(ID);
        String data = token.substring(token.lastIndexOf(':') + 1);
        byte[] body = Base64.getDecoder().decode(data);
        body[14] ^= 1;
        String flipped = token.substring(0, token.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(body);

        assertThatThrownBy(() -> cipher.decrypt(flipped)).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.decrypt(token.substring(0, token.length() - 4)))
                .isInstanceOf(FieldCryptoException.class);
    }

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void aTokenRelabelledToAnotherKeyOfTheSameAlgorithmFailsAuthentication(CipherAlgorithm algorithm) {
        KeyRing ring = ring(key("k2025a", algorithm)).rotateTo(key("k2026a", algorithm));
        FieldCipher cipher = new GcmFieldCipher(ring);
        String token = cipher.encrypt(ID);

        assertThatThrownBy(() -> cipher.decrypt(token.replace(":k2026a:", ":k2025a:")))
                .isInstanceOf(FieldCryptoException.class).hasMessageContaining("altered");
    }

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void aTokenOfAnUnknownKeyOrNoTokenAtAllIsRefusedClearly(CipherAlgorithm algorithm) {
        String foreign = new GcmFieldCipher(ring(key("k2099z", algorithm))).encrypt(ID);
        FieldCipher cipher = new GcmFieldCipher(ring(key("k2026a", algorithm)));

        assertThatThrownBy(() -> cipher.decrypt(foreign)).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("k2099z").hasMessageContaining("does not hold");
        assertThatThrownBy(() -> cipher.decrypt(ID)).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("not a field-encryption token");
        assertThatThrownBy(() -> cipher.decrypt("v1:" + algorithm.name() + ":k2026a:%%%"))
                .isInstanceOf(FieldCryptoException.class).hasMessageContaining("base64");
    }

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void keysOfTheWrongLengthOrWithSeparatorsInTheirIdAreRefused(CipherAlgorithm algorithm) {
        assertThatThrownBy(() -> new KeyRing.Key("k1", algorithm, new byte[algorithm.keyLength() - 1]))
                .isInstanceOf(FieldCryptoException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> new KeyRing.Key("k:1", algorithm, new byte[algorithm.keyLength()]))
                .isInstanceOf(FieldCryptoException.class).hasMessageContaining("key id");
        assertThatThrownBy(() -> new KeyRing(List.of(key("a", algorithm)), "b"))
                .isInstanceOf(FieldCryptoException.class).hasMessageContaining("current key b");
    }
}
