package org.wageguard.casework;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The case documents are real PDFs in Chinese: read back with pdftotext (poppler-utils). */
@DemoApplicationTest
class CaseDocumentsTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    String text(byte[] pdf) throws Exception {
        return PdfText.text(pdf);
    }

    long caseOf(String employer) {
        return jdbc.sql("SELECT id FROM case_file WHERE employer_name = :e ORDER BY id LIMIT 1").param("e", employer)
                .query(Long.class).single();
    }

    @Test
    void theOrderToPayAndTheTransferLetterReadBackWithTheirFigures() throws Exception {
        long id = caseOf("沅江市信峰船舶制造有限公司");
        byte[] order = mvc.perform(get("/cases/" + id + "/documents/order.pdf").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String orderText = text(order);
        assertThat(orderText).contains("劳动保障监察限期改正指令书").contains("沅江市信峰船舶制造有限公司")
                .contains("128,600.00").contains("沅人社监令");
        String transfer = text(mvc.perform(get("/cases/" + id + "/documents/transfer.pdf").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(transfer).contains("涉嫌犯罪案件移送书").contains("拒不支付劳动报酬罪").contains("沅江市公安局");
    }

    @Test
    void theAssignmentSheetNamesTheDepartmentAndItsDeadline() throws Exception {
        long id = jdbc.sql("SELECT case_id FROM case_assignment ORDER BY id LIMIT 1").query(Long.class).single();
        String due = jdbc.sql("SELECT due_on::text FROM case_assignment WHERE case_id = :c ORDER BY id DESC LIMIT 1")
                .param("c", id).query(String.class).single();
        String text = text(mvc.perform(get("/cases/" + id + "/documents/assignment.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(text).contains("交办单").contains("沅江市住房和城乡建设局").contains(due);
    }

    @Test
    void onlyLaborInspectionPrintsTheOrderAndNoTransferBeforeTheDeadline() throws Exception {
        long id = caseOf("沅江市信峰船舶制造有限公司");
        mvc.perform(get("/cases/" + id + "/documents/order.pdf").with(logins.as("zhiqianban"))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/" + jdbc.sql("SELECT id FROM case_file WHERE status = 'FILED' ORDER BY id LIMIT 1")
                .query(Long.class).single() + "/documents/transfer.pdf").with(logins.as("jiancha")))
                .andExpect(status().isUnprocessableEntity());
    }
}
