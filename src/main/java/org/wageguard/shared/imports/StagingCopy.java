package org.wageguard.shared.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows streamed into a staging table with PostgreSQL's {@code COPY ... FROM STDIN} on the connection of the current
 * (Spring-managed) transaction: the table is a temporary one dropped at the end of the transaction, so what an
 * import staged is gone with it whether it commits or rolls back. Values are encoded in COPY's text format as they
 * come and sent in blocks of 256 KB; nothing is kept. While a COPY is under way the connection answers nothing else:
 * {@link #pause()} before a query on the same transaction.
 */
public final class StagingCopy implements AutoCloseable {

    private static final int BLOCK = 256 * 1024;

    private final org.postgresql.copy.CopyManager copyManager;
    private final String copySql;
    private CopyIn copy;
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(BLOCK + 4096);
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    private StagingCopy(org.postgresql.copy.CopyManager copyManager, String copySql) {
        this.copyManager = copyManager;
        this.copySql = copySql;
    }

    /**
     * Creates {@code table} as {@code CREATE TEMP TABLE table (columns) ON COMMIT DROP} and opens a COPY into it.
     * Must run inside a transaction.
     *
     * @param columns the column definitions, e.g. {@code "row_no BIGINT, project_id BIGINT"}
     */
    public static StagingCopy open(DataSource dataSource, String table, String columns) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("staging needs the import's transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TEMP TABLE " + table + " (" + columns + ") ON COMMIT DROP");
            PGConnection pg = connection.unwrap(PGConnection.class);
            return new StagingCopy(pg.getCopyAPI(), "COPY " + table + " FROM STDIN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot stage into " + table, e);
        }
    }

    /** One row, its values in the table's column order; null is SQL NULL. */
    public void row(Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            append(values[i]);
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        rows++;
        if (buffer.size() >= BLOCK) {
            flush();
        }
    }

    private void append(Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof BigDecimal d) {
            line.append(d.toPlainString());
        } else if (value instanceof Boolean b) {
            line.append(b ? 't' : 'f');
        } else if (value instanceof Number || value instanceof LocalDate) {
            line.append(value);
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }
    }

    private void flush() {
        try {
            if (buffer.size() == 0) {
                return;
            }
            if (copy == null) {
                copy = copyManager.copyIn(copySql);
            }
            byte[] bytes = buffer.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.reset();
        } catch (SQLException e) {
            throw new IllegalStateException("staging failed", e);
        }
    }

    /**
     * Ends the COPY under way, so that the transaction's connection can answer other statements (a COPY holds it);
     * the next row starts a new one.
     */
    public void pause() {
        flush();
        if (copy != null) {
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("staging failed", e);
            }
            copy = null;
        }
    }

    /** Ends the COPY; the rows are in the table. */
    public long finish() {
        pause();
        return rows;
    }

    /** The rows handed over so far. */
    public long rows() {
        return rows;
    }

    /** Cancels a COPY that did not finish (the file was refused while it was read). */
    @Override
    public void close() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // The transaction rolls back anyway.
            }
        }
    }
}
