package org.wageguard.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

/**
 * The credit lists out (MOHRSS Decree 45, 人社部令第45号): the file for the credit-sharing platform and the portal's
 * public page hold a listing only while it is published and in its term (Art. 13: three years from the decision; Art.
 * 14: removed early), with the persons listed by name, never an ID number (Art. 4: 个人信息保护).
 */
@DemoApplicationTest
@Transactional
class CreditPublicationTests {

    static final String MASKED_ID = "430981********4321";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired CreditPublication publication;

    @Autowired java.time.Clock clock;
    LocalDate today;
    final String tag = "公示测试" + ThreadLocalRandom.current().nextInt(1_000_000);
    String inTermCode, expiredCode, removedCode, unpublishedCode, keyAttentionCode;

    long employer(String name, String code) {
        return jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    legal_representative, registered_on)
                VALUES (:name, :code, '47', '430981', 'GENERAL_CONTRACTOR',
                    (SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'), '柳某某', DATE '2015-01-01')
                RETURNING id""").param("name", name).param("code", code).query(Long.class).single();
    }

    String listed(String what, String kind, LocalDate listedOn, LocalDate expiresOn, LocalDate publishedOn,
            LocalDate removedOn) {
        String code = TestEmployers.newCreditCode();
        long employer = employer(tag + what + "有限公司", code);
        long listing = jdbc.sql("""
                INSERT INTO employer_credit_listing (employer_id, kind, listed_on, expires_on, grounds, decision_number,
                    published_on, removed_on)
                VALUES (:e, :k, :l, :x, :g, :n, :p, :r) RETURNING id""").param("e", employer).param("k", kind)
                .param("l", listedOn).param("x", expiresOn).param("g", tag + what + "拒不支付劳动报酬")
                .param("n", "人社信列〔" + listedOn.getYear() + "〕" + employer + "号").param("p", publishedOn)
                .param("r", removedOn).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO employer_listed_person (listing_id, name, role, id_number_masked)
                VALUES (:l, '柳某某', 'LEGAL_REPRESENTATIVE', :m)""").param("l", listing).param("m", MASKED_ID).update();
        return code;
    }

    @BeforeEach
    void lists() {
        today = LocalDate.now(clock); // the application's day, as the page and the file count it
        inTermCode = listed("在期", "BLACKLIST", today.minusDays(100), today.minusDays(100).plusYears(3),
                today.minusDays(90), null);
        keyAttentionCode = listed("关注", "KEY_ATTENTION", today.minusDays(30), today.minusDays(30).plusYears(1),
                today.minusDays(20), null);
        expiredCode = listed("期满", "KEY_ATTENTION", today.minusYears(1).minusDays(10), today.minusDays(10),
                today.minusYears(1), null);
        removedCode = listed("移出", "BLACKLIST", today.minusDays(300), today.minusDays(300).plusYears(3),
                today.minusDays(290), today.minusDays(5));
        unpublishedCode = listed("未公布", "BLACKLIST", today.minusDays(3), today.minusDays(3).plusYears(3), null, null);
    }

    List<String> codesOf(List<List<String>> lines) {
        return lines.stream().map(l -> l.get(0)).filter(c -> List.of(inTermCode, keyAttentionCode, expiredCode,
                removedCode, unpublishedCode).contains(c)).toList();
    }

    @Test
    void decree45Art13_theCsvForTheCreditPlatformHoldsOnlyPublishedListingsInTheirTerm() throws Exception {
        byte[] body = mvc.perform(get("/monitoring/credit/published.csv").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").doesNotContain(MASKED_ID);
        List<List<String>> lines = new ArrayList<>();
        List<String> header;
        try (CSVParser csv = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            header = csv.getHeaderNames();
            for (CSVRecord r : csv) {
                lines.add(r.toList());
            }
        }
        assertThat(header).containsExactly("统一社会信用代码", "失信主体名称", "法定代表人（主要负责人）", "名单类别",
                "列入事由（失信行为事实）", "认定部门（作出列入决定的机关）", "列入决定书文号", "列入日期（决定日期）", "公布日期",
                "公示截止日期", "一并列入的人员（姓名及身份）", "列入依据");
        assertThat(codesOf(lines)).containsExactlyInAnyOrder(inTermCode, keyAttentionCode);
        List<String> blacklisted = lines.stream().filter(l -> l.get(0).equals(inTermCode)).findFirst().orElseThrow();
        assertThat(blacklisted.get(1)).isEqualTo(tag + "在期有限公司");
        assertThat(blacklisted.get(2)).isEqualTo("柳某某");
        assertThat(blacklisted.get(3)).isEqualTo("拖欠农民工工资失信联合惩戒对象名单");
        assertThat(blacklisted.get(5)).isEqualTo("沅江市人力资源和社会保障局");
        assertThat(blacklisted.get(7)).isEqualTo(today.minusDays(100).toString());
        assertThat(blacklisted.get(9)).isEqualTo(today.minusDays(100).plusYears(3).minusDays(1).toString());
        assertThat(blacklisted.get(10)).isEqualTo("柳某某（法定代表人）");
        assertThat(blacklisted.get(11)).contains("第五条");
    }

    @Test
    void decree45Art13_theXlsxHoldsTheSameEntries() throws Exception {
        byte[] body = mvc.perform(get("/monitoring/credit/published.xlsx").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> lines = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(format.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("统一社会信用代码");
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < CreditPublication.COLUMN_KEYS.size(); i++) {
                    cells.add(format.formatCellValue(row.getCell(i)));
                }
                lines.add(cells);
            }
        }
        assertThat(codesOf(lines)).containsExactlyInAnyOrder(inTermCode, keyAttentionCode);
        assertThat(lines.stream().flatMap(List::stream)).noneMatch(c -> c.contains(MASKED_ID));
    }

    @Test
    void decree45Art13_thePublicPageShowsListingsInTheirTermOnlyAndNoIdNumber() throws Exception {
        String page = mvc.perform(get("/portal/credit")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(tag + "在期有限公司").contains(tag + "关注有限公司").contains(inTermCode)
                .contains("第十三条").contains("人力资源社会保障部令第45号")
                .doesNotContain(tag + "期满有限公司").doesNotContain(tag + "移出有限公司")
                .doesNotContain(tag + "未公布有限公司").doesNotContain(MASKED_ID);
    }

    @Test
    void decree45Art13_aListingLeavesOnItsExpiryDayAndArt14_onItsRemovalDay() {
        LocalDate expires = today.minusDays(100).plusYears(3);
        assertThat(publication.inTerm("430981", expires.minusDays(1))).extracting(CreditPublication.Entry::creditCode)
                .contains(inTermCode);
        assertThat(publication.inTerm("430981", expires)).extracting(CreditPublication.Entry::creditCode)
                .doesNotContain(inTermCode);
        assertThat(publication.inTerm("430981", today.minusDays(6))).extracting(CreditPublication.Entry::creditCode)
                .contains(removedCode);
        assertThat(publication.inTerm("430981", today.minusDays(5))).extracting(CreditPublication.Entry::creditCode)
                .doesNotContain(removedCode);
        // outside the region asked for: nothing of 沅江市
        assertThat(publication.inTerm("430903", today)).extracting(CreditPublication.Entry::creditCode)
                .doesNotContain(inTermCode);
    }
}
