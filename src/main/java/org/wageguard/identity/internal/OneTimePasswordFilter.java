package org.wageguard.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An officer signed in with a one-time password (a new account, or a password the system administrator reset)
 * reaches nothing but the change-password page, signing out and static assets until they have set their own.
 */
class OneTimePasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/password";

    private static final String[] ALLOWED = {CHANGE_PAGE, "/logout", "/login", "/css/", "/js/", "/img/", "/webjars/",
            "/favicon.ico", "/error", "/denied"};

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PasswordExpiry.SESSION_ONE_TIME) != null
                && !allowed(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        for (String prefix : ALLOWED) {
            if (prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix)) {
                return true;
            }
        }
        return false;
    }
}
