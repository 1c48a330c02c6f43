package org.wageguard.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The data API ({@code /api/**}) for the banks' and contractors' systems: stateless, authenticated by a bearer
 * token ({@link ApiTokens}), no session and hence no CSRF token (no browser cookie is ever honoured here), JSON
 * errors in Chinese, and every call logged with its token and status. The OpenAPI description is public.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String OPENAPI = "/api/openapi.yaml";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(OPENAPI).permitAll().anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> error(response, 401,
                                "缺少或无效的接口令牌：请在 Authorization 头中以 Bearer 方式提供系统管理员签发的令牌。"))
                        .accessDeniedHandler((request, response, ex) -> error(response, 403,
                                "该令牌所属机构无权调用此接口。")))
                .headers(h -> h.frameOptions(f -> f.deny()));
        return http.build();
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    /** Authenticates a bearer token, then logs the call with the status it ended with. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().endsWith(OPENAPI);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            Optional<ApiTokens.Authenticated> auth = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.authenticate(header.substring(7).trim()) : Optional.empty();
            auth.ifPresent(a -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(a.principal(), null,
                        a.principal().getAuthorities()));
                SecurityContextHolder.setContext(context);
            });
            try {
                chain.doFilter(request, response);
            } finally {
                tokens.recordUse(auth.map(ApiTokens.Authenticated::tokenId).orElse(null), request.getMethod(),
                        request.getRequestURI(), response.getStatus(), request.getRemoteAddr());
                SecurityContextHolder.clearContext();
            }
        }
    }
}
