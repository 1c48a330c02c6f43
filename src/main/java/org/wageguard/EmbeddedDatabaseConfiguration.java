package org.wageguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The database when none is configured: so that {@code ./mvnw spring-boot:run} and {@code ./mvnw verify}
 * need nothing installed, the application starts its own PostgreSQL 15. Setting the standard
 * {@code spring.datasource.url} switches this off and Spring Boot connects to that server instead.
 * <p>
 * Two variants, both real PostgreSQL:
 * <ul>
 * <li>{@code wageguard.database.scratch-server-url} set (the tests in CI): a fresh database is created on
 * that server for this application context and dropped when it closes, so that contexts never see each
 * other's rows;</li>
 * <li>otherwise an embedded server whose data lives in {@code wageguard.database.data-dir} (kept across
 * restarts), or in a temporary directory removed on close when that is blank (the default tests).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @ConfigurationProperties("wageguard.database")
    record Settings(String dataDir, String scratchServerUrl, String scratchServerUsername,
            String scratchServerPassword, Integer poolSize) {

        int pool() {
            return poolSize == null ? 10 : poolSize;
        }
    }

    @Bean(destroyMethod = "close")
    ManagedDatabase managedDatabase(Settings settings) throws IOException, SQLException {
        if (StringUtils.hasText(settings.scratchServerUrl())) {
            return ScratchDatabase.create(settings);
        }
        return EmbeddedServer.start(settings);
    }

    /**
     * The pool of the application's own database takes the same {@code spring.datasource.hikari.*} settings as
     * Boot's pool of an external one: above all the short connection and validation
     * timeouts that make a request fail fast with "系统暂时不可用" when the server is gone. They are bound onto the
     * configuration before the pool starts (a started pool's configuration is sealed).
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(ManagedDatabase database, Settings settings, Environment environment) {
        HikariConfig config = new HikariConfig();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(settings.pool());
        config.setMinimumIdle(1);
        config.setPoolName("wageguard");
        return new HikariDataSource(config);
    }

    interface ManagedDatabase extends AutoCloseable {
        String jdbcUrl();

        String username();

        String password();

        @Override
        void close() throws IOException, SQLException;
    }

    private record EmbeddedServer(EmbeddedPostgres postgres, Path temporaryDir) implements ManagedDatabase {

        static EmbeddedServer start(Settings settings) throws IOException {
            boolean temporary = !StringUtils.hasText(settings.dataDir());
            Path dir = temporary ? Files.createTempDirectory("wageguard-pg")
                    : Path.of(settings.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            log.info("启动内置 PostgreSQL，数据目录 {}", dir);
            if (!temporary) {
                OrphanedServer.recover(dir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    // The application stops the server itself when its context closes, after the connection
                    // pool and everything that writes through it; the library's own JVM hook would stop it at
                    // the same moment as Spring's, under the feet of the beans still shutting down.
                    .setRegisterShutdownHook(false)
                    // Crash recovery of a persistent cluster replays its write-ahead log first.
                    .setPGStartupWait(Duration.ofSeconds(temporary ? 20 : 120))
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    // Just-in-time compilation costs ~100 ms on each large aggregate and pays off only on
                    // analytical queries much longer than this application's.
                    .setServerConfig("jit", "off")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            Durability.of(temporary).settings().forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedServer(postgres, temporary ? dir : null);
        }

        @Override
        public String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public String username() {
            return "postgres";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public void close() throws IOException {
            log.info("停止内置 PostgreSQL");
            postgres.close();
            log.info("内置 PostgreSQL 已停止");
            if (temporaryDir != null) {
                FileSystemUtils.deleteRecursively(temporaryDir);
            }
        }
    }

    private record ScratchDatabase(Settings settings, String name) implements ManagedDatabase {

        static ScratchDatabase create(Settings settings) throws SQLException {
            // The name is generated here, never taken from input, so it is safe to splice into DDL.
            String name = "wg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            try (Connection c = connect(settings, settings.scratchServerUrl()); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            }
            return new ScratchDatabase(settings, name);
        }

        private static Connection connect(Settings settings, String url) throws SQLException {
            return java.sql.DriverManager.getConnection(url, settings.scratchServerUsername(),
                    settings.scratchServerPassword());
        }

        @Override
        public String jdbcUrl() {
            String server = settings.scratchServerUrl();
            int slash = server.lastIndexOf('/');
            int query = server.indexOf('?', slash);
            return server.substring(0, slash + 1) + name + (query < 0 ? "" : server.substring(query));
        }

        @Override
        public String username() {
            return settings.scratchServerUsername();
        }

        @Override
        public String password() {
            return settings.scratchServerPassword();
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = connect(settings, settings.scratchServerUrl()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /**
     * What a cluster promises about a committed transaction. The library starts every server with {@code -F}
     * (no fsync) and {@code synchronous_commit=off}; a cluster that keeps the data of a running system must
     * undo both, or a power cut loses committed cases and can corrupt the files. Only a throw-away test
     * cluster, deleted when its context closes, trades that for speed.
     */
    enum Durability {
        /** Every commit on disk before it is acknowledged; torn pages repaired from the WAL. */
        DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),
        /** A test cluster in a temporary directory: nothing in it outlives the run. */
        THROW_AWAY(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

        private final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }

        static Durability of(boolean temporary) {
            return temporary ? THROW_AWAY : DURABLE;
        }

        Map<String, String> settings() {
            return settings;
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
