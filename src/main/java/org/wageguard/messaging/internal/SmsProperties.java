package org.wageguard.messaging.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.wageguard.messaging.MessageKind;

/**
 * The SMS settings ({@code wageguard.sms.*}, docs/sms.md): which gateway, the platform's address, fields, template ids
 * and signature, the quiet hours, the rate limit per phone and the retries. The app key comes from the environment
 * ({@code WAGEGUARD_SMS_APP_KEY}), never from a file in the repository.
 */
@ConfigurationProperties("wageguard.sms")
public class SmsProperties {

    public enum Gateway { NONE, CONSOLE, HTTP }

    /** {@code none} unless set: the demo profile sets {@code console}; production sets {@code http}. */
    private Gateway gateway = Gateway.NONE;
    /** The signature (短信签名) the platform registered, e.g. 沅江人社. */
    private String signName = "护薪";
    private LocalTime quietFrom = LocalTime.of(22, 0);
    private LocalTime quietUntil = LocalTime.of(8, 0);
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    /** At most this many messages reach one phone within {@link #rateWindow}; more wait (codes are not counted). */
    private int ratePerPhone = 5;
    private Duration rateWindow = Duration.ofHours(1);
    /** After this many failed attempts a message is FAILED and its department is told. */
    private int maxAttempts = 5;
    /** The wait after the first failure; it doubles with each further failure. */
    private Duration backoff = Duration.ofMinutes(1);
    /** A wage notice only for a disbursement dated within this many days (an old statement is no news). */
    private int wageNoticeDays = 7;
    private Map<MessageKind, String> templates = new EnumMap<>(MessageKind.class);
    private final Http http = new Http();

    public static class Http {
        public enum Format { JSON, FORM }

        /** The platform's send address, e.g. https://sms.example.gov.cn/api/send. */
        private String url;
        private Format format = Format.JSON;
        /** The application key the platform issued; from {@code WAGEGUARD_SMS_APP_KEY}. */
        private String appKey;
        /** When set, the app key goes in this request header (e.g. {@code X-App-Key}) instead of a body field. */
        private String appKeyHeader;
        /** The body's field names: phone, template, params, sign, appKey. */
        private Map<String, String> fields = new LinkedHashMap<>(Map.of("phone", "phone", "template", "templateId",
                "params", "templateParams", "sign", "signName", "appKey", "appKey"));
        /** Fixed fields every request carries (e.g. {@code sdkAppId}). */
        private Map<String, String> extra = new LinkedHashMap<>();
        /** The template parameters as a JSON object of names ({@code object}) or as an array in order ({@code array}). */
        private boolean paramsAsArray;
        /** The answer's field that says success (e.g. {@code code}) and its value (e.g. {@code OK}); empty: any 2xx. */
        private String successField;
        private String successValue;
        private Duration timeout = Duration.ofSeconds(5);

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public Format getFormat() { return format; }
        public void setFormat(Format format) { this.format = format; }
        public String getAppKey() { return appKey; }
        public void setAppKey(String appKey) { this.appKey = appKey; }
        public String getAppKeyHeader() { return appKeyHeader; }
        public void setAppKeyHeader(String appKeyHeader) { this.appKeyHeader = appKeyHeader; }
        public Map<String, String> getFields() { return fields; }
        public void setFields(Map<String, String> fields) { this.fields.putAll(fields); }
        public Map<String, String> getExtra() { return extra; }
        public void setExtra(Map<String, String> extra) { this.extra = extra; }
        public boolean isParamsAsArray() { return paramsAsArray; }
        public void setParamsAsArray(boolean paramsAsArray) { this.paramsAsArray = paramsAsArray; }
        public String getSuccessField() { return successField; }
        public void setSuccessField(String successField) { this.successField = successField; }
        public String getSuccessValue() { return successValue; }
        public void setSuccessValue(String successValue) { this.successValue = successValue; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }

        /** The platform's name of a field; {@code app-key} and {@code appKey} name the same one. */
        String field(String name) {
            String value = name;
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (e.getKey().replace("-", "").equalsIgnoreCase(name)) {
                    value = e.getValue();
                }
            }
            return value;
        }
    }

    public Gateway getGateway() { return gateway; }
    public void setGateway(Gateway gateway) { this.gateway = gateway; }
    public String getSignName() { return signName; }
    public void setSignName(String signName) { this.signName = signName; }
    public LocalTime getQuietFrom() { return quietFrom; }
    public void setQuietFrom(LocalTime quietFrom) { this.quietFrom = quietFrom; }
    public LocalTime getQuietUntil() { return quietUntil; }
    public void setQuietUntil(LocalTime quietUntil) { this.quietUntil = quietUntil; }
    public ZoneId getZone() { return zone; }
    public void setZone(ZoneId zone) { this.zone = zone; }
    public int getRatePerPhone() { return ratePerPhone; }
    public void setRatePerPhone(int ratePerPhone) { this.ratePerPhone = ratePerPhone; }
    public Duration getRateWindow() { return rateWindow; }
    public void setRateWindow(Duration rateWindow) { this.rateWindow = rateWindow; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getBackoff() { return backoff; }
    public void setBackoff(Duration backoff) { this.backoff = backoff; }
    public int getWageNoticeDays() { return wageNoticeDays; }
    public void setWageNoticeDays(int wageNoticeDays) { this.wageNoticeDays = wageNoticeDays; }
    public Map<MessageKind, String> getTemplates() { return templates; }
    public void setTemplates(Map<MessageKind, String> templates) { this.templates.putAll(templates); }
    public Http getHttp() { return http; }

    /** The template id of a kind at the platform; the kind's name when none is set (the console's case). */
    public String template(MessageKind kind) {
        return templates.getOrDefault(kind, kind.name());
    }
}
