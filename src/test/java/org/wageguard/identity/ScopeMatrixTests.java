package org.wageguard.identity;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.internal.OfficerAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each demo role against each page: what its permissions and data scope allow, and 403/404 otherwise. */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired OfficerAccounts accounts;

    long outsiderId;
    long housingStaffId;

    @BeforeAll
    void otherPeople() {
        // An officer of a neighbouring county (益阳市赫山区), outside every demo account's region.
        long heshan = jdbc.sql("""
                INSERT INTO department (region_code, name, kind) VALUES ('430903', '赫山区劳动保障监察大队', 'LABOR_INSPECTION')
                RETURNING id""").query(Long.class).single();
        outsiderId = accounts.create(new OfficerAccounts.OfficerDraft("heshan_matrix", "赫山区监察员", "430903", heshan,
                null, null, null, null, null, null), "Demo@2021", Set.of("LABOR_INSPECTOR"));
        // A section under 住建局: inside the housing officer's department-and-below scope.
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        long section = jdbc.sql("""
                INSERT INTO department (parent_id, region_code, name, kind) VALUES (:p, '430981', '住建局建筑市场监管股', 'INDUSTRY')
                RETURNING id""").param("p", housing).query(Long.class).single();
        housingStaffId = accounts.create(new OfficerAccounts.OfficerDraft("zhujian_gu_matrix", "住建监管股干部", "430981",
                section, null, null, null, null, null, null), "Demo@2021", Set.of("INDUSTRY_OFFICER"));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "admin,/,200", "anquan,/,200", "shenji,/,200", "zhiqianban,/,200", "jiancha,/,200", "zhujian,/,200",
            "jiaotong,/,200", "zongbao,/,200", "yinhang,/,200", "wangge,/,200",
            "admin,/admin/users,200", "anquan,/admin/users,200", "shenji,/admin/users,403",
            "zhiqianban,/admin/users,403", "jiancha,/admin/users,403", "zhujian,/admin/users,403",
            "zongbao,/admin/users,403", "yinhang,/admin/users,403", "wangge,/admin/users,403",
            "admin,/admin/roles,200", "anquan,/admin/roles,200", "shenji,/admin/roles,403", "jiancha,/admin/roles,403",
            "admin,/admin/departments,200", "zhiqianban,/admin/departments,200", "jiancha,/admin/departments,200",
            "zhujian,/admin/departments,403", "zongbao,/admin/departments,403", "shenji,/admin/departments,403",
            "admin,/admin/regions,200", "zhujian,/admin/regions,200", "zongbao,/admin/regions,403",
            "shenji,/audit/logins,200", "shenji,/audit/operations,200", "admin,/audit/logins,403",
            "anquan,/audit/operations,403", "zhiqianban,/audit/logins,403", "jiancha,/audit/operations,403",
            "admin,/directory,200", "zhiqianban,/directory,200", "zongbao,/directory,200", "wangge,/directory,200",
            "shenji,/directory,403", "anquan,/directory,403"})
    void eachRoleReachesWhatItsPermissionsAllow(String username, String path, int expected) throws Exception {
        mvc.perform(get(path).with(logins.as(username))).andExpect(status().is(expected));
    }

    @Test
    void aRecordOutsideTheScopeDoesNotExistForTheReader() throws Exception {
        mvc.perform(get("/admin/users/" + outsiderId).with(logins.as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/" + outsiderId).with(logins.as("anquan"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/" + outsiderId).with(logins.as("heshan_matrix"))).andExpect(status().isForbidden());
        long jiancha = jdbc.sql("SELECT id FROM officer WHERE username = 'jiancha'").query(Long.class).single();
        mvc.perform(get("/admin/users/" + jiancha).with(logins.as("admin"))).andExpect(status().isOk());
    }

    @Test
    void theDirectoryShowsEachRoleExactlyItsScope() throws Exception {
        Set<String> city = Set.of("admin", "anquan", "shenji", "zhiqianban", "jiancha", "zhujian", "jiaotong", "zongbao",
                "yinhang", "wangge", "zhujian_gu_matrix");
        Map<String, Set<String>> expected = Map.of(
                "zhujian", Set.of("zhujian", "zhujian_gu_matrix"),
                "jiaotong", Set.of("jiaotong"),
                "zongbao", Set.of("zongbao"),
                "yinhang", Set.of("yinhang"),
                "wangge", Set.of("wangge", "qionghu3b"),
                "heshan_matrix", Set.of("heshan_matrix"));
        for (var e : expected.entrySet()) {
            assertThat(directory(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        // Region-wide readers see the whole city and nobody from the neighbouring county.
        assertThat(directory("zhiqianban")).containsAll(city).doesNotContain("heshan_matrix");
        assertThat(directory("jiancha")).containsAll(city).doesNotContain("heshan_matrix");
    }

    @Test
    void scopeIsATypedPredicateWithBoundValuesNeverText() {
        DataScope scope = logins.principal("zongbao").scope();
        ScopePredicate predicate = scope.predicate(ScopeColumns.of("p.region_code", "p.department_id",
                "p.contractor_code", null, null));
        assertThat(predicate.sql()).isEqualTo("p.contractor_code = :scopeOrganisation")
                .doesNotContain("91430981MA4L12340E");
        assertThat(predicate.parameters()).containsEntry("scopeOrganisation", "91430981MA4L12340E");
        // A table without the column the scope needs shows nothing rather than everything.
        assertThat(logins.principal("wangge").scope().predicate(ScopeColumns.of("region_code", null, null, null, null)).sql())
                .isEqualTo("FALSE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScopeColumns.of("region_code; DROP TABLE officer", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Set<String> directory(String username) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        for (int page = 1; page <= 5; page++) {
            String html = mvc.perform(get("/directory").param("page", String.valueOf(page)).with(logins.as(username)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Matcher m = Pattern.compile("data-username=\"([^\"]+)\"").matcher(html);
            boolean any = false;
            while (m.find()) {
                seen.add(m.group(1));
                any = true;
            }
            if (!any) {
                break;
            }
        }
        return seen;
    }
}
