package org.wageguard.casework;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange a province wires to its platform's API ({@code wageguard.platform.exchange=http}): one POST of
 * {@code {"results": [...]}} (the form's keys, see docs/national-platform.md) to {@code wageguard.platform.url}, with
 * {@code Authorization: Bearer <wageguard.platform.token>} when a token is set. A 2xx answer delivered the batch; its
 * JSON {@code receipt} (or {@code id}) is kept as the platform's reference. Anything else — another status, no answer
 * within the timeout, a refused connection — is {@link ClueExchange.Failed} with the reason, and nothing is recorded.
 */
public class HttpClueExchange implements ClueExchange {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;

    public HttpClueExchange(URI url, String token, Duration timeout) {
        this.url = url;
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String kind() {
        return "HTTP";
    }

    @Override
    public Receipt send(List<Result> results) {
        String body = JSON.writeValueAsString(Map.of("results", results.stream().map(PlatformResultForm::asMap).toList()));
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failed("平台接口无法连接（" + url + "）：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("报送被中断", e);
        }
        String answer = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw new Failed("平台接口拒绝了报送（HTTP " + response.statusCode() + "）："
                    + (answer.length() > 200 ? answer.substring(0, 200) : answer), null);
        }
        return new Receipt(receipt(answer));
    }

    private static String receipt(String answer) {
        try {
            JsonNode node = JSON.readTree(answer);
            for (String field : List.of("receipt", "id")) {
                if (node != null && node.hasNonNull(field)) {
                    return node.get(field).asString();
                }
            }
        } catch (JacksonException e) {
            // a 2xx answer without JSON still delivered the batch
        }
        return answer.isBlank() ? "HTTP 2xx" : answer.length() > 200 ? answer.substring(0, 200) : answer;
    }
}
