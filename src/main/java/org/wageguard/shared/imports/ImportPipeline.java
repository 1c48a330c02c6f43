package org.wageguard.shared.imports;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * What every streamed import runs on: its size limit per kind of file ({@code wageguard.imports.max-size.<kind>},
 * 20 MB by default; there is no row cap), its one transaction, and the staging table it fills by {@code COPY} on
 * that transaction's connection ({@link StagingCopy}).
 */
@Component
@EnableConfigurationProperties(ImportPipeline.Settings.class)
public class ImportPipeline {

    /** @param maxSize the largest file per kind (attendance, payroll, disbursement, ...), e.g. {@code 2GB} */
    @ConfigurationProperties("wageguard.imports")
    public record Settings(Map<String, DataSize> maxSize) {
        public Settings {
            maxSize = maxSize == null ? Map.of() : Map.copyOf(maxSize);
        }
    }

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Map<String, Limits> limits = new HashMap<>();

    ImportPipeline(DataSource dataSource, PlatformTransactionManager transactionManager, Settings settings) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        settings.maxSize().forEach((kind, size) -> limits.put(kind.toLowerCase(Locale.ROOT),
                new Limits(size.toBytes(), Limits.DEFAULT.maxRows())));
    }

    /** The limits of a kind of file (its name in lower case, e.g. {@code attendance}). */
    public Limits limits(String kind) {
        return limits.getOrDefault(kind.toLowerCase(Locale.ROOT), Limits.DEFAULT);
    }

    /**
     * What a streamed read of a file saw: how many data rows, and which columns the file has at all (an optional
     * column may be left out of a file entirely, and then changes nothing).
     */
    public record Streamed(long rows, Set<String> present) {
        public boolean has(Column column) {
            return present.contains(column.name());
        }
    }

    /**
     * Reads a file of {@code kind} as a stream under that kind's size limit — no row cap — handing each data row to
     * {@code handler} as it is read: the imports that check and write row by row (employers, projects, clues) keep
     * only what they will write, never the file.
     *
     * @throws UnreadableFileException when the file cannot be read at all
     * @throws FileTooLargeException   past the kind's size limit (reading stops there)
     */
    public Streamed stream(String kind, String fileName, InputStream in, List<Column> columns,
            TabularFile.RowHandler handler) {
        long[] rows = {0};
        Set<String> present = TabularFile.stream(fileName, in, columns, limits(kind), row -> {
            rows[0]++;
            handler.row(row);
        });
        return new Streamed(rows[0], present);
    }

    /** Runs {@code work} in one new transaction: all of it commits, or none of it. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** A temporary staging table of the current transaction, filled by COPY. */
    public StagingCopy staging(String table, String columns) {
        return StagingCopy.open(dataSource, table, columns);
    }
}
