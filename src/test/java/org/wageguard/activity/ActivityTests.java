package org.wageguard.activity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The seed's meetings, training and publicity, counted over a period; recording is for the office and inspectors. */
@DemoApplicationTest
class ActivityTests {

    @Autowired Activities activities;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    @Test
    void theSeedsFirstHalfOf2021IsCountedFromItsRecords() {
        Activities.Totals t = activities.totals("430981", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30));
        assertThat(t.meetings()).isEqualTo(3);
        assertThat(t.trainings()).isEqualTo(2);
        assertThat(t.trainingParticipants()).isEqualTo(35 + 60);
        assertThat(t.materials()).isEqualTo(3000);
        assertThat(t.consultations()).isEqualTo(800);
        Activities.Totals january = activities.totals("430981", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31));
        assertThat(january.meetings()).isEqualTo(2);
        assertThat(january.trainings()).isZero();
        var national = activities.list("430981", LocalDate.of(2021, 6, 25), LocalDate.of(2021, 6, 25)).get(0);
        assertThat(national.participants()).isGreaterThanOrEqualTo(40);
        assertThat(activities.decisions(national.id())).extracting(Activities.Decision::decision)
                .anySatisfy(d -> assertThat(d).contains("再排查"));
    }

    @Test
    void theOfficeRecordsAMeetingWithChecksAndAnIndustryOfficerMayNot() throws Exception {
        String location = mvc.perform(post("/activities").with(logins.as("zhiqianban")).with(csrf())
                .param("kind", "EXCHANGE_MEETING").param("heldOn", "2026-11-27").param("title", "冬季攻坚专班交流会")
                .param("participants", "15")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/activities/\\d+");
        var refused = mvc.perform(post("/activities").with(logins.as("zhiqianban")).with(csrf())
                .param("kind", "TRAINING").param("heldOn", "2026-11-27").param("title", "")).andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("请填写名称（不超过 200 字）。");
        int status = mvc.perform(post("/activities").with(logins.as("zhujian")).with(csrf()).param("kind", "TRAINING")
                .param("heldOn", "2026-11-27").param("title", "x")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void theActivitiesOfAPeriodAreAnExcelLedger() throws Exception {
        byte[] xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/activities.xlsx?from=2021-01-01&to=2021-06-30").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsByteArray();
        int expected = activities.list("4309", java.time.LocalDate.of(2021, 1, 1), java.time.LocalDate.of(2021, 6, 30)).size();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("名称");
            org.assertj.core.api.Assertions.assertThat(sheet.getLastRowNum()).isEqualTo(expected).isGreaterThanOrEqualTo(6);
            boolean june = false;
            for (var row : sheet) {
                june |= row.getCell(2).getStringCellValue().equals("迎国检工作部署会");
            }
            org.assertj.core.api.Assertions.assertThat(june).isTrue();
        }
        int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/activities.xlsx")
                .with(logins.as("yinhang"))).andReturn().getResponse().getStatus();
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(403);
    }
}
