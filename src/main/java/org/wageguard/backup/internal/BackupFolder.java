package org.wageguard.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;
import org.wageguard.backup.BackupException;

/**
 * One backup on disk: a folder {@code wageguard-yyyyMMdd-HHmmss-<run>} holding the database dump, the key file, a
 * description and {@code SHA256SUMS} in the format {@code sha256sum -c} checks. Readable by its owner only: with the
 * key beside the data, the folder discloses every ID number.
 */
public final class BackupFolder {

    public static final String DUMP = "database.dump";
    public static final String KEYS = "wageguard.keys";
    public static final String INFO = "BACKUP-INFO.txt";
    public static final String SUMS = "SHA256SUMS";

    private static final Pattern NAME = Pattern.compile("wageguard-\\d{8}-\\d{6}-\\d+");

    private BackupFolder() {
    }

    public static boolean isBackupName(String name) {
        return NAME.matcher(name).matches();
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code SHA256SUMS} over the given files of the folder; returns their sums by name. */
    public static Map<String, String> writeSums(Path folder, List<String> names) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            String sum = sha256(folder.resolve(name));
            sums.put(name, sum);
            text.append(sum).append("  ").append(name).append('\n');
        }
        Path file = folder.resolve(SUMS);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ownerOnly(file);
        return sums;
    }

    /** Every file named in {@code SHA256SUMS} is there with that sum, and the dump and key file are among them. */
    public static void verify(Path folder) {
        Path sums = folder.resolve(SUMS);
        if (!Files.isRegularFile(sums)) {
            throw new BackupException("备份文件夹 " + folder + " 中没有 " + SUMS + "，不是完整的备份。");
        }
        try {
            List<String> named = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String sum = line.substring(0, line.indexOf(' '));
                String name = line.substring(line.indexOf(' ')).trim().replaceFirst("^\\*", "");
                named.add(name);
                Path file = folder.resolve(name).normalize();
                if (!file.startsWith(folder) || !Files.isRegularFile(file) || !sha256(file).equalsIgnoreCase(sum)) {
                    wrong.add(name);
                }
            }
            for (String required : List.of(DUMP, KEYS)) {
                if (!named.contains(required)) {
                    wrong.add(required + "（未列入 " + SUMS + "）");
                }
            }
            if (!wrong.isEmpty()) {
                throw new BackupException("备份校验失败：" + String.join("、", wrong) + " 缺失或 SHA-256 校验和不符，不能用于恢复。");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BackupException b) {
                throw b;
            }
            throw new BackupException("无法读取备份文件夹 " + folder + "：" + e.getMessage(), e);
        }
    }

    public static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    total += Files.size(f);
                }
            }
            return total;
        }
    }

    public static void delete(Path folder) throws IOException {
        FileSystemUtils.deleteRecursively(folder);
    }

    public static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path,
                    PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // a file system without POSIX permissions (Windows): the folder's own access rules apply
        }
    }
}
