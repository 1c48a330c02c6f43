package org.wageguard.identity.internal;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.util.StringUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.wageguard.shared.ErrorPages;
import org.wageguard.shared.MultipartLimitFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;

/**
 * Form login with BCrypt, lockout after repeated failures, password expiry, idle timeout (the session
 * timeout), CSRF on every form (Spring Security's default, kept), and strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final java.time.Duration HSTS_MAX_AGE = java.time.Duration.ofDays(365);

    static final String[] PUBLIC = {"/login", "/password/expired", "/css/**", "/js/**", "/img/**", "/webjars/**",
            "/favicon.ico", "/error", "/denied", "/actuator/health"};

    @Bean
    SecurityFilterChain web(HttpSecurity http, AuthenticationProvider provider, LoginAttempts attempts,
            OperationLog operationLog, OfficerAccounts accounts, CsrfRejections csrfRejections,
            org.springframework.boot.servlet.autoconfigure.MultipartProperties multipart,
            org.springframework.context.MessageSource messages) throws Exception {
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll().requestMatchers("/portal/**").permitAll().anyRequest().authenticated())
                .authenticationProvider(provider)
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .successHandler(success(attempts, accounts)).failureHandler(failure(attempts)).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("SESSION", "JSESSIONID"))
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
                .addFilterAfter(new OneTimePasswordFilter(), AnonymousAuthenticationFilter.class)
                // An upload over the limits gets the 413 page, not the CSRF refusal (Tomcat refuses to parse it, so
                // its token cannot be read); its error page is let through the CSRF check (nothing is executed).
                .addFilterBefore(new MultipartLimitFilter(limits(multipart, messages)), CsrfFilter.class)
                .csrf(c -> c.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                        && request.getAttribute(ErrorPages.UPLOAD_TOO_LARGE) == null))
                .exceptionHandling(e -> e.accessDeniedHandler(denied(operationLog, csrfRejections)))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // Over HTTPS only (directly or from a trusted proxy): browsers then refuse plain HTTP for a year.
                        .httpStrictTransportSecurity(t -> t.maxAgeInSeconds(HSTS_MAX_AGE.toSeconds())
                                .includeSubDomains(false))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * Before every other filter (Spring Session's cookie included): the client's address and HTTPS as told by a
     * trusted proxy, and by no one else ({@code wageguard.security.trusted-proxies}, see docs/login-and-tokens.md).
     */
    @Bean
    FilterRegistrationBean<TrustedProxies> trustedProxies(
            @Value("${wageguard.security.trusted-proxies:}") String proxies) {
        FilterRegistrationBean<TrustedProxies> registration = new FilterRegistrationBean<>(new TrustedProxies(proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /**
     * The session cookie: HttpOnly and SameSite as {@code server.servlet.session.cookie.*} says, and {@code Secure}
     * whenever the request came over HTTPS — directly, or from a TLS-terminating proxy that says so from a trusted
     * address ({@link TrustedProxies}) — unless {@code server.servlet.session.cookie.secure} forces it either way.
     * Declared here rather than left to Boot, which outside an embedded server (a WAR, or the tests' mock servlet
     * context) copies the container's cookie settings instead, Secure false included.
     */
    @Bean
    DefaultCookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.http-only:true}") boolean httpOnly,
            @Value("${server.servlet.session.cookie.same-site:lax}") String sameSite,
            @Value("${server.servlet.session.cookie.secure:#{null}}") Boolean secure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(DatabaseOutage.SESSION_COOKIE);
        cookie.setUseHttpOnlyCookie(httpOnly);
        cookie.setSameSite(StringUtils.capitalize(sameSite.trim().toLowerCase(java.util.Locale.ROOT)));
        if (secure != null) {
            cookie.setUseSecureCookie(secure);
        }
        return cookie;
    }

    /** The multipart limits as an officer reads them: "单个文件 20 MB（一次提交合计 25 MB）". */
    static String limits(org.springframework.boot.servlet.autoconfigure.MultipartProperties multipart,
            org.springframework.context.MessageSource messages) {
        return messages.getMessage("error.413.limits", new Object[] {multipart.getMaxFileSize().toMegabytes(),
                multipart.getMaxRequestSize().toMegabytes()}, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    AuthenticationProvider officerAuthentication(OfficerDetailsService officers, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(officers) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                    UserDetails user) {
                // The session keeps the officer without the password hash.
                return super.createSuccessAuthentication(((OfficerPrincipal) principal).withoutSecret(),
                        authentication, user);
            }
        };
        provider.setPasswordEncoder(encoder);
        // The password is checked first, for every account and for unknown names (against a dummy hash, which
        // DaoAuthenticationProvider does): the state of an account is judged only afterwards (postChecks), so a
        // locked or disabled account costs the same BCrypt time as any other, and no answer depends on it until the
        // right password is given.
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(SecurityConfiguration::postChecks);
        return provider;
    }

    /** The account's state, judged only once the password was right. */
    static void postChecks(UserDetails user) {
        if (!user.isAccountNonLocked()) {
            throw new LockedException("locked");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("disabled");
        }
        if (!user.isAccountNonExpired()) {
            throw new AccountExpiredException("expired account");
        }
        if (!user.isCredentialsNonExpired()) {
            throw new CredentialsExpiredException("expired password");
        }
    }

    private static AuthenticationSuccessHandler success(LoginAttempts attempts, OfficerAccounts accounts) {
        return (request, response, authentication) -> {
            String username = authentication.getName();
            attempts.succeeded(username);
            attempts.log(username, true, "SUCCESS", request.getRemoteAddr(), request.getHeader("User-Agent"));
            if (accounts.mustChangePassword(username)) {
                // A one-time password: their own first, then the system (OneTimePasswordFilter holds them there).
                request.getSession().setAttribute(PasswordExpiry.SESSION_ONE_TIME, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + OneTimePasswordFilter.CHANGE_PAGE);
                return;
            }
            response.sendRedirect(request.getContextPath() + "/");
        };
    }

    private static AuthenticationFailureHandler failure(LoginAttempts attempts) {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            String reason = reason(exception);
            if (exception instanceof BadCredentialsException && username != null && attempts.failed(username)) {
                reason = "LOCKED_NOW";
            }
            attempts.log(username == null ? "" : username, false, reason, request.getRemoteAddr(),
                    request.getHeader("User-Agent"));
            if (exception instanceof CredentialsExpiredException) {
                request.getSession().setAttribute(PasswordExpiry.SESSION_USERNAME, username);
                response.sendRedirect(request.getContextPath() + "/password/expired");
                return;
            }
            response.sendRedirect(request.getContextPath() + "/login?error=" + answer(exception));
        };
    }

    /**
     * What the login page tells the visitor. A wrong password, an unknown name, a locked account (whatever the
     * password, while the lock lasts) and a disabled account with a wrong password all get the one answer
     * {@code bad_credentials}: who is registered, who is locked and who is disabled cannot be told apart. Only the
     * right password of a disabled account says so; a locked account never confirms its password while locked (else the
     * lock would become an oracle for guessing it). The login log keeps the real reason.
     */
    static String answer(AuthenticationException exception) {
        return exception instanceof DisabledException ? "disabled" : "bad_credentials";
    }

    static String reason(AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return "LOCKED";
        }
        if (exception instanceof DisabledException) {
            return "DISABLED";
        }
        if (exception instanceof CredentialsExpiredException) {
            return "EXPIRED";
        }
        return "BAD_CREDENTIALS";
    }

    private static AccessDeniedHandler denied(OperationLog operationLog, CsrfRejections csrfRejections) {
        return new AccessDeniedHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response,
                    AccessDeniedException exception) throws IOException, ServletException {
                boolean csrf = exception instanceof CsrfException;
                String what = request.getMethod() + " " + request.getRequestURI();
                if (csrf) {
                    // Anyone can be refused here without signing in: logged, but not without limit.
                    csrfRejections.rejected(request.getRemoteAddr(), what);
                } else {
                    operationLog.recordOutcome("ACCESS_DENIED", "URL", null, what, OperationLog.Result.DENIED);
                }
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                request.setAttribute("csrfFailure", csrf);
                request.getRequestDispatcher("/denied").forward(request, response);
            }
        };
    }
}
