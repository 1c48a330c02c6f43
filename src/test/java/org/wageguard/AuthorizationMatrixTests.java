package org.wageguard;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.identity.Logins;
import org.wageguard.identity.internal.OfficerAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The authorization test generated from the routes: every endpoint Spring maps (every handler method, every HTTP
 * method) × every demo role account and an anonymous visitor × for a path with a record id, a record inside and one
 * outside that account's data scope. What each endpoint must answer is written once, in
 * {@code src/test/resources/authorization/expectations.tsv}; an endpoint without a line there fails the build.
 *
 * <p>Every request runs in a transaction that is rolled back (MockMvc runs the whole request on this thread, so the
 * application's transactions join it), so allowed writes leave the shared demo data as they found it. Writes posted
 * with a valid CSRF token, so that what is refused is the authorization, not the token. Endpoints whose allowed call
 * would act outside the request's transaction (a backup run, the nightly rules) are marked {@code refusals-only}: only
 * the refused accounts are sent.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    /** One demo account per role (DemoIdentityData), two industry officers of different departments, a town station. */
    static final List<String> ACCOUNTS = List.of("admin", "anquan", "shenji", "zhiqianban", "jiancha", "zhujian",
            "jiaotong", "zongbao", "yinhang", "wangge", "qionghusuo");
    static final String ANONYMOUS = "anonymous";

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired OfficerAccounts accounts;
    @Autowired CaseIntake intake;

    Expectations table;

    @BeforeAll
    void readTableAndMakeTheNeighbouringCounty() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/authorization/expectations.tsv")) {
            table = Expectations.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // Records of a neighbouring county (益阳市赫山区 430903): outside the data scope of every demo account.
        if (jdbc.sql("SELECT count(*) FROM project WHERE code = 'HS-GATE-001'").query(Long.class).single() > 0) {
            return;
        }
        long department = jdbc.sql("""
                INSERT INTO department (region_code, name, kind) VALUES ('430903', '赫山区住房和城乡建设局（授权测试）', 'INDUSTRY')
                RETURNING id""").query(Long.class).single();
        long employer = jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id)
                VALUES ('益阳赫山授权测试建设有限公司', '91430903MA4GATE01X', '47', '430903', 'GENERAL_CONTRACTOR', :d)
                RETURNING id""").param("d", department).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO project (code, name, region_code, department_id, owner_id, general_contractor_id, contractor_code,
                    contract_value, contract_date, status)
                VALUES ('HS-GATE-001', '赫山区授权测试安置房项目', '430903', :d, :e, :e, '91430903MA4GATE01X', 1000000,
                    DATE '2026-03-01', 'UNDER_CONSTRUCTION')""").param("d", department).param("e", employer).update();
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'HS-GATE-001'").query(Long.class).single();
        intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "赫山投诉人", null, false, employer,
                "益阳赫山授权测试建设有限公司", project, "430903", "47", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 31),
                "赫山区授权测试案件", List.of(new Intake.Claimant("赫山工人", null, new BigDecimal("8000"))), null, null));
        accounts.create(new OfficerAccounts.OfficerDraft("heshan_gate", "赫山区授权测试干部", "430903", department, null,
                null, null, null, null, null), "Demo@2021", Set.of("INDUSTRY_OFFICER"));
    }

    /** Every mapped endpoint has exactly one expectation, and every expectation still names a mapped endpoint. */
    @Test
    void everyMappedEndpointHasItsExpectation() {
        Set<String> mapped = mappedEndpoints();
        Set<String> written = new TreeSet<>(table.endpoints.keySet());
        assertThat(new TreeSet<>(mapped)).as("endpoints without a line in authorization/expectations.tsv")
                .isSubsetOf(written);
        assertThat(written).as("lines of authorization/expectations.tsv naming no endpoint").isSubsetOf(mapped);
    }

    @Test
    void everyEndpointAnswersEachRoleWithinItsDataScope() {
        long started = System.nanoTime();
        Map<String, Map<String, Long>> ids = table.resolveRecords(jdbc);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        TransactionTemplate rollback = new TransactionTemplate(transactions);
        Set<String> mapped = mappedEndpoints();
        Map<String, Long> timings = new LinkedHashMap<>();
        for (String key : mapped) {
            Expectations.Endpoint e = table.endpoints.get(key);
            if (e == null) {
                failures.add(key + ": no expectation");
                continue;
            }
            List<String> who = new ArrayList<>(ACCOUNTS);
            who.add(ANONYMOUS);
            for (String account : who) {
                boolean allowed = e.allows(account);
                List<Probe> probes = new ArrayList<>();
                if (e.scope == null) {
                    probes.add(new Probe(null, allowed));
                } else {
                    Expectations.Scope s = table.scopes.get(e.scope);
                    String[] inOut = s.of(account);
                    if (!"-".equals(inOut[0])) {
                        probes.add(new Probe(ids.get(e.scope).get(inOut[0]), allowed));
                    }
                    // A refused account is refused the record it would see; the record outside matters to the allowed.
                    if (inOut[1] != null && (allowed || "-".equals(inOut[0]))) {
                        probes.add(new Probe(ids.get(e.scope).get(inOut[1]), false));
                    }
                }
                for (Probe p : probes) {
                    if (p.allowed && e.refusalsOnly) {
                        continue;
                    }
                    String uri = e.uri(p.id, table, jdbc);
                    requests++;
                    long t0 = System.nanoTime();
                    MockHttpServletResponse response = send(rollback, e, uri, account);
                    timings.merge(key, System.nanoTime() - t0, Long::sum);
                    String verdict = verdict(response, p.allowed, e);
                    if (verdict != null) {
                        failures.add(e.method + " " + uri + " as " + account + " (" + (p.allowed ? "allowed" : "refused")
                                + "): " + verdict);
                    }
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        timings.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(t -> System.out.println("slowest: " + t.getKey() + " " + t.getValue() / 1_000_000 + " ms"));
        String size = "authorization matrix: " + mapped.size() + " endpoints × " + ACCOUNTS.size()
                + " role accounts + anonymous, " + requests + " requests in " + seconds + " s";
        System.out.println(size);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/authorization-matrix.txt"),
                    size + "\n" + String.join("\n", failures) + "\n");
        } catch (IOException ignored) {
            // the figure is printed above as well
        }
        assertThat(failures).as(size).isEmpty();
    }

    record Probe(Long id, boolean allowed) {
    }

    private final Map<String, RequestPostProcessor> signedIn = new java.util.HashMap<>();

    private MockHttpServletResponse send(TransactionTemplate rollback, Expectations.Endpoint e, String uri,
            String account) {
        return rollback.execute(status -> {
            status.setRollbackOnly();
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> r = e.file == null
                    ? request(e.method, uri) : multipart(uri).file(new org.springframework.mock.web.MockMultipartFile(e.file,
                            "authorization.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)));
            e.params.forEach(r::param);
            if (e.method != HttpMethod.GET) {
                r.with(csrf());
            }
            if (!ANONYMOUS.equals(account)) {
                r.with(signedIn.computeIfAbsent(account, logins::as));
            }
            try {
                return mvc.perform(r).andReturn().getResponse();
            } catch (Exception ex) {
                MockHttpServletResponse failed = new MockHttpServletResponse();
                failed.setStatus(599);
                failed.setHeader("X-Failure", String.valueOf(ex));
                return failed;
            }
        });
    }

    /** Null when the answer is the expected one, else what was wrong. */
    static String verdict(MockHttpServletResponse response, boolean allowed, Expectations.Endpoint e) {
        boolean write = e.method != HttpMethod.GET;
        int status = response.getStatus();
        if (allowed && e.answers != null) {
            return status == e.answers ? null : "answered " + status + " instead of " + e.answers;
        }
        if (allowed && e.noRecord && status == 404) {
            return null;
        }
        String location = response.getRedirectedUrl();
        boolean toLogin = status == 302 && location != null && location.contains("/login");
        boolean refused = status == 401 || status == 403 || status == 404 || toLogin;
        if (allowed) {
            if (refused) {
                return "refused with " + status + (toLogin ? " → " + location : "");
            }
            if (status >= 500) {
                return "failed with " + status + " " + response.getHeader("X-Failure");
            }
            // A write with an empty or invalid form may be answered 400/409/422; a read must succeed.
            if (!write && status >= 400 && status != 422) {
                return "answered " + status;
            }
            return null;
        }
        return refused ? null : "answered " + status + (location == null ? "" : " → " + location) + " instead of a refusal";
    }

    private Set<String> mappedEndpoints() {
        Set<String> keys = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = Set.of(RequestMethod.GET, RequestMethod.POST);
            }
            for (RequestMethod m : methods) {
                for (String pattern : info.getPatternValues()) {
                    keys.add(m.name() + " " + pattern);
                }
            }
        });
        return keys;
    }

    /** The table: endpoints with who may call them, and which records are inside and outside whose scope. */
    static final class Expectations {

        final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        final Map<String, Map<String, String>> records = new LinkedHashMap<>();
        final Map<String, Scope> scopes = new LinkedHashMap<>();
        final Map<String, String> subRecords = new LinkedHashMap<>();
        final Map<String, Set<String>> groups = new LinkedHashMap<>();

        static Expectations parse(String text) {
            Expectations x = new Expectations();
            int n = 0;
            for (String line : text.split("\\R")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t+");
                switch (f[0]) {
                    case "@group" -> x.groups.put(f[1], new LinkedHashSet<>(List.of(f[2].trim().split("\\s+"))));
                    case "@record" -> x.records.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], f[3]);
                    case "@sub" -> x.subRecords.put(f[1], f[2]);
                    case "@scope" -> x.scopes.put(f[1], Scope.parse(String.join(" ", List.of(f).subList(2, f.length))));
                    default -> {
                        if (f.length < 3) {
                            throw new IllegalArgumentException("expectations.tsv line " + n + ": " + line);
                        }
                        Endpoint e = new Endpoint(HttpMethod.valueOf(f[0]), f[1], x.expand(f[2]),
                                f.length > 3 && !"-".equals(f[3]) ? f[3] : null, f.length > 4 ? f[4] : "-");
                        if (x.endpoints.put(f[0] + " " + f[1], e) != null) {
                            throw new IllegalArgumentException("expectations.tsv line " + n + ": written twice");
                        }
                    }
                }
            }
            for (Endpoint e : x.endpoints.values()) {
                if (e.scope != null && !x.scopes.containsKey(e.scope)) {
                    throw new IllegalArgumentException("no @scope for " + e.scope);
                }
            }
            return x;
        }

        private Set<String> expand(String allowed) {
            Set<String> who = new LinkedHashSet<>();
            for (String token : allowed.split(",")) {
                token = token.trim();
                if (token.equals("none")) {
                    continue;
                }
                if (groups.containsKey(token)) {
                    who.addAll(groups.get(token));
                } else if (ACCOUNTS.contains(token) || token.equals(ANONYMOUS)) {
                    who.add(token);
                } else {
                    throw new IllegalArgumentException("unknown account or group: " + token);
                }
            }
            return who;
        }

        Map<String, Map<String, Long>> resolveRecords(JdbcClient jdbc) {
            Map<String, Map<String, Long>> ids = new LinkedHashMap<>();
            records.forEach((kind, named) -> named.forEach((name, sql) -> ids.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .put(name, jdbc.sql(sql).query(Long.class).optional()
                            .orElseThrow(() -> new IllegalStateException("no " + kind + " " + name + ": " + sql)))));
            return ids;
        }

        record Scope(Map<String, String[]> byAccount) {
            static Scope parse(String spec) {
                Map<String, String[]> m = new LinkedHashMap<>();
                for (String part : spec.trim().split("\\s+")) {
                    String[] kv = part.split("=");
                    String[] io = kv[1].split("/");
                    m.put(kv[0], new String[] {io[0], io.length > 1 ? io[1] : null});
                }
                return new Scope(m);
            }

            String[] of(String account) {
                return byAccount.getOrDefault(account, byAccount.get("*"));
            }
        }

        static final class Endpoint {
            final HttpMethod method;
            final String pattern;
            final Set<String> allowed;
            final String scope;
            final Map<String, String> vars = new LinkedHashMap<>();
            final Map<String, String> params = new LinkedHashMap<>();
            boolean refusalsOnly;
            /** Sent as a multipart form with one small file under this name (null: an ordinary form). */
            String file;
            /** No such record in the demo data (a photo, a pending import): an allowed account is answered 404 too. */
            boolean noRecord;
            /** The status an allowed call answers when it is not 2xx/3xx (the error page called directly: 500). */
            Integer answers;

            Endpoint(HttpMethod method, String pattern, Set<String> allowed, String scope, String options) {
                this.method = method;
                this.pattern = pattern;
                this.allowed = allowed;
                this.scope = scope;
                if (!"-".equals(options)) {
                    for (String o : options.trim().split("\\s+")) {
                        if (o.equals("refusals-only")) {
                            refusalsOnly = true;
                        } else if (o.startsWith("file=")) {
                            file = o.substring("file=".length());
                        } else if (o.equals("no-record")) {
                            noRecord = true;
                        } else if (o.startsWith("answers=")) {
                            answers = Integer.valueOf(o.substring("answers=".length()));
                        } else if (o.startsWith("?")) {
                            String[] kv = o.substring(1).split("=", 2);
                            params.put(kv[0], kv[1]);
                        } else {
                            String[] kv = o.split("=", 2);
                            vars.put(kv[0], kv[1]);
                        }
                    }
                }
            }

            boolean allows(String account) {
                return allowed.contains(account);
            }

            /** The pattern with its variables filled: the record id, literal values, sub-records of the record. */
            String uri(Long id, Expectations x, JdbcClient jdbc) {
                Matcher m = Pattern.compile("\\{([a-zA-Z]+)(:[^}]*)?}").matcher(pattern);
                StringBuilder b = new StringBuilder();
                while (m.find()) {
                    String name = m.group(1);
                    String value;
                    if (vars.containsKey(name)) {
                        value = vars.get(name);
                    } else if (name.equals("id") && id != null) {
                        value = String.valueOf(id);
                    } else if (x.subRecords.containsKey(name)) {
                        value = String.valueOf(jdbc.sql(x.subRecords.get(name)).param("id", id == null ? 0L : id)
                                .query(Long.class).optional().orElse(0L));
                    } else {
                        throw new IllegalStateException(pattern + ": no value for {" + name + "}");
                    }
                    m.appendReplacement(b, Matcher.quoteReplacement(value));
                }
                m.appendTail(b);
                return b.toString();
            }
        }
    }
}
