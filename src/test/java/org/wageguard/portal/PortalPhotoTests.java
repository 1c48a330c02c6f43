package org.wageguard.portal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.SensitiveData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Photos with a portal submission are checked by content and kept with the case; the login page leads to the portal. */
@DemoApplicationTest
class PortalPhotoTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired SensitiveData sensitive;
    @Autowired Logins logins;

    MockMultipartHttpServletRequestBuilder report(String address, String phone, String employer) throws Exception {
        PortalVisits visit = PortalVisits.open(mvc, sensitive, address);
        return (MockMultipartHttpServletRequestBuilder) multipart("/portal/submit").with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).cookie(visit.session()).param("stamp", visit.stamp()).param("kind", "REPORT")
                .param("anonymous", "true").param("phone", phone).param("employerName", employer)
                .param("amount", "5000").param("workers", "2").param("description", "工地拖欠工资，附现场照片").param("website", "");
    }

    int cases(String employer) {
        return jdbc.sql("SELECT count(*) FROM case_file WHERE employer_name = :e").param("e", employer)
                .query(Integer.class).single();
    }

    @Test
    void upToThreePhotosAreKeptWithTheCaseAndShownToTheInspector() throws Exception {
        String employer = "门户照片测试公司" + System.nanoTime();
        mvc.perform(report("10.7.0.1", "13907377701", employer)
                .file(new MockMultipartFile("photos", "工地.jpg", "image/jpeg", JPEG))
                .file(new MockMultipartFile("photos", "工资条.png", "image/png", PNG)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("query-code")));
        long caseId = jdbc.sql("SELECT id FROM case_file WHERE employer_name = :e").param("e", employer)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT content_type FROM case_photo WHERE case_id = :c AND source = 'PORTAL' ORDER BY id")
                .param("c", caseId).query(String.class).list()).containsExactly("image/jpeg", "image/png");
        String page = mvc.perform(get("/cases/" + caseId).with(logins.as("jiancha"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("case-photos", "工地.jpg", "工资条.png");
    }

    @Test
    void aFileThatIsNotAPhotoOrTooManyPhotosAreRefusedAndNothingIsRegistered() throws Exception {
        String fake = "门户伪装照片公司" + System.nanoTime();
        mvc.perform(report("10.7.0.2", "13907377702", fake)
                .file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", "%PDF-1.4 not a photo".getBytes())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不是 JPEG 或 PNG 照片")));
        assertThat(cases(fake)).isZero();

        String four = "门户四张照片公司" + System.nanoTime();
        var request = report("10.7.0.3", "13907377703", four);
        for (int i = 0; i < 4; i++) {
            request.file(new MockMultipartFile("photos", "p" + i + ".png", "image/png", PNG));
        }
        mvc.perform(request).andExpect(status().isOk()).andExpect(content().string(containsString("最多上传 3 张照片")));
        assertThat(cases(four)).isZero();
    }

    @Test
    void theLoginPageLeadsToTheWorkersPortal() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"portal-link\" href=\"/portal\"")));
        mvc.perform(get("/portal")).andExpect(status().isOk());
    }
}
