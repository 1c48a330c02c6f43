package org.wageguard.shared.crypto;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every key that ever encrypted a field, by id, and the one that encrypts now. Rotation adds a key and makes it
 * current; old keys stay so that what they encrypted still decrypts.
 */
public final class KeyRing {

    /** One key; the algorithm belongs to the key so that a ring can move from AES to SM4 without re-encrypting. */
    public static final class Key {

        private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

        private final String id;
        private final CipherAlgorithm algorithm;
        private final byte[] material;

        public Key(String id, CipherAlgorithm algorithm, byte[] material) {
            // The id travels inside tokens separated by ':'.
            if (id == null || !ID.matcher(id).matches()) {
                throw new FieldCryptoException("key id must be 1-32 of [A-Za-z0-9_-]: " + id);
            }
            if (material == null || material.length != algorithm.keyLength()) {
                throw new FieldCryptoException("key " + id + " for " + algorithm + " must be "
                        + algorithm.keyLength() + " bytes");
            }
            this.id = id;
            this.algorithm = algorithm;
            this.material = material.clone();
        }

        /** A fresh random key with an id naming its day of creation, e.g. {@code k20261128-3fa9}. */
        public static Key generate(CipherAlgorithm algorithm, SecureRandom random) {
            byte[] material = new byte[algorithm.keyLength()];
            random.nextBytes(material);
            byte[] suffix = new byte[2];
            random.nextBytes(suffix);
            String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
            return new Key("k" + day + "-" + HexFormat.of().formatHex(suffix), algorithm, material);
        }

        public String id() {
            return id;
        }

        public CipherAlgorithm algorithm() {
            return algorithm;
        }

        public byte[] material() {
            return material.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && id.equals(that.id) && algorithm == that.algorithm
                    && Arrays.equals(material, that.material);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }

        /** Never the material. */
        @Override
        public String toString() {
            return id + " (" + algorithm + ")";
        }
    }

    private final Map<String, Key> keys;
    private final Key current;

    public KeyRing(Iterable<Key> keys, String currentId) {
        Map<String, Key> byId = new LinkedHashMap<>();
        for (Key key : keys) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new FieldCryptoException("key id " + key.id() + " occurs twice");
            }
        }
        this.current = byId.get(currentId);
        if (current == null) {
            throw new FieldCryptoException("current key " + currentId + " is not among the keys " + byId.keySet());
        }
        this.keys = Collections.unmodifiableMap(byId);
    }

    public Key current() {
        return current;
    }

    public Optional<Key> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** In the order they were added; the current one is among them. */
    public Iterable<Key> keys() {
        return keys.values();
    }

    /** A ring with {@code key} added and made current; this ring is unchanged. */
    public KeyRing rotateTo(Key key) {
        java.util.List<Key> all = new java.util.ArrayList<>(keys.values());
        all.add(key);
        return new KeyRing(all, key.id());
    }

    @Override
    public String toString() {
        return "KeyRing" + keys.keySet() + ", current " + current.id();
    }
}
