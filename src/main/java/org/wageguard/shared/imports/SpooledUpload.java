package org.wageguard.shared.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body received up to a limit, kept in a temporary file (not in memory) until the import has read it.
 * Receiving stops as soon as the limit is crossed — the rest of the body is never read — and before any import or
 * database transaction has begun, so that a slow or endless upload holds neither memory nor a connection. Close it
 * to delete the file.
 */
public final class SpooledUpload implements AutoCloseable {

    private final Path file;
    private final long size;

    private SpooledUpload(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /**
     * Receives {@code body} up to {@code maxBytes}.
     *
     * @param declaredLength the length the sender announced (Content-Length), or -1: more than the limit is refused
     *                       before a byte is read
     * @throws FileTooLargeException when the body is (or announces to be) larger than {@code maxBytes}
     * @throws UnreadableFileException when the transfer breaks off
     */
    public static SpooledUpload receive(InputStream body, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
        Path file;
        try {
            file = Files.createTempFile("wageguard-upload", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return new SpooledUpload(file, total);
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UnreadableFileException("上传的文件无法读取（传输中断），请重新上传。", e);
        }
    }

    /** The bytes received. */
    public long size() {
        return size;
    }

    /** The body, from its first byte. */
    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temporary file is not worth failing a request for.
        }
    }
}
