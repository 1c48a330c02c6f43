package org.wageguard.payroll.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The data API: tokens issued by the administrator to a bank's or contractor's account, shown once and stored
 * hashed, every call logged; the same checks and all-or-nothing rule as the web imports; revocation at once.
 */
@DemoApplicationTest
class DataApiTests {

    static final String DISBURSEMENT_HEADER = "项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    long officer(String username) {
        return jdbc.sql("SELECT id FROM officer WHERE username = :u").param("u", username).query(Long.class).single();
    }

    String issue(String username) throws Exception {
        Object token = mvc.perform(post("/admin/api-tokens").with(logins.as("admin")).with(csrf())
                .param("officerId", String.valueOf(officer(username))).param("label", "测试"))
                .andReturn().getFlashMap().get("issued");
        assertThat(token).isInstanceOf(String.class);
        return (String) token;
    }

    ResultActions call(String path, String token, String body) throws Exception {
        var request = post(path).contentType("text/csv").content(body.getBytes(StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }

    long uses() {
        return jdbc.sql("SELECT count(*) FROM api_token_use").query(Long.class).single();
    }

    @Test
    void aBankSendsItsDisbursementsWithItsTokenAndTheSameFileAgainChangesNothing() throws Exception {
        String token = issue("yinhang");
        assertThat(token).startsWith("wg_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :t OR token_prefix = :t OR label = :t")
                .param("t", token).query(Long.class).single()).as("never stored in clear").isZero();

        String file = DISBURSEMENT_HEADER + "YJ-2021-004,API-T-0301,6228480010000000011,甲工人,,900.00,2025-12-10,成功,2025-11\n";
        long before = uses();
        call("/api/v1/disbursements", token, file).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true)).andExpect(jsonPath("$.rows").value(1));
        call("/api/v1/disbursements", token, file).andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1));
        assertThat(jdbc.sql("SELECT count(*) FROM disbursement WHERE transaction_id = 'API-T-0301'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(uses()).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM api_token_use u JOIN api_token t ON t.id = u.token_id
                 WHERE t.token_prefix = :p AND u.path = '/api/v1/disbursements' AND u.status = 200
                """).param("p", token.substring(0, 10)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aBadRowRefusesTheWholeBodyWithEachProblemNamed() throws Exception {
        String token = issue("yinhang");
        String file = DISBURSEMENT_HEADER
                + "YJ-2021-004,API-T-0401,6228480010000000011,甲工人,,900.00,2025-12-10,成功,2025-11\n"
                + "YJ-2021-004,API-T-0402,6228480010000000022,乙工人,,九百,2025-12-10,成功,2025-13\n";
        call("/api/v1/disbursements", token, file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.message").value(containsString("未")));
        assertThat(jdbc.sql("SELECT count(*) FROM disbursement WHERE transaction_id LIKE 'API-T-04%'").query(Long.class).single())
                .as("nothing half-written").isZero();
    }

    @Test
    void noTokenABadTokenARevokedTokenAndABrowserSessionAreAllRefusedAndLogged() throws Exception {
        String file = DISBURSEMENT_HEADER + "YJ-2021-004,API-T-0501,6228480010000000011,甲工人,,900.00,2025-12-10,成功,2025-11\n";
        long before = uses();
        call("/api/v1/disbursements", null, file).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(containsString("令牌")));
        call("/api/v1/disbursements", "wg_not-a-real-token", file).andExpect(status().isUnauthorized());
        String token = issue("yinhang");
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_prefix = :p").param("p", token.substring(0, 10))
                .query(Long.class).single();
        mvc.perform(post("/admin/api-tokens/" + id + "/revoke").with(logins.as("admin")).with(csrf()));
        call("/api/v1/disbursements", token, file).andExpect(status().isUnauthorized());
        // A signed-in browser's session is no credential here.
        var login = mvc.perform(post("/login").with(csrf()).param("username", "yinhang").param("password", "Demo@2021"))
                .andReturn().getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/");
        mvc.perform(post("/api/v1/disbursements").cookie(login.getCookie("SESSION")).contentType("text/csv").content(file))
                .andExpect(status().isUnauthorized());
        assertThat(uses()).isEqualTo(before + 4);
        assertThat(jdbc.sql("SELECT count(*) FROM disbursement WHERE transaction_id = 'API-T-0501'").query(Long.class).single()).isZero();
    }

    @Test
    void aTokenActsWithinItsAccountsPermissions() throws Exception {
        String bank = issue("yinhang");
        call("/api/v1/roster", bank, "项目编号,身份证号,姓名,工资卡号,是否签订劳动合同,进场日期\n").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("无权")));
        String contractor = issue("zongbao");
        call("/api/v1/roster", contractor, "项目编号,身份证号,姓名,工资卡号,是否签订劳动合同,进场日期\n"
                + "YJ-2021-004,430981198503150012,API测试工人,6228480010000000099,Y,2025-11-01\n")
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("roster"));
        // Only banks' and contractors' accounts hold tokens, and only the administrator issues them.
        var refused = mvc.perform(post("/admin/api-tokens").with(logins.as("admin")).with(csrf())
                .param("officerId", String.valueOf(officer("jiancha")))).andReturn();
        assertThat(refused.getFlashMap().get("issued")).isNull();
        mvc.perform(post("/admin/api-tokens").with(logins.as("anquan")).with(csrf())
                .param("officerId", String.valueOf(officer("yinhang")))).andExpect(status().isForbidden());
    }

    @Test
    void theOpenApiDescriptionIsPublicAndDescribesEveryEndpoint() throws Exception {
        String yaml = mvc.perform(get("/api/openapi.yaml")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> doc = new Yaml().load(yaml);
        @SuppressWarnings("unchecked")
        Set<String> documented = ((Map<String, Object>) doc.get("paths")).keySet();
        Set<String> mapped = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()).filter(p -> p.startsWith("/api/"))
                .collect(Collectors.toSet());
        assertThat(mapped).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);
    }
}
