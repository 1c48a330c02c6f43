package org.wageguard.leadership;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The leadership group's members and the member units' duties (Decree 724 Art. 4–10), shown on the group's and the
 * unit's page, and cited by an assignment (交办) on the case, in the assignment sheet and in the supervision notice.
 */
@DemoApplicationTest
class MemberDutiesTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(logins.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String pdfText(byte[] pdf) throws Exception {
        Files.createDirectories(Path.of("target", "documents"));
        Path in = Files.createTempFile(Path.of("target", "documents"), "duty", ".pdf");
        Path out = Files.createTempFile("duty", ".txt");
        Files.write(in, pdf);
        assertThat(new ProcessBuilder("pdftotext", "-enc", "UTF-8", in.toString(), out.toString()).inheritIO().start()
                .waitFor()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8).replaceAll("\\s+", "");
    }

    @Test
    void theGroupAndEachUnitsPageShowMembersAndDutiesWithTheirDocument() throws Exception {
        String group = page("/leadership", "jiaotong");
        assertThat(group).contains("组长").contains("王志军").contains("市人民政府副市长").contains("副组长")
                .contains("沅政办函〔2020〕36号");
        String housing = page("/leadership/units/" + department("沅江市住房和城乡建设局"), "zhujian");
        assertThat(housing).contains("孙立华").contains("《保障农民工工资支付条例》第八条").contains("违法分包")
                .contains("关于调整沅江市根治拖欠农民工工资工作领导小组成员及职责分工的通知");
        assertThat(page("/leadership/units/" + department("沅江市公安局"), "zhiqianban"))
                .contains("拒不支付劳动报酬").contains("第九条");
        assertThat(jdbc.sql("SELECT count(DISTINCT department_id) FROM member_duty").query(Long.class).single())
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void onlyTheLeadershipOfficeRecordsDutiesAndBadInputIsNamed() throws Exception {
        long transport = department("沅江市交通运输局");
        long doc = jdbc.sql("SELECT id FROM duty_document WHERE number = '沅政办函〔2020〕36号'").query(Long.class).single();
        mvc.perform(post("/leadership/units/" + transport + "/duties").with(logins.as("jiaotong")).with(csrf())
                .param("documentId", String.valueOf(doc)).param("duty", "自己给自己定职责")).andExpect(status().isForbidden());
        mvc.perform(post("/leadership/units/" + transport + "/duties").with(logins.as("zhiqianban")).with(csrf())
                .param("documentId", String.valueOf(doc)).param("duty", " "))
                .andExpect(flash().attribute("error", "请填写职责内容（不超过 1000 字）。"));
        mvc.perform(post("/leadership/units/" + transport + "/duties").with(logins.as("zhiqianban")).with(csrf())
                .param("documentId", String.valueOf(doc)).param("duty", "督促交通建设项目按月足额支付农民工工资")
                .param("basis", "《保障农民工工资支付条例》第八条")).andExpect(status().is3xxRedirection());
        assertThat(page("/leadership/units/" + transport, "jiaotong")).contains("督促交通建设项目按月足额支付农民工工资");
    }

    @Test
    void anAssignmentCitesTheDutyItEnforcesOnTheCaseAndInBothDocuments() throws Exception {
        long housing = department("沅江市住房和城乡建设局");
        long duty = jdbc.sql("SELECT id FROM member_duty WHERE department_id = :d AND duty LIKE '%违法分包%'")
                .param("d", housing).query(Long.class).single();
        long caseId = jdbc.sql("""
                SELECT id FROM case_file WHERE status IN ('ACCEPTED','FILED','COORDINATING')
                   AND NOT EXISTS (SELECT 1 FROM case_assignment a WHERE a.case_id = case_file.id) ORDER BY id LIMIT 1
                """).query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM case_file WHERE id = :c").param("c", caseId).query(Integer.class).single();
        // a duty of another department is refused, with the reason
        long police = jdbc.sql("SELECT u.id FROM member_duty u JOIN department d ON d.id = u.department_id WHERE d.name = '沅江市公安局'")
                .query(Long.class).single();
        mvc.perform(post("/cases/" + caseId + "/assign").with(logins.as("zhiqianban")).with(csrf())
                .param("version", String.valueOf(version)).param("departmentId", String.valueOf(housing)).param("days", "5")
                .param("dutyId", String.valueOf(police)))
                .andExpect(flash().attribute("error", "所选职责不属于交办部门，请选择该部门的职责或不选。"));
        mvc.perform(post("/cases/" + caseId + "/assign").with(logins.as("zhiqianban")).with(csrf())
                .param("version", String.valueOf(version)).param("departmentId", String.valueOf(housing)).param("days", "5")
                .param("dutyId", String.valueOf(duty))).andExpect(flash().attributeExists("flash"));
        assertThat(jdbc.sql("SELECT duty_id FROM case_assignment WHERE case_id = :c").param("c", caseId).query(Long.class).single())
                .isEqualTo(duty);
        assertThat(page("/cases/" + caseId, "zhiqianban")).contains("依据：关于调整沅江市根治拖欠农民工工资工作领导小组成员及职责分工的通知"
                + "（沅政办函〔2020〕36号）明确的职责：房屋建筑和市政基础设施工程领域");
        String sheet = pdfText(mvc.perform(get("/cases/" + caseId + "/documents/assignment.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(sheet).contains("交办依据").contains("沅政办函〔2020〕36号").contains("《保障农民工工资支付条例》第八条");
        String notice = pdfText(mvc.perform(get("/cases/" + caseId + "/documents/supervision.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(notice).contains("督办通知").contains("沅政办函〔2020〕36号").contains("严格落实行业主管责任");
    }
}
