package org.wageguard.shared.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * A tabular import file, CSV or XLSX, read by the rules of FORMATS.md "Files": the format is told by the content
 * (a zip is an xlsx), never by the file name; one header row whose names match the columns case-insensitively in
 * any order, by English name or Chinese alias; unknown columns ignored; values trimmed, an empty cell absent, an
 * empty row skipped. A file that cannot be read at all is refused with one Chinese sentence.
 */
public final class TabularFile {

    static {
        // A legitimate sheet compresses about 10:1; a zip bomb 1000:1. These apply to every xlsx the JVM opens.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final List<Row> rows;
    private final Set<String> present;

    private TabularFile(List<Row> rows, Set<String> present) {
        this.rows = List.copyOf(rows);
        this.present = Collections.unmodifiableSet(present);
    }

    /** The data rows, in file order, without empty ones. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether the file has the column at all (an optional column may be left out of a file entirely). */
    public boolean has(Column column) {
        return present.contains(column.name());
    }

    /** Receives the data rows of a file one at a time, in file order, without empty ones. */
    @FunctionalInterface
    public interface RowHandler {
        void row(Row row);
    }

    /**
     * Reads the whole file into memory, for the small imports (employers, projects, clues) that keep their rows.
     * {@code filename} serves only the messages; the content decides the format.
     *
     * @throws UnreadableFileException when the file cannot be read at all, or has more rows than {@code limits}
     */
    public static TabularFile read(String filename, InputStream in, List<Column> columns, Limits limits) {
        List<Row> rows = new ArrayList<>();
        Set<String> present = stream(filename, in, columns, limits, row -> {
            if (rows.size() >= limits.maxRows()) {
                throw new UnreadableFileException("数据行过多：超过 " + limits.maxRows() + " 行的上限，请分成几个文件导入。");
            }
            rows.add(row);
        });
        return new TabularFile(rows, present);
    }

    /**
     * Reads the file as a stream, handing each data row to {@code handler} as soon as it is read: no row is kept, so
     * a file of any number of rows is read in constant memory. A CSV is decoded and parsed as it arrives; an xlsx is
     * first received into a temporary file (a zip must be read from its end) and then read by the streaming sheet
     * reader under {@link XlsxBudget}. Only {@code limits.maxBytes()} applies; there is no row cap.
     *
     * @return the names of the columns the file has
     * @throws UnreadableFileException when the file cannot be read at all (rows already handed over stay handed
     *                                 over: the caller's transaction undoes them)
     */
    public static Set<String> stream(String filename, InputStream in, List<Column> columns, Limits limits,
            RowHandler handler) {
        Assembler assembler = new Assembler(columns, handler);
        try (InputStream limited = new LimitedStream(in, limits.maxBytes());
                BufferedInputStream buffered = new BufferedInputStream(limited, 256 * 1024)) {
            buffered.mark(8);
            byte[] magic = buffered.readNBytes(4);
            buffered.reset();
            if (magic.length == 0) {
                throw new UnreadableFileException("文件为空，没有表头行。");
            }
            if (startsWith(magic, ZIP)) {
                readXlsx(filename, buffered, assembler);
            } else if (startsWith(magic, OLE2)) {
                throw new UnreadableFileException(oleMessage(buffered));
            } else {
                readCsv(buffered, assembler);
            }
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (IOException e) {
            throw new UnreadableFileException("上传的文件无法读取（传输中断），请重新上传。", e);
        }
        return assembler.finish();
    }

    /** Counts what is read and refuses the file as soon as it is larger than the limit. */
    private static final class LimitedStream extends CountingStream {
        private final long max;
        private long total;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        void count(long n) {
            total += n;
            if (total > max) {
                throw new FileTooLargeException(max);
            }
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** An OLE2 container is either a password-protected xlsx or a legacy binary Office file. */
    private static String oleMessage(InputStream in) {
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return "Excel 文件设置了打开密码（已加密），无法读取；请取消密码后另存为 .xlsx 再导入。";
            }
        } catch (IOException | RuntimeException e) {
            // Not even a valid OLE2 file: the message below fits it as well.
        }
        return "这是旧版 Excel（.xls）或其他 Office 文件，无法读取；请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入。";
    }

    // ------------------------------------------------------------------ CSV

    private static void readCsv(InputStream in, Assembler assembler) throws IOException {
        // Decoded strictly as it is read: a byte that is not UTF-8 stops the file with the encoding message.
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(reader, format);
            for (CSVRecord record : parser) {
                // Excel shows each record, a quoted multi-line value included, as one row; blank lines count.
                List<String> cells = record.toList();
                for (String cell : cells) {
                    if (cell.indexOf('\0') >= 0) {
                        throw new UnreadableFileException("文件不是 CSV 或 Excel（.xlsx）文件，无法读取。");
                    }
                }
                assembler.row(record.getRecordNumber(), cells);
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            if (find(e, CharacterCodingException.class) != null) {
                throw notUtf8();
            }
            UnreadableFileException inner = find(e, UnreadableFileException.class);
            if (inner != null) {
                throw inner;
            }
            if (find(e, org.apache.commons.csv.CSVException.class) == null && find(e, IOException.class) != null) {
                throw new UnreadableFileException("上传的文件无法读取（传输中断），请重新上传。", e);
            }
            long line = parser == null ? 1 : parser.getCurrentLineNumber() + 1;
            throw new UnreadableFileException("CSV 格式错误：第 " + line + " 行附近的双引号不成对，无法分列。"
                    + "含逗号、换行或双引号的值须整体用英文双引号括起，值内的双引号写作两个（\"\"）。", e);
        }
    }

    private static UnreadableFileException notUtf8() {
        return new UnreadableFileException("文件既不是 Excel（.xlsx），也不是 UTF-8 编码的 CSV；如果是 Excel 另存的 CSV，"
                + "请另存时选择“CSV UTF-8（逗号分隔）”。");
    }

    // ------------------------------------------------------------------ XLSX

    private static void readXlsx(String filename, InputStream in, Assembler assembler) {
        Path temp = null;
        // Opened from a file, not a stream, so that entries are inflated lazily under ZipSecureFile's checks
        // instead of all at once in memory; every byte inflated is counted against XlsxBudget's bounds.
        try {
            temp = Files.createTempFile("wageguard-import", ".xlsx");
            Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            XlsxBudget budget = new XlsxBudget(filename);
            try (OPCPackage pkg = OPCPackage.open(budget.entries(temp.toFile()))) {
                XSSFReader reader = new XSSFReader(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new UnreadableFileException("Excel 文件中没有工作表。");
                }
                // Both are held in memory whole: each read through the bound on a part kept in memory, whatever
                // the name the file gives it.
                ReadOnlySharedStringsTable strings = budget.sharedStrings(pkg);
                StylesTable styles = budget.styles(pkg);
                try (InputStream sheet = sheets.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings,
                            new SheetRows(assembler), new ImportDataFormatter(), false));
                    xml.parse(new InputSource(sheet));
                }
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            UnreadableFileException inner = find(e, UnreadableFileException.class);
            if (inner != null) {
                throw inner;
            }
            if (mentions(e, "Zip bomb")) {
                throw new UnreadableFileException("文件解压后体积异常膨胀（疑似“压缩炸弹”），已拒绝读取。", e);
            }
            throw new UnreadableFileException("Excel 文件已损坏或不是有效的 .xlsx 文件，无法读取；请用 Excel 打开后重新另存为 .xlsx。", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A leftover temp file is not worth failing an import for.
                }
            }
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Collects a sheet's cells row by row; cells may be sparse, so they are placed by their reference. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Assembler assembler;
        private final TreeMap<Integer, String> cells = new TreeMap<>();
        private int lastColumn = -1;

        SheetRows(Assembler assembler) {
            this.assembler = assembler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastColumn = -1;
        }

        @Override
        public void endRow(int rowNum) {
            List<String> values = new ArrayList<>();
            if (!cells.isEmpty()) {
                for (int i = 0; i <= cells.lastKey(); i++) {
                    values.add(cells.get(i));
                }
            }
            assembler.row(rowNum + 1L, values);
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
            lastColumn = column;
            cells.put(column, formattedValue);
        }
    }

    // ------------------------------------------------------------------ both

    /** Turns raw rows into header-mapped {@link Row}s, whichever format they came from. */
    private static final class Assembler {
        private final List<Column> columns;
        private final RowHandler handler;
        private Map<Integer, Column> byIndex;

        Assembler(List<Column> columns, RowHandler handler) {
            this.columns = columns;
            this.handler = handler;
        }

        void row(long number, List<String> cells) {
            if (byIndex == null) {
                if (cells.stream().allMatch(c -> clean(c) == null)) {
                    return;
                }
                byIndex = header(cells);
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            byIndex.forEach((index, column) -> {
                String value = index < cells.size() ? clean(cells.get(index)) : null;
                if (value != null) {
                    values.put(column.name(), value);
                }
            });
            if (values.isEmpty()) {
                return;
            }
            handler.row(new Row(number, values));
        }

        private Map<Integer, Column> header(List<String> cells) {
            Map<Integer, Column> mapped = new LinkedHashMap<>();
            Map<Column, Integer> seen = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String header = cells.get(i);
                for (Column column : columns) {
                    if (column.matches(header)) {
                        if (seen.putIfAbsent(column, i) != null) {
                            throw new UnreadableFileException("表头中列“" + column.label() + "”出现了不止一次，无法确定取哪一列。");
                        }
                        mapped.put(i, column);
                        break;
                    }
                }
            }
            List<String> missing = columns.stream().filter(Column::required).filter(c -> !seen.containsKey(c))
                    .map(Column::label).toList();
            if (!missing.isEmpty()) {
                throw new UnreadableFileException("缺少必填列：" + String.join("、", missing)
                        + "。请使用下载的导入模板，第一行为表头。");
            }
            return mapped;
        }

        Set<String> finish() {
            if (byIndex == null) {
                throw new UnreadableFileException("文件为空，没有表头行。");
            }
            return byIndex.values().stream().map(Column::name).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /** Trimmed, with full-width and non-breaking spaces too; an empty cell is absent. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.replace('\u00A0', ' ').strip();
        return v.isEmpty() ? null : v;
    }
}
