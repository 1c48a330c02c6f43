package org.wageguard.workforce;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Checked;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.Masking;

/**
 * The workers of one streamed import: each row is staged with the blind index of its ID number, and the first row of
 * an ID number also with what registering the worker needs (the number encrypted, masked, its GB 11643 check), so
 * that the workers first seen in a file are registered set-wise ({@link #register}) as {@link Workers#identify}
 * registers one. The indexes are cached per file (bounded), since a file repeats each ID number many times.
 */
public final class StagedWorkers {

    /** The staging columns this adds to a slice import's own. */
    public static final String COLUMNS = "id_hash VARCHAR(64) NOT NULL, id_cipher TEXT, id_masked VARCHAR(32), "
            + "id_verified BOOLEAN, id_check VARCHAR(200)";
    private static final int CACHE = 400_000;

    private final SensitiveData sensitive;
    private final Map<String, String> hashes = new HashMap<>();

    public StagedWorkers(SensitiveData sensitive) {
        this.sensitive = sensitive;
    }

    /** The five values of {@link #COLUMNS} for a row with this ID number. */
    public Object[] values(Checked<IdNumber> id) {
        String value = id.value();
        String hash = hashes.get(value);
        if (hash != null) {
            return new Object[] {hash, null, null, null, null};
        }
        if (hashes.size() >= CACHE) {
            hashes.clear();
        }
        hash = sensitive.index(value);
        hashes.put(value, hash);
        return new Object[] {hash, sensitive.encrypt(value), Masking.idNumber(value), id.verified(),
                id.failure().map(f -> f.chineseMessage()).orElse(null)};
    }

    /**
     * Registers every worker of the staged rows of {@code table} not known yet. {@code nameColumn} names each new
     * worker (the file's name of the later row), or null for the placeholder of a worker without a name.
     */
    public static void register(JdbcClient jdbc, String table, String nameColumn, String actor) {
        String names = nameColumn == null ? "" : """
                  JOIN (SELECT DISTINCT ON (id_hash) id_hash, %s AS name FROM %s
                         WHERE id_hash IN (SELECT id_hash FROM %s WHERE id_cipher IS NOT NULL)
                         ORDER BY id_hash, row_no DESC) n ON n.id_hash = c.id_hash
                """.formatted(nameColumn, table, table);
        jdbc.sql("""
                INSERT INTO worker (id_number_cipher, id_number_hash, id_number_masked, id_verified, id_check, name,
                    created_by, updated_by)
                SELECT c.id_cipher, c.id_hash, c.id_masked, c.id_verified, c.id_check, %s, :by, :by
                  FROM (SELECT DISTINCT ON (id_hash) * FROM %s WHERE id_cipher IS NOT NULL ORDER BY id_hash) c
                %s
                 WHERE NOT EXISTS (SELECT 1 FROM worker w WHERE w.id_number_hash = c.id_hash)
                ON CONFLICT (id_number_hash) DO NOTHING
                """.formatted(nameColumn == null ? ":unnamed" : "n.name", table, names)).param("by", actor)
                .param("unnamed", Workers.UNNAMED).update();
    }

    /**
     * A name in a file replaces the worker's earlier one (people correct their names): the later row's. {@code rows}
     * is a query (over the import's own staging tables) yielding {@code id_hash} and {@code name} once per worker.
     */
    public static void rename(JdbcClient jdbc, String rows, String actor) {
        jdbc.sql("""
                UPDATE worker w SET name = n.name, updated_at = now(), updated_by = :by
                  FROM (%s) n
                 WHERE w.id_number_hash = n.id_hash AND w.name IS DISTINCT FROM n.name
                """.formatted(rows)).param("by", actor).update();
    }
}
