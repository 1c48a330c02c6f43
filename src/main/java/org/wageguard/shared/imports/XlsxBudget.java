package org.wageguard.shared.imports;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.SAXException;

/**
 * How much of one xlsx may be inflated, counted byte by byte as it is inflated (never trusting the sizes the zip
 * declares): the ratio check of {@code ZipSecureFile} lets through a part that compresses less than 100:1, however
 * large it unpacks, and the shared strings table and the styles are held in memory whole. So:
 * <ul>
 * <li>all parts together at most {@link #MAX_UNPACKED} (the sheet is streamed row by row, so this bounds time, not
 * memory; it stays under ZipSecureFile's 200 MB per entry, so that this clearer message comes first);</li>
 * <li>each part that is held in memory (shared strings, styles, the workbook and relationship parts — everything but
 * the worksheets) at most {@link #MAX_PART}.</li>
 * </ul>
 * A file that crosses a bound is refused with the file's name and the bound the moment it is crossed; nothing past it
 * is inflated. A 100,000-row roster unpacks to about 60 MB with about 10 MB of shared strings.
 */
final class XlsxBudget {

    static final long MAX_UNPACKED = 160L * 1024 * 1024;
    static final long MAX_PART = 32L * 1024 * 1024;

    private static final String SHARED_STRINGS = "共享字符串表（各文字单元格的内容）";
    private static final String STYLES = "样式表";

    private final String filename;
    private long inflated;

    XlsxBudget(String filename) {
        this.filename = filename;
    }

    /** The entries of the zip as POI reads them, each inflated through the count. */
    ZipEntrySource entries(File file) throws IOException {
        return new CountedEntries(new ZipFileZipEntrySource(ZipHelper.openZipFile(file)));
    }

    /** The shared strings table, read through the bound on a part held in memory; empty when the file has none. */
    ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException, InvalidFormatException {
        PackagePart part = first(pkg, XSSFRelation.SHARED_STRINGS.getContentType());
        if (part == null) {
            return new ReadOnlySharedStringsTable(new ByteArrayInputStream(new byte[0]), false);
        }
        try (InputStream in = new Bounded(part.getInputStream(), SHARED_STRINGS, MAX_PART)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** The styles (they tell a date from a number), read through the bound on a part held in memory. */
    StylesTable styles(OPCPackage pkg) throws IOException, InvalidFormatException {
        PackagePart part = first(pkg, XSSFRelation.STYLES.getContentType());
        if (part == null) {
            return null;
        }
        try (InputStream in = new Bounded(part.getInputStream(), STYLES, MAX_PART)) {
            return new StylesTable(in);
        }
    }

    private static PackagePart first(OPCPackage pkg, String contentType) throws InvalidFormatException {
        List<PackagePart> parts = pkg.getPartsByContentType(contentType);
        return parts.isEmpty() ? null : parts.get(0);
    }

    private UnreadableFileException refused(String what, long bound) {
        return new UnreadableFileException("文件“" + filename + "”中的" + what + "解压后超过 " + Limits.megabytes(bound)
                + " 的上限，已停止读取（疑似“压缩炸弹”或含大量无关内容）；请只保留导入模板的工作表，或分成几个文件导入。");
    }

    private static boolean isWorksheet(String entryName) {
        return entryName.startsWith("xl/worksheets/") && !entryName.contains("_rels/");
    }

    private final class CountedEntries implements ZipEntrySource {
        private final ZipEntrySource zip;

        CountedEntries(ZipEntrySource zip) {
            this.zip = zip;
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return zip.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return zip.getEntry(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            InputStream in = zip.getInputStream(entry);
            String name = entry.getName();
            if (isWorksheet(name)) {
                return new Bounded(in, "工作表", MAX_UNPACKED);
            }
            String what = name.endsWith("sharedStrings.xml") ? SHARED_STRINGS : name.endsWith("styles.xml") ? STYLES
                    : "“" + name + "”部分";
            return new Bounded(in, what, MAX_PART);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        @Override
        public boolean isClosed() {
            return zip.isClosed();
        }
    }

    /** Counts what is read from one part against its own bound and, with every other part, against the total. */
    private final class Bounded extends CountingStream {
        private final String what;
        private final long bound;
        private long read;

        Bounded(InputStream in, String what, long bound) {
            super(in);
            this.what = what;
            this.bound = bound;
        }

        @Override
        void count(long n) {
            read += n;
            inflated += n;
            if (read > bound) {
                throw refused(what, bound);
            }
            if (inflated > MAX_UNPACKED) {
                throw refused("全部内容", MAX_UNPACKED);
            }
        }
    }
}
