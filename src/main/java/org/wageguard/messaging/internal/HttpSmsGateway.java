package org.wageguard.messaging.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.wageguard.messaging.SmsGateway;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The government SMS platform (政务短信平台) or a cloud SMS service over HTTP: one POST per message, JSON or a form,
 * carrying the phone, the template id, the template's parameters, the signature and the app key under the field names
 * the platform uses ({@code wageguard.sms.http.*}, docs/sms.md). Accepted when the platform answers 2xx and, where a
 * success field is configured, that field of its JSON answer holds the success value. A refusal, a timeout or an
 * unreachable platform is an answer not accepted, with the platform's words kept for the message log.
 */
public class HttpSmsGateway implements SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ANSWER_LIMIT = 480;

    private final SmsProperties properties;
    private final HttpClient client;

    public HttpSmsGateway(SmsProperties properties) {
        if (properties.getHttp().getUrl() == null || properties.getHttp().getUrl().isBlank()) {
            throw new IllegalStateException("wageguard.sms.gateway=http needs wageguard.sms.http.url");
        }
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.getHttp().getTimeout()).build();
    }

    @Override
    public Answer send(Sms sms) {
        SmsProperties.Http http = properties.getHttp();
        Map<String, Object> body = new LinkedHashMap<>(http.getExtra());
        body.put(http.field("phone"), sms.phone());
        body.put(http.field("template"), sms.templateId());
        body.put(http.field("sign"), properties.getSignName());
        boolean keyInHeader = http.getAppKeyHeader() != null && !http.getAppKeyHeader().isBlank();
        if (!keyInHeader && http.getAppKey() != null && !http.getAppKey().isBlank()) {
            body.put(http.field("appKey"), http.getAppKey());
        }
        Object params = http.isParamsAsArray() ? sms.params().values().toArray() : sms.params();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getUrl())).timeout(http.getTimeout());
        if (http.getFormat() == SmsProperties.Http.Format.FORM) {
            body.put(http.field("params"), JSON.writeValueAsString(params));
            String form = body.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                    .collect(Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        } else {
            body.put(http.field("params"), params);
            request.header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        if (keyInHeader && http.getAppKey() != null) {
            request.header(http.getAppKeyHeader(), http.getAppKey());
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String detail = "HTTP " + response.statusCode() + " " + clip(response.body());
            return accepted(response) ? Answer.accepted(detail) : Answer.refused(detail);
        } catch (IOException e) {
            return Answer.refused("不可达：" + clip(e.getClass().getSimpleName() + " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.refused("发送被中断");
        }
    }

    private boolean accepted(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            return false;
        }
        String field = properties.getHttp().getSuccessField();
        if (field == null || field.isBlank()) {
            return true;
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            for (String part : field.split("\\.")) {
                node = node == null ? null : part.matches("\\d+") ? node.get(Integer.parseInt(part)) : node.get(part);
            }
            return node != null && String.valueOf(properties.getHttp().getSuccessValue()).equals(node.asString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= ANSWER_LIMIT ? one : one.substring(0, ANSWER_LIMIT) + "…";
    }
}
