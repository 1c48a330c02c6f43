package org.wageguard.payroll.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the four tables into primitive rows. A large attendance file — nine tenths of a data set — is split at
 * line ends and parsed by every core, each into its own {@link AttendanceDays}, while the other files are read
 * alongside. A split at a line end is only sound without quoted line breaks, so a chunk that meets a quote
 * gives up, and so does one that meets a bad row (its row number would be relative): the file is then read
 * again from the start in one piece, which gives the right data or the right message.
 */
final class Loader {

    private static final int BUFFER = 1 << 20;

    final Keys keys = new Keys();
    final Cards cards = new Cards();
    final Cards transactions = new Cards();
    // Not final: the ledger lets go of each as soon as it has taken it in, to keep the peak of memory low.
    RosterRows roster = new RosterRows();
    PayrollRows payroll = new PayrollRows();
    final DisbursementRows disbursements = new DisbursementRows();
    final List<AttendanceDays> attendance = new ArrayList<>();

    private final int threads;
    private final long parallelThreshold;

    Loader(int threads, long parallelThreshold) {
        this.threads = threads;
        this.parallelThreshold = parallelThreshold;
    }

    void load(ReconciliationInput input) {
        for (RowSource source : input.all()) {
            if (source instanceof CsvSource csv && csv.path() != null && !Files.isRegularFile(csv.path())) {
                throw new UnreadableInputException(csv.name(), 0, null, null,
                        "文件不存在（应在 " + csv.path().toAbsolutePath().getParent() + " 中）");
            }
        }
        if (threads > 1 && input.attendance() instanceof CsvSource csv && csv.path() != null
                && size(csv.path()) >= parallelThreshold) {
            loadInParallel(input, csv);
        } else {
            readRoster(input.roster());
            AttendanceDays days = new AttendanceDays();
            read(input.attendance(), Sheet.ATTENDANCE, map -> new AttendanceDays.Reader(map, keys, days));
            attendance.add(days);
            readPayroll(input.payroll());
            readDisbursements(input.disbursements());
        }
    }

    private void readRoster(RowSource source) {
        read(source, Sheet.ROSTER, map -> new RosterRows.Reader(map, keys, cards, roster));
    }

    private void readPayroll(RowSource source) {
        read(source, Sheet.PAYROLL, map -> new PayrollRows.Reader(map, keys, payroll));
    }

    private void readDisbursements(RowSource source) {
        read(source, Sheet.DISBURSEMENTS, map -> new DisbursementRows.Reader(map, keys, cards, transactions,
                disbursements));
    }

    /** Reads a whole table in order, in the calling thread. */
    private static void read(RowSource source, Sheet sheet, Function<ColumnMap, RowReader> readers) {
        if (source instanceof CellSource cells) {
            cells.read(sheet, readers);
            return;
        }
        CsvSource csv = (CsvSource) source;
        if (csv.path() == null) {
            readRecords(new CsvTokenizer(csv.name(), csv.content()), sheet, readers);
            return;
        }
        try (FileChannel channel = FileChannel.open(csv.path(), StandardOpenOption.READ)) {
            readRecords(new CsvTokenizer(csv.name(), channel, 0, channel.size(), false, new byte[BUFFER]), sheet,
                    readers);
        } catch (IOException e) {
            throw new UnreadableInputException(csv.name(), 0, null, null, "无法打开文件：" + e.getMessage());
        }
    }

    private static void readRecords(CsvTokenizer tokenizer, Sheet sheet, Function<ColumnMap, RowReader> readers) {
        RowReader reader = readers.apply(header(tokenizer, sheet));
        while (tokenizer.next()) {
            reader.accept(tokenizer.buffer(), tokenizer.starts, tokenizer.ends, tokenizer.fieldCount,
                    tokenizer.records);
        }
    }

    /** The first non-blank record is the header. */
    private static ColumnMap header(CsvTokenizer tokenizer, Sheet sheet) {
        while (tokenizer.next()) {
            if (!RowReader.blank(tokenizer.buffer(), tokenizer.starts, tokenizer.ends, tokenizer.fieldCount)) {
                return ColumnMap.of(sheet, tokenizer.file(), tokenizer.strings(), tokenizer.records);
            }
        }
        throw new UnreadableInputException(tokenizer.file(), 0, null, null, "文件是空的，没有表头行");
    }

