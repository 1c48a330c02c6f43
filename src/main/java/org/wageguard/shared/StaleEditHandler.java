package org.wageguard.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one answer to {@link StaleEditException} for every controller that lets it through: HTTP 409 with the Chinese
 * text for htmx and API calls; for a plain form, its page again (the page the form was on) with the text as the
 * page's error and what the officer typed as the flash attribute {@code staleInput} (parameter → value; the form's
 * address as {@code staleAction}), so a page can put it back into the form.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaleEditHandler {

    @ExceptionHandler(StaleEditException.class)
    Object stale(StaleEditException e, HttpServletRequest request) {
        if (request.getHeader("HX-Request") != null || wantsJson(request)) {
            boolean json = wantsJson(request) && request.getHeader("HX-Request") == null;
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(json ? MediaType.APPLICATION_JSON : new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                    .body(json ? Map.of("error", e.getMessage()) : e.getMessage());
        }
        String back = back(request);
        if (back == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                    .body(e.getMessage());
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("error", e.getMessage());
        flash.put("staleInput", input(request));
        flash.put("staleAction", request.getRequestURI().substring(request.getContextPath().length()));
        return new ModelAndView("redirect:" + back);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String contentType = request.getContentType();
        return (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains(MediaType.TEXT_HTML_VALUE))
                || (contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON_VALUE));
    }

    /** The page the form was on, as a path of this application (never another host). */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            String context = request.getContextPath();
            if (!context.isEmpty() && path.startsWith(context)) {
                path = path.substring(context.length());
            }
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Map<String, String> input(HttpServletRequest request) {
        Map<String, String> input = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_") && !"version".equals(name) && values.length > 0) {
                input.put(name, values[0]);
            }
        });
        return input;
    }
}
