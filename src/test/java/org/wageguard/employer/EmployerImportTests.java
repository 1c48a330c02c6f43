package org.wageguard.employer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wageguard.DemoApplicationTest;
import org.wageguard.employer.internal.EmployerImport;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The employer import end to end: all-or-nothing, row by row, re-import, bad files, and a crash half-way. */
@DemoApplicationTest
class EmployerImportTests {

    static final String HEADER = "统一社会信用代码,单位名称,单位类型,所属行业,行政区划,行业主管部门,联系电话,经营状态,职工人数\n";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired EmployerImport imports;

    static String row(String code, String name) {
        return code + "," + name + ",劳务企业,50,430981001,沅江市住房和城乡建设局,13907379876,正常经营,45\n";
    }

    MvcResult upload(String filename, byte[] bytes, boolean rowByRow, MockHttpSession session) throws Exception {
        return mvc.perform(multipart("/employers/import").file(new MockMultipartFile("file", filename, "text/csv", bytes))
                .param("rowByRow", String.valueOf(rowByRow)).session(session).with(csrf()).with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn();
    }

    MvcResult upload(String csv, boolean rowByRow) throws Exception {
        return upload("employers.csv", csv.getBytes(StandardCharsets.UTF_8), rowByRow, new MockHttpSession());
    }

    static EmployerImport.Outcome outcome(MvcResult result) {
        return (EmployerImport.Outcome) result.getModelAndView().getModel().get("outcome");
    }

    int count(String... codes) {
        return jdbc.sql("SELECT count(*) FROM employer WHERE credit_code IN (:c)").param("c", List.of(codes))
                .query(Integer.class).single();
    }

    @Test
    void aGoodFileWithChineseHeadersImportsAndAReimportUpdatesWithoutDuplicates() throws Exception {
        String a = TestEmployers.newCreditCode(), b = TestEmployers.newCreditCode();
        String csv = "\uFEFF" + HEADER + row(a, "沅江市导入甲劳务有限公司") + row(b, "沅江市导入乙劳务有限公司");
        EmployerImport.Outcome first = outcome(upload(csv, false));
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.problems()).isEmpty();
        assertThat(count(a, b)).isEqualTo(2);

        String changed = HEADER + row(a, "沅江市导入甲劳务有限公司（更名）") + row(b, "沅江市导入乙劳务有限公司");
        EmployerImport.Outcome second = outcome(upload(changed, false));
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(2);
        assertThat(count(a, b)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT name FROM employer WHERE credit_code = :c").param("c", a).query(String.class).single())
                .isEqualTo("沅江市导入甲劳务有限公司（更名）");
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'EMPLOYER_IMPORT' AND detail LIKE '%导入更新%'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    /** Issue 23: the 重点企业 column sets the flag; a later file without the column leaves it as it is. */
    @Test
    void theKeyEnterpriseColumnSetsTheFlagAndAFileWithoutItKeepsIt() throws Exception {
        String a = TestEmployers.newCreditCode(), b = TestEmployers.newCreditCode();
        String header = HEADER.replace("\n", ",重点企业\n");
        String csv = header + row(a, "沅江市重点甲制造有限公司").replace("\n", ",是\n")
                + row(b, "沅江市一般乙制造有限公司").replace("\n", ",否\n");
        assertThat(outcome(upload(csv, false)).problems()).isEmpty();
        assertThat(keyEnterprise(a)).isTrue();
        assertThat(keyEnterprise(b)).isFalse();
        assertThat(outcome(upload(HEADER + row(a, "沅江市重点甲制造有限公司"), false)).updated()).isEqualTo(1);
        assertThat(keyEnterprise(a)).as("a file without the column keeps the flag").isTrue();
        EmployerImport.Outcome bad = outcome(upload(header + row(b, "沅江市一般乙制造有限公司").replace("\n", ",也许\n"), false));
        assertThat(bad.problems()).singleElement().satisfies(p -> assertThat(p.toString()).contains("重点企业"));
        String list = mvc.perform(get("/employers?keyEnterprise=true&keyword=制造有限公司").with(logins.as("jiancha")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("沅江市重点甲制造有限公司").doesNotContain("沅江市一般乙制造有限公司");
    }

    boolean keyEnterprise(String code) {
        return jdbc.sql("SELECT key_enterprise FROM employer WHERE credit_code = :c").param("c", code)
                .query(Boolean.class).single();
    }

    @Test
    void oneBadRowRefusesTheWholeFileAndTheProblemsDownloadAsXlsx() throws Exception {
        String good = TestEmployers.newCreditCode(), other = TestEmployers.newCreditCode();
        String badCheck = TestEmployers.withWrongCheck(TestEmployers.newCreditCode());
        String csv = HEADER + row(good, "沅江市整体导入好行有限公司")
                + row(badCheck, "沅江市校验位错误有限公司")
                + other + ",沅江市未知部门有限公司,劳务企业,50,430981001,沅江市不存在局,,,\n"
                + other + ",沅江市重复代码有限公司,劳务企业,99,999999,沅江市住房和城乡建设局,,停业,-3\n"
                + good + ",沅江市文件内重复有限公司,劳务企业,50,430981001,沅江市住房和城乡建设局,,,\n";
        MockHttpSession session = new MockHttpSession();
        MvcResult result = upload("employers.csv", csv.getBytes(StandardCharsets.UTF_8), false, session);
        EmployerImport.Outcome outcome = outcome(result);
        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.created() + outcome.updated()).isZero();
        assertThat(count(good, other)).isZero();

        // Sessions live in the database (Spring Session): the next request finds this one by its cookie.
        byte[] report = mvc.perform(get("/employers/import/problems").cookie(result.getResponse().getCookie("SESSION"))
                        .with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(List.of(s.getRow(0).getCell(0).getStringCellValue(), s.getRow(0).getCell(1).getStringCellValue(),
                    s.getRow(0).getCell(2).getStringCellValue(), s.getRow(0).getCell(3).getStringCellValue()))
                    .containsExactly("行号", "列", "值", "原因");
            StringBuilder all = new StringBuilder();
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                var row = s.getRow(r);
                all.append((long) row.getCell(0).getNumericCellValue()).append('|')
                        .append(row.getCell(1).getStringCellValue()).append('|')
                        .append(row.getCell(2) == null ? "" : row.getCell(2).getStringCellValue()).append('|')
                        .append(row.getCell(3).getStringCellValue()).append('\n');
            }
            assertThat(all.toString())
                    .contains("3|统一社会信用代码（credit_code）|" + badCheck + "|统一社会信用代码校验位错误")
                    .contains("4|行业主管部门（supervising_department）|沅江市不存在局|")
                    .contains("5|所属行业（industry_code）|99|")
                    .contains("5|行政区划（region_code）|999999|")
                    .contains("5|经营状态（operating_status）|停业|")
                    .contains("5|职工人数（employee_count）|-3|")
                    .contains("6|统一社会信用代码（credit_code）|" + good + "|统一社会信用代码在文件中重复（与第 2 行相同）");
        }
    }

    @Test
    void rowByRowImportsTheGoodRowsAndStillReportsTheBad() throws Exception {
        String good = TestEmployers.newCreditCode();
        String bad = TestEmployers.withWrongCheck(TestEmployers.newCreditCode());
        EmployerImport.Outcome outcome = outcome(upload(HEADER + row(good, "沅江市逐行导入有限公司")
                + row(bad, "沅江市逐行坏行有限公司"), true));
        assertThat(outcome.created()).isEqualTo(1);
        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.value()).isEqualTo(bad);
        });
        assertThat(count(good)).isEqualTo(1);
        assertThat(count(bad)).isZero();
    }

    @Test
    void anXlsxFromTheTemplateImports() throws Exception {
        byte[] template = mvc.perform(get("/employers/import/template").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String code = TestEmployers.newCreditCode();
        byte[] filled;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var header = wb.getSheetAt(0).getRow(0);
            var row = wb.getSheetAt(0).createRow(1);
            String[] values = {code, "沅江市模板导入酒店有限公司", "酒店", "61", "琼湖街道", "沅江市文化旅游广电体育局", "", "", "", "",
                    "否", "", "正常经营", ""};
            for (int i = 0; i < values.length; i++) {
                assertThat(header.getCell(i).getStringCellValue()).contains("（");
                row.createCell(i).setCellValue(values[i]);
            }
            row.getCell(13).setCellValue(58); // a numeric cell
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        EmployerImport.Outcome outcome = outcome(upload("employers.xlsx", filled, false, new MockHttpSession()));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.created()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT employee_count FROM employer WHERE credit_code = :c").param("c", code)
                .query(Integer.class).single()).isEqualTo(58);
    }

    @Test
    void aMalformedXlsxAndAZipBombAreRefusedWithOneMessage() throws Exception {
        byte[] truncated;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("credit_code");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() / 2);
        }
        MvcResult malformed = upload("employers.xlsx", truncated, false, new MockHttpSession());
        assertThat((String) malformed.getModelAndView().getModel().get("error")).contains("文件无法读取").contains("Excel 文件已损坏");

        byte[] bomb = zipBomb();
        MvcResult refused = upload("employers.xlsx", bomb, false, new MockHttpSession());
        assertThat((String) refused.getModelAndView().getModel().get("error")).contains("压缩炸弹");

        MvcResult missing = upload("单位名称,联系电话\n某公司,13800000000\n", false);
        assertThat((String) missing.getModelAndView().getModel().get("error"))
                .contains("缺少必填列：统一社会信用代码（credit_code）");
    }

    @Test
    void aCrashHalfWayLeavesNothingHalfWritten() throws Exception {
        String a = TestEmployers.newCreditCode(), b = TestEmployers.newCreditCode();
        // A database failure on the second row's insert, after the first row was written.
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION employer_test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.name = '沅江市导入崩溃有限公司' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$
                """).update();
        jdbc.sql("CREATE TRIGGER employer_test_crash BEFORE INSERT ON employer FOR EACH ROW EXECUTE FUNCTION employer_test_crash()")
                .update();
        try {
            String csv = HEADER + row(a, "沅江市导入崩溃前有限公司") + row(b, "沅江市导入崩溃有限公司");
            assertThatThrownBy(() -> imports.run("employers.csv",
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false,
                    logins.principal("jiancha").scope())).hasStackTraceContaining("simulated crash");
        } finally {
            jdbc.sql("DROP TRIGGER employer_test_crash ON employer").update();
            jdbc.sql("DROP FUNCTION employer_test_crash()").update();
        }
        assertThat(count(a, b)).isZero();
    }

    static byte[] zipBomb() throws Exception {
        byte[] good;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("credit_code");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            good = out.toByteArray();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(good));
             var out = new java.util.zip.ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        out.write(spaces);
                    }
                    out.write("<sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
