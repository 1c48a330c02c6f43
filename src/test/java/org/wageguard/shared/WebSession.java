package org.wageguard.shared;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session over real HTTP: cookies, CSRF tokens read from the pages, an officer signed in. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    public WebSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public WebSession login(String username) throws IOException, InterruptedException {
        String token = csrf("/login");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=Demo@2021&_csrf=" + token)));
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + answer.statusCode());
        }
        return this;
    }

    /** A page as a browser asks for it (Accept: text/html). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The CSRF token of a page's first form. */
    public String csrf(String path) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A multipart form with one file field {@code file} and the CSRF token, as a browser sends it. */
    public HttpResponse<String> upload(String path, String token, String filename, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----wageguard" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Referer", base + path)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail))));
    }
}
