package org.wageguard.casework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The exchange of a county without the platform's API: the results become the clue-result form as a file to upload
 * by hand. Every batch can be downloaded from the report page (CSV and XLSX); with an outbox directory configured
 * ({@code wageguard.platform.outbox}) the CSV is also written there, for a province's file transfer to pick up.
 */
public class FileClueExchange implements ClueExchange {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path outbox;
    private final Clock clock;

    /** @param outbox the directory the CSV is written to, or null to offer the batch for download only */
    public FileClueExchange(Path outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "FILE";
    }

    @Override
    public Receipt send(List<Result> results) {
        String name = "线索办理结果-" + LocalDateTime.now(clock).format(STAMP) + ".csv";
        if (outbox == null) {
            return new Receipt(name);
        }
        try {
            Files.createDirectories(outbox);
            Path file = outbox.resolve(name);
            Path partial = outbox.resolve(name + ".part");
            Files.write(partial, PlatformResultForm.csv(results));
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Receipt(file.toString());
        } catch (IOException e) {
            throw new Failed("报送文件无法写入 " + outbox + "：" + e.getMessage(), e);
        }
    }
}
