package org.wageguard.shared.imports;

/**
 * How much an import may bring: the file's size in bytes and its number of data rows. Anything larger is
 * refused before it can exhaust memory or hold a transaction for minutes.
 */
public record Limits(long maxBytes, int maxRows) {

    /** 20 MB and 100,000 rows: a county's roster or ledger with room to spare, well under the upload cap. */
    public static final Limits DEFAULT = new Limits(20L * 1024 * 1024, 100_000);

    public Limits {
        if (maxBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** A size as a user reads it: "20 MB", "512 KB". */
    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }
}
