package org.wageguard.payroll.reconciliation;

import java.nio.file.Path;
import java.util.Objects;

/** A CSV table: a file (read through a small buffer whatever its size) or bytes already in memory. */
public final class CsvSource implements RowSource {

    private final String name;
    private final Path path;
    private final byte[] content;

    private CsvSource(String name, Path path, byte[] content) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = path;
        this.content = content;
    }

    public static CsvSource of(Path path) {
        return new CsvSource(path.getFileName().toString(), path, null);
    }

    /** CSV bytes held in memory, e.g. an upload; {@code name} serves the messages. */
    public static CsvSource of(String name, byte[] content) {
        return new CsvSource(name, null, content.clone());
    }

    @Override
    public String name() {
        return name;
    }

    /** The file, or null for bytes in memory. */
    Path path() {
        return path;
    }

    byte[] content() {
        return content;
    }
}
