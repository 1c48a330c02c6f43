package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.wageguard.browser.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stops under a running application (issue 17): every page answers within 3 s with the 503 page
 * "系统暂时不可用" (the data API with a JSON 503), static files are still served, health says DOWN; when the same
 * server comes back on the same port and data directory the application serves and signs in again without a restart,
 * and the session signed in before the outage is still valid. The database is one this test starts and stops, and the
 * application is reached over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DatabaseOutageTests {

    static final long BOUND_MS = 3000;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    static Path dataDir;
    static int databasePort;
    static EmbeddedPostgres postgres;

    @LocalServerPort int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("wageguard-outage-pg");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        postgres = startDatabase();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + databasePort + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setPort(databasePort).setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("timezone", "Asia/Shanghai").setServerConfig("fsync", "off")
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C.UTF-8").start();
    }

    @AfterAll
    static void removeDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void pagesAnswer503WithinThreeSecondsWhileTheDatabaseIsDownAndEverythingWorksAgainWhenItIsBack() throws Exception {
        String session = signIn("jiancha");
        HttpResponse<String> before = get("/cases", session);
        assertThat(before.statusCode()).isEqualTo(200);

        postgres.close();
        postgres = null;

        timed("/cases (signed in)", () -> get("/cases", session), 503, "系统暂时不可用");
        timed("/login (new visitor)", () -> get("/login", null), 503, "系统暂时不可用");
        timed("/login (signed in)", () -> get("/login", session), 503, "稍后");
        HttpResponse<String> api = timed("/api/v1/disbursements", () -> send(HttpRequest.newBuilder(uri("/api/v1/disbursements"))
                .header("Authorization", "Bearer wg_any-token").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("项目编号\n")).build()), 503, "系统暂时不可用");
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        HttpResponse<String> page = get("/cases", session);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).as("the page in the application's look").contains("/css/app.css").contains("wg-login-card")
                .doesNotContain("Exception");

        // The page's style sheet comes without the database, with or without the session cookie.
        long started = System.nanoTime();
        assertThat(get("/css/app.css", session).statusCode()).isEqualTo(200);
        assertThat(get("/webjars/bootstrap/dist/css/bootstrap.min.css", session).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isLessThan(BOUND_MS);
        // What a person sees (where Chromium is installed): the page with its style sheets, in target/screenshots/.
        if (Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            try (Browser browser = Browser.open(1366, 800)) {
                browser.driver().get(uri("/cases").toString());
                assertThat(browser.driver().getPageSource()).contains("系统暂时不可用");
                browser.screenshot("outage-503");
            }
        }
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");

        postgres = startDatabase();

        // Without a restart: within a few seconds (the data source tries the database again 3 s after a failure).
        await("the login page without a restart").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/login", null).statusCode() == 200);
        assertThat(get("/cases", session).statusCode()).as("the session signed in before the outage").isEqualTo(200);
        String again = signIn("jiancha");
        HttpResponse<String> after = get("/cases", again);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).doesNotContain("系统暂时不可用");
        assertThat(get("/actuator/health", null).body()).contains("UP");
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    HttpResponse<String> timed(String what, Call call, int status, String text) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.run();
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.body()).as(what).contains(text);
        assertThat(elapsed).as(what + " answered in ms").isLessThan(BOUND_MS);
        return response;
    }

    String signIn(String username) throws Exception {
        HttpResponse<String> form = get("/login", null);
        assertThat(form.statusCode()).isEqualTo(200);
        String cookie = sessionOf(form);
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as("CSRF token on the login form").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String body = "username=" + username + "&password=" + URLEncoder.encode("Demo@2021", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("Cookie", "SESSION=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        return sessionOf(login);
    }

    static String sessionOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