    private void loadInParallel(ReconciliationInput input, CsvSource attendanceFile) {
        Outcome rosterRead = new Outcome();
        Outcome payrollRead = new Outcome();
        Outcome disbursementsRead = new Outcome();
        AtomicBoolean chunksFailed = new AtomicBoolean();
        ConcurrentLinkedQueue<Consumer<Worker>> tasks = new ConcurrentLinkedQueue<>();
        tasks.add(w -> {
            if (rosterRead.run(() -> readRoster(input.roster()))) {
                disbursementsRead.run(() -> readDisbursements(input.disbursements()));
            }
        });
        tasks.add(w -> payrollRead.run(() -> readPayroll(input.payroll())));
        try (FileChannel channel = FileChannel.open(attendanceFile.path(), StandardOpenOption.READ)) {
            ColumnMap map;
            long dataStart;
            try {
                CsvTokenizer head = new CsvTokenizer(attendanceFile.name(), channel, 0, channel.size(), false,
                        new byte[1 << 16]);
                map = header(head, Sheet.ATTENDANCE);
                dataStart = head.offset();
            } catch (UnreadableInputException e) {
                // Leave the message to the reading in one piece below, in the order of the files.
                chunksFailed.set(true);
                map = null;
                dataStart = 0;
            }
            if (map != null) {
                long[] bounds = lineBoundaries(channel, dataStart, channel.size(), threads * 8);
                for (int k = 0; k + 1 < bounds.length; k++) {
                    long start = bounds[k];
                    long end = bounds[k + 1];
                    ColumnMap columns = map;
                    tasks.add(w -> {
                        if (chunksFailed.get()) {
                            return;
                        }
                        try {
                            w.attendance(columns, keys).read(channel, start, end, w.buffer);
                        } catch (CsvTokenizer.QuoteSeen | UnreadableInputException e) {
                            chunksFailed.set(true);
                        }
                    });
                }
            }
            List<Worker> workers = runAll(tasks);
            rosterRead.rethrow();
            if (chunksFailed.get()) {
                AttendanceDays days = new AttendanceDays();
                read(attendanceFile, Sheet.ATTENDANCE, m -> new AttendanceDays.Reader(m, keys, days));
                attendance.add(days);
            } else {
                for (Worker w : workers) {
                    if (w.days != null) {
                        attendance.add(w.days);
                    }
                }
            }
            payrollRead.rethrow();
            disbursementsRead.rethrow();
        } catch (IOException e) {
            throw new UnreadableInputException(attendanceFile.name(), 0, null, null, "无法读取文件：" + e.getMessage());
        }
    }

    private List<Worker> runAll(ConcurrentLinkedQueue<Consumer<Worker>> tasks) {
        List<Worker> workers = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        Throwable[] crash = new Throwable[1];
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker();
            workers.add(worker);
            Thread thread = new Thread(() -> {
                for (Consumer<Worker> task; (task = tasks.poll()) != null; ) {
                    task.accept(worker);
                }
            }, "reconcile-reader-" + i);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> {
                synchronized (crash) {
                    if (crash[0] == null) {
                        crash[0] = e;
                    }
                }
            });
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
        }
        synchronized (crash) {
            if (crash[0] instanceof RuntimeException e) {
                throw e;
            }
            if (crash[0] instanceof Error e) {
                throw e;
            }
        }
        return workers;
    }

    /** Offsets that split {@code [start, end)} into about {@code parts} pieces, each cut just after a line feed. */
    static long[] lineBoundaries(FileChannel channel, long start, long end, int parts) throws IOException {
        List<Long> bounds = new ArrayList<>();
        bounds.add(start);
        ByteBuffer probe = ByteBuffer.allocate(1 << 16);
        long step = Math.max(1, (end - start) / parts);
        for (long nominal = start + step; nominal < end; nominal += step) {
            long cut = -1;
            for (long at = Math.max(nominal, bounds.get(bounds.size() - 1)); at < end && cut < 0; ) {
                probe.clear();
                int got = channel.read(probe, at);
                if (got <= 0) {
                    break;
                }
                for (int i = 0; i < got; i++) {
                    if (probe.get(i) == '\n') {
                        cut = at + i + 1;
                        break;
                    }
                }
                at += got;
            }
            if (cut < 0 || cut >= end) {
                break;
            }
            if (cut > bounds.get(bounds.size() - 1)) {
                bounds.add(cut);
            }
        }
        bounds.add(end);
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader thread's own state: its attendance table and read buffer. */
    private static final class Worker {
        final byte[] buffer = new byte[BUFFER];
        AttendanceDays days;
        AttendanceChunk reader;

        AttendanceChunk attendance(ColumnMap map, Keys keys) {
            if (reader == null) {
                days = new AttendanceDays();
                reader = new AttendanceChunk(map, keys, days);
            }
            return reader;
        }
    }

    /** The result of reading one file in a pool thread: fine, or the reason it could not be read. */
    private static final class Outcome {
        private volatile UnreadableInputException failure;

        boolean run(Runnable read) {
            try {
                read.run();
                return true;
            } catch (UnreadableInputException e) {
                failure = e;
                return false;
            }
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
