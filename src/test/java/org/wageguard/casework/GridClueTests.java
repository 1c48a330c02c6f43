package org.wageguard.casework;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A grid worker's clue lands in intake on the grid channel with the grid's region; photos are checked by content. */
@DemoApplicationTest
class GridClueTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long employer(String creditCode) {
        return jdbc.sql("SELECT id FROM employer WHERE credit_code = :c").param("c", creditCode).query(Long.class).single();
    }

    MockMultipartHttpServletRequestBuilder clue(String description) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/grid/clue").with(csrf()).param("workers", "6")
                .param("amount", "48000").param("description", description);
    }

    int casesDescribed(String description) {
        return jdbc.sql("SELECT count(*) FROM case_file WHERE description LIKE :d").param("d", "%" + description)
                .query(Integer.class).single();
    }

    @Test
    void onlyGridWorkersReportAndTheyChooseAmongTheirGridsEmployers() throws Exception {
        String html = mvc.perform(get("/grid/clue").with(logins.as("wangge"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("沅江市兴记煲仔饭店", "沅江市洞庭大酒店").doesNotContain("沅江市城市建设投资开发有限公司");
        mvc.perform(get("/grid/clue").with(logins.as("jiancha"))).andExpect(status().isForbidden());
        mvc.perform(get("/grid/clue").with(logins.as("zongbao"))).andExpect(status().isForbidden());
    }

    @Test
    void aClueWithAnEmployerOfTheGridAndAPhotoLandsInIntakeOnTheGridChannel() throws Exception {
        long hotel = employer("91430981MA4M8N2P9H");
        String description = "后厨 6 名员工 9 月至 11 月工资未发 " + System.nanoTime();
        mvc.perform(clue(description).file(new MockMultipartFile("photos", "现场.png", "image/png", PNG))
                .param("employerId", String.valueOf(hotel)).with(logins.as("wangge")))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.sql("""
                SELECT id, number, channel, kind, status, region_code, employer_id, workers, amount_claimed, created_by,
                       complainant_name
                  FROM case_file WHERE description LIKE :d""").param("d", "%" + description).query().singleRow();
        assertThat(row).containsEntry("channel", "GRID").containsEntry("status", "REGISTERED")
                .containsEntry("region_code", "430981001").containsEntry("employer_id", hotel)
                .containsEntry("workers", 6).containsEntry("created_by", "wangge");
        assertThat((BigDecimal) row.get("amount_claimed")).isEqualByComparingTo("48000");
        assertThat((String) row.get("complainant_name")).contains("谢春香", "琼湖街道第三网格");
        long id = (Long) row.get("id");

        // The labor inspector finds it in intake, filtered to the grid channel, and sees the photo on the case.
        String intake = mvc.perform(get("/cases").param("channel", "GRID").param("status", "REGISTERED")
                .with(logins.as("jiancha"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(intake).contains((String) row.get("number"));
        String page = mvc.perform(get("/cases/" + id).with(logins.as("jiancha"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("网格报送", "沅江市洞庭大酒店", "case-photos");
        long photo = jdbc.sql("SELECT id FROM case_photo WHERE case_id = :c").param("c", id).query(Long.class).single();
        mvc.perform(get("/cases/" + id + "/photos/" + photo).with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andExpect(content().bytes(PNG));
        // Outside the case's scope the photo does not exist; the grid worker has no case view at all.
        mvc.perform(get("/cases/" + id + "/photos/" + photo).with(logins.as("jiaotong"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + id + "/photos/" + photo).with(logins.as("wangge"))).andExpect(status().isForbidden());
        // The grid worker's own list shows the clue.
        assertThat(mvc.perform(get("/grid/clue").with(logins.as("wangge"))).andReturn().getResponse()
                .getContentAsString()).contains((String) row.get("number"));
    }

    @Test
    void aClueAboutAnUnregisteredEmployerNeedsOnlyItsName() throws Exception {
        String description = "路边小饭馆拖欠 2 名服务员工资 " + System.nanoTime();
        mvc.perform(clue(description).param("employerName", "琼湖路口无名小饭馆").with(logins.as("wangge")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT employer_name FROM case_file WHERE description LIKE :d").param("d", "%" + description)
                .query(String.class).single()).isEqualTo("琼湖路口无名小饭馆");
        String noEmployer = "没有单位 " + System.nanoTime();
        String html = mvc.perform(clue(noEmployer).with(logins.as("wangge"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("请选择本网格的单位，或填写单位名称");
        assertThat(casesDescribed(noEmployer)).isZero();
    }

    @Test
    void anEmployerOfAnotherGridCannotBeChosen() throws Exception {
        String description = "越网格报送 " + System.nanoTime();
        mvc.perform(clue(description).param("employerId", String.valueOf(employer("914309811870214560")))
                .with(logins.as("wangge"))).andExpect(status().isNotFound());
        assertThat(casesDescribed(description)).isZero();
    }

    @Test
    void photosAreCheckedByContentSizeAndNumber() throws Exception {
        String fake = "伪装照片 " + System.nanoTime();
        String html = mvc.perform(clue(fake).param("employerName", "测试单位")
                .file(new MockMultipartFile("photos", "photo.png", "image/png", "<script>alert(1)</script>".getBytes()))
                .with(logins.as("wangge"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("不是 JPEG 或 PNG 照片");
        assertThat(casesDescribed(fake)).isZero();

        String big = "超大照片 " + System.nanoTime();
        byte[] large = new byte[CasePhotos.MAX_BYTES + 1];
        System.arraycopy(JPEG, 0, large, 0, JPEG.length);
        assertThat(mvc.perform(clue(big).param("employerName", "测试单位")
                .file(new MockMultipartFile("photos", "big.jpg", "image/jpeg", large)).with(logins.as("wangge")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("超过 5 MB");
        assertThat(casesDescribed(big)).isZero();

        String many = "四张照片 " + System.nanoTime();
        var four = clue(many).param("employerName", "测试单位");
        for (int i = 0; i < 4; i++) {
            four.file(new MockMultipartFile("photos", "p" + i + ".jpg", "image/jpeg", JPEG));
        }
        assertThat(mvc.perform(four.with(logins.as("wangge"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("最多上传 3 张照片");
        assertThat(casesDescribed(many)).isZero();

        String three = "三张照片 " + System.nanoTime();
        var ok = clue(three).param("employerName", "测试单位");
        for (int i = 0; i < 3; i++) {
            ok.file(new MockMultipartFile("photos", "p" + i + ".jpg", "application/octet-stream", JPEG));
        }
        mvc.perform(ok.with(logins.as("wangge"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM case_photo p JOIN case_file c ON c.id = p.case_id
                 WHERE c.description LIKE :d AND p.content_type = 'image/jpeg' AND p.source = 'GRID'""")
                .param("d", "%" + three).query(Integer.class).single()).isEqualTo(3);
    }
}
