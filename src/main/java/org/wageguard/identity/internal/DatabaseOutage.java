package org.wageguard.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * What a request gets while PostgreSQL cannot be reached: at once (the pool waits
 * {@code spring.datasource.hikari.connection-timeout}, 2 s, not 30) a 503 page "系统暂时不可用" that asks to try again
 * shortly, or for the data API a JSON 503 — instead of a hanging request or a stack of server errors. Sessions live in
 * the database, so the session filter itself fails first; this filter runs before it and renders the page without the
 * database and without a session. Static files are served without the session at all, so that the page keeps its look
 * and a browser does not wait on the database for a style sheet. Nothing here holds state: the next request after the
 * database is back is served as usual.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    /** The session cookie's name (Spring Session's default, also cleared on logout). */
    static final String SESSION_COOKIE = "SESSION";

    private static final Set<String> STATIC = Set.of("/css/", "/js/", "/img/", "/webjars/");

    @Bean
    FilterRegistrationBean<OutageFilter> databaseOutageFilter(ITemplateEngine templates, MessageSource messages,
            org.springframework.core.env.Environment environment) {
        OutageFilter filter = new OutageFilter(templates, messages);
        filter.demo = environment.acceptsProfiles(org.springframework.core.env.Profiles.of("demo"));
        FilterRegistrationBean<OutageFilter> registration = new FilterRegistrationBean<>(filter);
        // Before the session filter, whose loading and saving of the session are the first to need the database.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * The application's data source, failing at once for a few seconds after the pool could not reach the database:
     * one request waits the pool's connection timeout, those right behind it (and a second attempt within the same
     * request, such as the session filter saving the session it could not save a moment ago) are told at once instead
     * of each waiting again. After the window the next request tries the database again, so the application recovers
     * by itself within seconds of the database coming back.
     */
    @Bean
    static BeanPostProcessor failFastDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return "dataSource".equals(name) && bean instanceof DataSource source && !(bean instanceof FailFast)
                        ? new FailFast(source) : bean;
            }
        };
    }

    /** See {@link #failFastDataSource()}. */
    static final class FailFast extends DelegatingDataSource implements AutoCloseable {

        static final long WINDOW_NANOS = Duration.ofSeconds(3).toNanos();

        private volatile long unreachableUntil = System.nanoTime() - 1;

        FailFast(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connect(() -> super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connect(() -> super.getConnection(username, password));
        }

        private interface Connect {
            Connection get() throws SQLException;
        }

        private Connection connect(Connect connect) throws SQLException {
            if (System.nanoTime() - unreachableUntil < 0) {
                throw new SQLTransientConnectionException("数据库暂时无法连接（刚刚连接失败，稍后自动重试）", "08001");
            }
            try {
                return connect.get();
            } catch (SQLTransientConnectionException e) {
                // With a cause the pool could not open a connection; without one it was only busy (all in use).
                if (e.getCause() != null) {
                    unreachableUntil = System.nanoTime() + WINDOW_NANOS;
                }
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** Whether the failure is the database being out of reach (or the pool giving up waiting for a connection). */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A rollback that failed too hides the failure that caused it (a query on a connection the server
            // closed) outside the chain of causes.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isOutage(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // Class 08: connection exception; 57P01..57P03: the server shut down, crashed or is starting up.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isStatic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/favicon.ico") || STATIC.stream().anyMatch(path::startsWith);
    }

    /**
     * Until the application is ready (every start-up task has run, the demo data included), every page answers 503
     * "系统正在启动" / "演示数据准备中" with {@code Retry-After} and reloads itself: before, the login page answered
     * seconds before the demo accounts existed and a login then failed.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> readyForRequests(
            FilterRegistrationBean<OutageFilter> databaseOutageFilter) {
        return event -> databaseOutageFilter.getFilter().ready = true;
    }

    static final class OutageFilter extends OncePerRequestFilter {

        private final ITemplateEngine templates;
        private final MessageSource messages;
        /** False until the application is ready for requests ({@link #readyForRequests}). */
        volatile boolean ready;
        /** The demo profile: its start-up tasks load the demo data, which the page says. */
        boolean demo;

        OutageFilter(ITemplateEngine templates, MessageSource messages) {
            this.templates = templates;
            this.messages = messages;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest forChain = isStatic(request) ? new WithoutSession(request) : request;
            if (!ready && !isStatic(request) && !request.getRequestURI().startsWith(request.getContextPath() + "/actuator")) {
                unavailable(request, response, demo ? "error.starting.demo" : "error.starting");
                return;
            }
            try {
                chain.doFilter(forChain, response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!isOutage(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("数据库暂时不可用，{} {} 返回 503：{}", request.getMethod(), request.getRequestURI(), rootMessage(e));
                unavailable(request, response, null);
            }
        }

        /** The 503 page: the database is out of reach ({@code starting} null), or the application is still starting. */
        private void unavailable(HttpServletRequest request, HttpServletResponse response, String starting)
                throws IOException {
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", starting == null ? "10" : "2");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/")) {
                String message = messages.getMessage(starting == null ? "error.503.api" : starting + ".body", null,
                        Locale.SIMPLIFIED_CHINESE);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter().write("{\"status\":503,\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
                return;
            }
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            // The page needs neither the database nor the session: no CSRF token (it has no form), no menu.
            request.removeAttribute("_csrf");
            request.removeAttribute(CsrfToken.class.getName());
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(new WithoutSession(request), response);
            WebContext context = new WebContext(exchange, Locale.SIMPLIFIED_CHINESE);
            context.setVariable("starting", starting);
            templates.process("error/unavailable", context, response.getWriter());
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    /**
     * The request without its session cookie and without a way to a session: a static file needs no session, and
     * looking one up would ask the database on every style sheet and script.
     */
    static final class WithoutSession extends HttpServletRequestWrapper {

        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie[] getCookies() {
            Cookie[] cookies = super.getCookies();
            if (cookies == null) {
                return null;
            }
            Cookie[] kept = java.util.Arrays.stream(cookies).filter(c -> !SESSION_COOKIE.equals(c.getName()))
                    .toArray(Cookie[]::new);
            return kept.length == 0 ? null : kept;
        }
    }
}
