package org.wageguard.shared;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a browser meets (400, 403, 404, 405, 413, 500 and any other) is the one Chinese page
 * {@code templates/error/page.html} in the application's layout: what happened, why (a refused parameter is named
 * with its reason), and the way back (the page it came from, and the home page). Replaces Spring's English
 * "Whitelabel" page; JSON clients still get Spring's JSON.
 */
@Component
public class ErrorPages implements ErrorViewResolver, Ordered {

    /** Request attribute: a multipart upload Tomcat refused for its size ({@link MultipartLimitFilter}). */
    public static final String UPLOAD_TOO_LARGE = ErrorPages.class.getName() + ".uploadTooLarge";

    private final ErrorAttributes errorAttributes;
    private final MessageSource messages;

    ErrorPages(ErrorAttributes errorAttributes, MessageSource messages) {
        this.errorAttributes = errorAttributes;
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>();
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        if (error == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            error = t;
        }
        if (request.getAttribute(UPLOAD_TOO_LARGE) != null || find(error, MaxUploadSizeExceededException.class) != null) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        }
        int code = status.value();
        page.put("status", code);
        page.put("title", textOr("error." + code + ".title", "error.other.title"));
        page.put("message", message(code, error, request));
        page.put("back", back(request));
        return new ModelAndView("error/page", page, status);
    }

    /** What happened, in Chinese, as precisely as the error allows. */
    String message(int code, Throwable error, HttpServletRequest request) {
        if (code == 413) {
            return text("error.413.body", limitOf(request));
        }
        MissingServletRequestParameterException missing = find(error, MissingServletRequestParameterException.class);
        if (missing != null) {
            return text("error.400.missing", parameter(missing.getParameterName()));
        }
        MissingServletRequestPartException missingPart = find(error, MissingServletRequestPartException.class);
        if (missingPart != null) {
            return text("error.400.missing", parameter(missingPart.getRequestPartName()));
        }
        MethodArgumentTypeMismatchException mismatch = find(error, MethodArgumentTypeMismatchException.class);
        if (mismatch != null) {
            return text("error.400.mismatch", parameter(mismatch.getName()), String.valueOf(mismatch.getValue()),
                    expected(mismatch));
        }
        TypeMismatchException typeMismatch = find(error, TypeMismatchException.class);
        if (typeMismatch != null && typeMismatch.getPropertyName() != null) {
            return text("error.400.mismatch", parameter(typeMismatch.getPropertyName()),
                    String.valueOf(typeMismatch.getValue()), expected(typeMismatch));
        }
        if (find(error, HttpRequestMethodNotSupportedException.class) != null || code == 405) {
            return text("error.405.body", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        }
        if (find(error, HttpMediaTypeException.class) != null) {
            return text("error.415.body");
        }
        ResponseStatusException refused = find(error, ResponseStatusException.class);
        if (refused != null && isChinese(refused.getReason())) {
            return refused.getReason();
        }
        Object containerMessage = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (code < 500 && containerMessage instanceof String m && isChinese(m)) {
            return m;
        }
        return switch (code) {
            case 400, 403, 404, 405, 500 -> text("error." + code + ".body");
            default -> text("error.other.body", code);
        };
    }

    /** A parameter by its Chinese name where the application has one ({@code error.param.from=开始日期}), and its own. */
    private String parameter(String name) {
        String label = textOr("error.param." + name, "");
        return label.isEmpty() ? name : label + "（" + name + "）";
    }

    private String expected(TypeMismatchException mismatch) {
        Class<?> type = mismatch.getRequiredType();
        if (type == null) {
            return text("error.expected.other");
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return text("error.expected.date");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return text("error.expected.number");
        }
        if (type.isEnum()) {
            return text("error.expected.choice");
        }
        return text("error.expected.other");
    }

    private String limitOf(HttpServletRequest request) {
        Object limit = request.getAttribute(UPLOAD_TOO_LARGE);
        return limit == null ? text("error.413.limitUnknown") : limit.toString();
    }

    /** The page the request came from, when it is a page of this application; else none (the home page is always offered). */
    public static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isChinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private String textOr(String key, String fallbackKey) {
        try {
            return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
        } catch (NoSuchMessageException e) {
            return fallbackKey.isEmpty() ? "" : messages.getMessage(fallbackKey, null, Locale.SIMPLIFIED_CHINESE);
        }
    }
}
