package org.wageguard.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A web form's upload over the multipart limits ({@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size}) answers the Chinese 413 page of {@link ErrorPages}. Placed before the CSRF check: Tomcat
 * refuses to parse such a request, so the form's token cannot be read from it, and without this filter the officer
 * saw the CSRF refusal ("表单已失效") instead of being told the file is too large. The request is marked
 * {@link ErrorPages#UPLOAD_TOO_LARGE}; the security configuration lets the marked request's error page through the
 * CSRF check, and nothing of the request reaches a controller.
 */
public class MultipartLimitFilter extends OncePerRequestFilter {

    private final String limit;

    /** @param limit the limits as a person reads them, e.g. "单个文件 20 MB（一次提交合计 25 MB）" */
    public MultipartLimitFilter(String limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException | IOException e) {
            if (isSizeLimit(e)) {
                request.setAttribute(ErrorPages.UPLOAD_TOO_LARGE, limit);
                // Seen by the DispatcherServlet of the error dispatch, which then does not parse the upload again.
                request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION,
                        new MaxUploadSizeExceededException(-1, e));
                response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
                return;
            }
            // Any other unreadable upload is left to the usual handling (the controller's or Spring's 400).
        }
        chain.doFilter(request, response);
    }

    /** Tomcat's refusal for size (FileSizeLimitExceededException / SizeLimitExceededException), wherever it is in the causes. */
    static boolean isSizeLimit(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (name.contains("SizeLimitExceeded") || name.equals("SizeException")
                    || (message.contains("exceed") && (message.contains("size") || message.contains("maximum")))) {
                return true;
            }
        }
        return false;
    }
}
