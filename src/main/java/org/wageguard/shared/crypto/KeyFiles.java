package org.wageguard.shared.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key file: a properties file holding the cipher keys by id, the current one, and the blind-index key. Example:
 *
 * <pre>
 * format=wageguard-keys-1
 * cipher.current=k20261128-3fa9
 * cipher.key.k20261128-3fa9.algorithm=AES_GCM
 * cipher.key.k20261128-3fa9.material=&lt;base64, 32 bytes for AES_GCM, 16 for SM4_GCM&gt;
 * index.algorithm=HMAC_SHA256
 * index.key=&lt;base64, 32 bytes&gt;
 * </pre>
 *
 * Written owner-only (POSIX 600 where the file system has permissions) and never overwritten in place: losing it
 * loses every encrypted value, so it is backed up with the database but stored apart from it.
 */
public final class KeyFiles {

    /** What a key file yields: the cipher over its key ring and the blind index. */
    public record KeyMaterial(KeyRing keyRing, BlindIndex blindIndex) {

        public FieldCipher cipher() {
            return new GcmFieldCipher(keyRing);
        }
    }

    static final String FORMAT = "wageguard-keys-1";
    private static final String KEY_PREFIX = "cipher.key.";
    private static final String MATERIAL_SUFFIX = ".material";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** A new AES-256-GCM / HMAC-SHA256 key file; refuses to replace an existing file. */
    public static KeyMaterial generate(Path file) throws IOException {
        return generate(file, CipherAlgorithm.AES_GCM);
    }

    /** A new key file for the algorithm, with the matching index (SM4 → HMAC-SM3); refuses to replace a file. */
    public static KeyMaterial generate(Path file, CipherAlgorithm algorithm) throws IOException {
        KeyRing.Key key = KeyRing.Key.generate(algorithm, RANDOM);
        byte[] indexKey = new byte[BlindIndex.KEY_LENGTH];
        RANDOM.nextBytes(indexKey);
        KeyMaterial material = new KeyMaterial(new KeyRing(List.of(key), key.id()),
                new BlindIndex(algorithm.matchingIndex(), indexKey));
        // Written whole under a name of its own, then published under the real name in one step that fails if the
        // name is taken: two instances starting at once on one key file never see half a file, and never two keys.
        Path temporary = file.resolveSibling(file.getFileName() + "." + java.util.UUID.randomUUID() + ".new");
        createOwnerOnly(temporary);
        try {
            write(temporary, material, indexKey);
            publish(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return material;
    }

    /** Gives the complete file its name, refusing with {@link java.nio.file.FileAlreadyExistsException} if taken. */
    private static void publish(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (UnsupportedOperationException e) {
            // No hard links on this file system: a rename that refuses an existing name (checked, not atomic).
            Files.move(temporary, file);
        }
    }

    /**
     * Adds a fresh key and makes it current, keeping every old key and the index key; the file is replaced
     * atomically so that a crash leaves either the old or the new file.
     */
    public static KeyMaterial rotate(Path file, CipherAlgorithm algorithm) throws IOException {
        Properties properties = read(file);
        byte[] indexKey = base64(file, properties, "index.key");
        KeyMaterial old = parse(file, properties);
        KeyMaterial rotated = new KeyMaterial(old.keyRing().rotateTo(KeyRing.Key.generate(algorithm, RANDOM)),
                old.blindIndex());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        createOwnerOnly(temporary);
        write(temporary, rotated, indexKey);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rotated;
    }

    public static KeyMaterial load(Path file) throws IOException {
        return parse(file, read(file));
    }

    /** Whether only the owner may read the file; {@code true} where the file system has no POSIX permissions. */
    public static boolean isOwnerOnly(Path file) throws IOException {
        if (!supportsPosix(file)) {
            return true;
        }
        return OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static KeyMaterial parse(Path file, Properties properties) {
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new FieldCryptoException("key file " + file + " is not in format " + FORMAT);
        }
        List<KeyRing.Key> keys = new ArrayList<>();
        // Ids begin with their creation day, so sorted order is the order of rotation.
        Set<String> ids = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(KEY_PREFIX) && name.endsWith(MATERIAL_SUFFIX)) {
                ids.add(name.substring(KEY_PREFIX.length(), name.length() - MATERIAL_SUFFIX.length()));
            }
        }
        for (String id : ids) {
            CipherAlgorithm algorithm = enumValue(file, properties, KEY_PREFIX + id + ".algorithm",
                    CipherAlgorithm.class);
            keys.add(new KeyRing.Key(id, algorithm, base64(file, properties, KEY_PREFIX + id + MATERIAL_SUFFIX)));
        }
        KeyRing ring = new KeyRing(keys, required(file, properties, "cipher.current"));
        BlindIndex index = new BlindIndex(enumValue(file, properties, "index.algorithm", IndexAlgorithm.class),
                base64(file, properties, "index.key"));
        return new KeyMaterial(ring, index);
    }

    private static String required(Path file, Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new FieldCryptoException("key file " + file + " lacks " + name);
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E enumValue(Path file, Properties properties, String name, Class<E> type) {
        String value = required(file, properties, name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new FieldCryptoException("key file " + file + ": " + name + " is " + value + ", not one of "
                    + EnumSet.allOf(type));
        }
    }

    private static byte[] base64(Path file, Properties properties, String name) {
        try {
            return Base64.getDecoder().decode(required(file, properties, name));
        } catch (IllegalArgumentException e) {
            // Not the value: it is a secret.
            throw new FieldCryptoException("key file " + file + ": " + name + " is not base64");
        }
    }

    private static void write(Path file, KeyMaterial material, byte[] indexKey) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write("# WageGuard field-encryption keys. Keep owner-only; back up with the database but store apart\n");
            out.write("# from it: without this file the encrypted ID, card and phone numbers cannot be read.\n");
            out.write("format=" + FORMAT + "\n");
            out.write("cipher.current=" + material.keyRing().current().id() + "\n");
            for (KeyRing.Key key : material.keyRing().keys()) {
                out.write(KEY_PREFIX + key.id() + ".algorithm=" + key.algorithm().name() + "\n");
                out.write(KEY_PREFIX + key.id() + MATERIAL_SUFFIX + "=" + base64.encodeToString(key.material()) + "\n");
            }
            out.write("index.algorithm=" + material.blindIndex().algorithm().name() + "\n");
            out.write("index.key=" + base64.encodeToString(indexKey) + "\n");
        }
    }

    /** Created with its permissions, not chmod-ed after writing, so the keys are never readable by others. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (supportsPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            return;
        }
        Files.createFile(file);
        // Best effort: on Windows these flags do not map to ACLs; the directory's ACL must protect the file there.
        java.io.File plain = file.toFile();
        plain.setReadable(false, false);
        plain.setReadable(true, true);
        plain.setWritable(false, false);
        plain.setWritable(true, true);
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
