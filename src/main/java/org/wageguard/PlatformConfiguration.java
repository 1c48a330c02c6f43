package org.wageguard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Time is China Standard Time and the interface speaks Simplified Chinese, whatever the server's settings. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * One line an operator (and a supervisor script) can wait for: every start-up task, the demo data
     * included, has run and the application serves requests.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> readyLog() {
        return event -> org.slf4j.LoggerFactory.getLogger(WageGuardApplication.class).info("护薪 WageGuard 已就绪（{}）",
                event.getApplicationContext().getEnvironment().getProperty("local.server.port", "无网页服务"));
    }

    /**
     * A web form's upload over the multipart limits gets the 413 page "文件过大" (shared.MultipartLimitFilter). Tomcat
     * then neither reads the rest of the body nor drops the connection before the page is sent: it finishes the
     * response and closes the connection (by default it would try to read the rest and, past 2 MB, cut the page short).
     */
    @Bean
    org.springframework.boot.tomcat.TomcatContextCustomizer noSwallowOfRefusedUploads() {
        return context -> context.setSwallowAbortedUploads(false);
    }

    /**
     * The modules' reactions to each other's events ({@code @ApplicationModuleListener}, issue 22) run once the
     * publishing transaction has committed, each in a transaction of its own, on the thread that committed: the officer
     * sees the reaction (an alert, the employer's arrears record) on the next page, the operation log names that
     * officer, and a burst of events (an import, the demo data) never holds more than one extra connection. The event
     * publication registry keeps every event until its listener has succeeded; a failed reaction is logged, never
     * undoes the act that published it, and is delivered again when the application starts
     * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
     */
    @Bean
    org.springframework.scheduling.annotation.AsyncConfigurer moduleListenersAfterTheCommit() {
        return new org.springframework.scheduling.annotation.AsyncConfigurer() {
            @Override
            public java.util.concurrent.Executor getAsyncExecutor() {
                return new org.springframework.core.task.SyncTaskExecutor();
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }

    /**
     * The bundles are Chinese-only ({@code *_zh_CN.properties}), which Boot's auto-configuration does not
     * detect (it looks for a file without a locale suffix), so the message source is declared here. Each module
     * ships its own {@code messages/<module>_zh_CN.properties}; all of them are found on the class path, so a new
     * module needs no configuration line.
     */
    @Bean
    MessageSource messageSource() throws java.io.IOException {
        java.util.TreeSet<String> basenames = new java.util.TreeSet<>();
        for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:messages/*_zh_CN.properties")) {
            String file = resource.getFilename();
            basenames.add("messages/" + file.substring(0, file.length() - "_zh_CN.properties".length()));
        }
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return source;
    }

    /**
     * Boot installs a {@link ResourceUrlEncodingFilter} because the webjars locator enables the resource chain. It
     * would rewrite links to versioned static resources — this application uses none — and to find out, it looked
     * every link of every page ({@code @{/cases/123}}) up on the class path through the {@code /**} static handler,
     * where a miss is not cached: two thirds of the CPU of rendering a page at a province's load. Registered here
     * disabled, so Boot does not add it; version-less webjar paths are still resolved when the browser asks for them.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncoding() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Two requests of one session that add the same attribute at once (two tabs opened right after signing in, each
     * creating the session's CSRF token) upsert it; without this the second failed on the attribute table's key
     * and its page with a server error.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);
    }
}
