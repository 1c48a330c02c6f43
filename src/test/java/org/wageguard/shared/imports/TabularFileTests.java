package org.wageguard.shared.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularFileTests {

    static final Column CODE = Column.required("project_code", "项目编号");
    static final Column NAME = Column.required("worker_name", "姓名");
    static final Column DATE = Column.optional("entry_date", "进场日期");
    static final Column AMOUNT = Column.optional("amount", "金额");
    static final List<Column> COLUMNS = List.of(CODE, NAME, DATE, AMOUNT);

    static TabularFile csv(String text) {
        return read("x.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static TabularFile read(String filename, byte[] bytes) {
        return TabularFile.read(filename, new ByteArrayInputStream(bytes), COLUMNS, Limits.DEFAULT);
    }

    @Test
    void aCsvWithBomAndChineseHeadersInAnyOrderReadsByColumn() {
        TabularFile file = csv("\uFEFF姓名,备注,项目编号\r\n张三,随便,P001\r\n李四,,P002\r\n");
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).get(CODE)).isEqualTo("P001");
        assertThat(file.rows().get(0).get(NAME)).isEqualTo("张三");
        assertThat(file.rows().get(0).number()).isEqualTo(2);
        assertThat(file.rows().get(1).number()).isEqualTo(3);
        assertThat(file.has(DATE)).isFalse();
        assertThat(file.rows().get(0).values()).doesNotContainKey("备注");
    }

    @Test
    void headersMatchCaseInsensitivelyAndInTheTemplateForm() {
        TabularFile file = csv("PROJECT_CODE,姓名（worker_name）, Entry_Date \nP1,王五,2021-03-05\n");
        assertThat(file.rows().get(0).get(CODE)).isEqualTo("P1");
        assertThat(file.rows().get(0).get(NAME)).isEqualTo("王五");
        assertThat(file.rows().get(0).get(DATE)).isEqualTo("2021-03-05");
    }

    @Test
    void quotedCommasAndNewlinesStayInTheirValueAndRowNumbersFollowExcel() {
        TabularFile file = csv("project_code,worker_name,amount\n\"P,1\",\"赵\n六\",\" 3000 \"\n\n\"P2\",\"他说\"\"好\"\"\",\n");
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).get(CODE)).isEqualTo("P,1");
        assertThat(file.rows().get(0).get(NAME)).isEqualTo("赵\n六");
        assertThat(file.rows().get(0).get(AMOUNT)).isEqualTo("3000");
        assertThat(file.rows().get(1).get(NAME)).isEqualTo("他说\"好\"");
        assertThat(file.rows().get(1).get(AMOUNT)).isNull();
        assertThat(file.rows().get(1).number()).isEqualTo(4);
    }

    @Test
    void emptyRowsAreSkippedAndEmptyCellsAreAbsent() {
        TabularFile file = csv("project_code,worker_name\n , \n,,\nP1,  \n");
        assertThat(file.rows()).hasSize(1);
        assertThat(file.rows().get(0).number()).isEqualTo(4);
        assertThat(file.rows().get(0).values()).containsOnlyKeys("project_code");
    }

    @Test
    void brokenQuotingIsRefusedWithOneMessage() {
        assertThatThrownBy(() -> csv("project_code,worker_name\nP1,\"张三\nP2,李四\n"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("CSV 格式错误").hasMessageContaining("双引号");
        assertThatThrownBy(() -> csv("project_code,worker_name\n\"P1\"x,李四\n"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("CSV 格式错误");
    }

    @Test
    void aMissingRequiredColumnIsNamedInChinese() {
        assertThatThrownBy(() -> csv("姓名,金额\n张三,1\n")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("缺少必填列：项目编号（project_code）。请使用下载的导入模板，第一行为表头。");
    }

    @Test
    void aColumnGivenTwiceIsRefused() {
        assertThatThrownBy(() -> csv("project_code,项目编号,姓名\nP1,P2,张三\n"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("项目编号（project_code）");
    }

    @Test
    void neitherCsvNorXlsxIsRefused() {
        byte[] gbk = "项目编号,姓名\nP1,张三\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThatThrownBy(() -> read("roster.csv", gbk)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("UTF-8");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};
        assertThatThrownBy(() -> read("roster.xlsx", png)).isInstanceOf(UnreadableFileException.class);
        assertThatThrownBy(() -> read("roster.csv", new byte[0])).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("文件为空");
    }

    @Test
    void limitsOnSizeAndRowsAreEnforced() {
        String text = "project_code,worker_name\n" + "P1,张三\n".repeat(20);
        assertThatThrownBy(() -> TabularFile.read("x.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                COLUMNS, new Limits(1_000_000, 10))).isInstanceOf(UnreadableFileException.class).hasMessageContaining("10 行");
        assertThatThrownBy(() -> TabularFile.read("x.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                COLUMNS, new Limits(100, 1000))).isInstanceOf(UnreadableFileException.class).hasMessageContaining("文件过大");
    }

    // ------------------------------------------------------------------ XLSX

    @Test
    void anXlsxRoundTripsWithDatesAndNumbersAsTheUserSeesThem() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet first = wb.createSheet("花名册");
            wb.createSheet("其他").createRow(0).createCell(0).setCellValue("不读");
            var header = first.createRow(0);
            header.createCell(0).setCellValue("金额");
            header.createCell(2).setCellValue("项目编号");
            header.createCell(3).setCellValue("进场日期");
            header.createCell(4).setCellValue("worker_name");
            CellStyle chineseDate = wb.createCellStyle();
            chineseDate.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var r1 = first.createRow(1);
            r1.createCell(0).setCellValue(3000);
            r1.createCell(2).setCellValue("P001");
            var date = r1.createCell(3);
            date.setCellValue(LocalDate.of(2021, 3, 5));
            date.setCellStyle(chineseDate);
            r1.createCell(4).setCellValue("  张三 ");
            first.createRow(2); // an empty row
            var r3 = first.createRow(3);
            r3.createCell(0).setCellValue(1234.5);
            r3.createCell(2).setCellValue(430981); // a code typed as a number
            r3.createCell(4).setCellValue("李四");
            var r4 = first.createRow(4);
            r4.createCell(0).setCellFormula("0.1+0.2");
            r4.createCell(2).setCellValue("P3");
            r4.createCell(4).setCellValue("王五");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            bytes = write(wb);
        }
        TabularFile file = read("upload.csv", bytes); // the name lies; the content decides
        assertThat(file.rows()).hasSize(3);
        Row first = file.rows().get(0);
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.get(AMOUNT)).isEqualTo("3000");
        assertThat(first.get(DATE)).isEqualTo("2021-03-05");
        assertThat(first.get(NAME)).isEqualTo("张三");
        assertThat(file.rows().get(1).number()).isEqualTo(4);
        assertThat(file.rows().get(1).get(AMOUNT)).isEqualTo("1234.5");
        assertThat(file.rows().get(1).get(CODE)).isEqualTo("430981");
        assertThat(file.rows().get(2).get(AMOUNT)).isEqualTo("0.3");
    }

    @Test
    void theTemplateReadsBackAndKeepsExamplesOutOfTheImport() throws IOException {
        byte[] template = TemplateWorkbook.create("用人单位", COLUMNS, List.of(List.of("P001", "张三", "2021-03-05", "3000")),
                List.of("金额以元为单位"));
        TabularFile empty = read("t.xlsx", template);
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.has(AMOUNT)).isTrue();
        byte[] filled;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目编号（project_code）");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo(TemplateWorkbook.NOTES_SHEET);
            var row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue("P009");
            row.createCell(1).setCellValue("赵六");
            filled = write(wb);
        }
        TabularFile file = read("t.xlsx", filled);
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.get(CODE)).isEqualTo("P009");
            assertThat(r.get(NAME)).isEqualTo("赵六");
        });
    }

    @Test
    void theProblemReportListsRowColumnValueAndReason() throws IOException {
        Row row = new Row(7, java.util.Map.of("project_code", "X"));
        byte[] report = ProblemReport.toXlsx(List.of(Problem.of(row, CODE, "项目不存在"),
                new Problem(3, "姓名（worker_name）", null, "不能为空")), "用人单位导入问题");
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo("用人单位导入问题");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行号");
            assertThat(s.getRow(0).getCell(3).getStringCellValue()).isEqualTo("原因");
            assertThat(s.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("项目编号（project_code）");
            assertThat(s.getRow(2).getCell(2).getStringCellValue()).isEqualTo("X");
            assertThat(s.getRow(2).getCell(3).getStringCellValue()).isEqualTo("项目不存在");
        }
    }

    @Test
    void aMalformedXlsxIsRefused() {
        byte[] truncated;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("project_code");
            byte[] whole = write(wb);
            truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> read("a.xlsx", truncated)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Excel 文件已损坏");
        byte[] plainZip = zip("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read("a.xlsx", plainZip)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Excel 文件已损坏");
    }

    @Test
    void anEncryptedXlsxIsRefusedAsSuch() throws Exception {
        byte[] plain;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("project_code");
            plain = write(wb);
        }
        byte[] encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (var in = org.apache.poi.openxml4j.opc.OPCPackage.open(new ByteArrayInputStream(plain));
                 var out = enc.getDataStream(fs)) {
                in.save(out);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            encrypted = bytes.toByteArray();
        }
        assertThatThrownBy(() -> read("a.xlsx", encrypted)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("加密");
    }

    @Test
    void aZipBombIsRefusedBeforeItInflates() throws IOException {
        byte[] good;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var row = wb.createSheet("a").createRow(0);
            row.createCell(0).setCellValue("project_code");
            row.createCell(1).setCellValue("worker_name");
            good = write(wb);
        }
        // The same workbook with a sheet that inflates 1000:1 to 100 MB of whitespace before its rows.
        byte[] bomb = replaceEntry(good, "xl/worksheets/sheet1.xml", out -> {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                out.write(spaces);
            }
            out.write("<sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> read("bomb.xlsx", bomb)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("压缩炸弹");
    }

    @Test
    void aHugeSharedStringsTableIsRefusedAtItsBoundNamingTheFileAndNothingPastItIsInflated() throws IOException {
        byte[] good;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var row = wb.createSheet("a").createRow(0);
            row.createCell(0).setCellValue("project_code");
            row.createCell(1).setCellValue("worker_name");
            good = write(wb);
        }
        // 40 MB of distinct strings: they compress about 20:1, well within the zip-bomb ratio check, and unpack
        // beyond the 32 MB bound on a part held in memory. Past 34 MB the part is not even XML any more: a reader that
        // inflated beyond the bound before refusing would report a damaged file instead.
        long[] written = {0};
        byte[] huge = replaceEntry(good, "xl/sharedStrings.xml", out -> {
            byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\">").getBytes(StandardCharsets.UTF_8);
            out.write(head);
            written[0] += head.length;
            StringBuilder chunk = new StringBuilder();
            for (long i = 0; written[0] < 40L * 1024 * 1024; i++) {
                chunk.append("<si><t>工人").append(i * 7919 % 1_000_003).append('-').append(i).append("</t></si>");
                if (chunk.length() > 8192) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    out.write(written[0] > 34L * 1024 * 1024 ? "<<<不是 XML>>>".repeat(bytes.length / 20).getBytes(StandardCharsets.UTF_8) : bytes);
                    written[0] += bytes.length;
                    chunk.setLength(0);
                }
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(huge.length).as("within the upload limit").isLessThan((int) Limits.DEFAULT.maxBytes());
        assertThat((double) huge.length / written[0]).as("passes the zip-bomb ratio check").isGreaterThan(0.01);
        assertThatThrownBy(() -> read("名册-大.xlsx", huge)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("名册-大.xlsx").hasMessageContaining("共享字符串").hasMessageContaining("32 MB");
    }

    @Test
    void allPartsTogetherAreBoundedWhileTheSheetIsStreamed() throws IOException {
        byte[] good;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var row = wb.createSheet("a").createRow(0);
            row.createCell(0).setCellValue("project_code");
            row.createCell(1).setCellValue("worker_name");
            good = write(wb);
        }
        // A sheet of 180 MB of empty rows padded with blanks (under ZipSecureFile's 200 MB per entry): it compresses
        // within the ratio check, none is a data row.
        byte[] huge = replaceEntry(good, "xl/worksheets/sheet1.xml", out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            StringBuilder chunk = new StringBuilder();
            for (long i = 1, written = 0; written < 180L * 1024 * 1024; i++) {
                chunk.append("<row r=\"").append(i).append("\"/>").append(" ".repeat(100));
                if (chunk.length() > 8192) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    out.write(bytes);
                    written += bytes.length;
                    chunk.setLength(0);
                }
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(huge.length).isLessThan((int) Limits.DEFAULT.maxBytes());
        assertThatThrownBy(() -> read("考勤.xlsx", huge)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("考勤.xlsx").hasMessageContaining("160 MB");
    }

    // ------------------------------------------------------------------ helpers

    static byte[] write(Workbook wb) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zip(String name, byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    interface EntryWriter {
        void write(ZipOutputStream out) throws IOException;
    }

    /** Copies a zip, writing one entry anew. */
    static byte[] replaceEntry(byte[] zip, String entry, EntryWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    writer.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
