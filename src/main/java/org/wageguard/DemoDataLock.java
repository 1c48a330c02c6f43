package org.wageguard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

/**
 * The demo data is loaded by one instance at a time. Each module's demo loader (an {@link ApplicationRunner} of the
 * demo profile, ordered 10 to 95) looks whether its rows are there and adds them if not; two instances starting
 * together on an empty database would both find nothing and both add. So the first runner of all takes a PostgreSQL
 * advisory lock on a connection of its own, waiting while another instance holds it, and the last runner of all
 * releases it: the second instance's loaders find the first one's data and leave it alone. Should an instance fail
 * while loading, its connection closes and the lock goes with it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoDataLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLock.class);
    /** Key of the advisory lock ("WGDEMO"). */
    private static final long LOCK = 0x5747_4445_4D4FL;

    private final DataSource dataSource;
    private Connection holder;

    DemoDataLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Bean
    ApplicationRunner demoDataLockTaken() {
        return new Step(Ordered.HIGHEST_PRECEDENCE, this::take);
    }

    @Bean
    ApplicationRunner demoDataLockReleased() {
        return new Step(Ordered.LOWEST_PRECEDENCE, this::release);
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** A runner with its place among the runners (before every demo loader, after every one). */
    private record Step(int order, SqlAction action) implements ApplicationRunner, Ordered {

        @Override
        public void run(ApplicationArguments args) throws SQLException {
            action.run();
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    synchronized void take() throws SQLException {
        if (holder != null) {
            return;
        }
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            try (var locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                locked.next();
                if (!locked.getBoolean(1)) {
                    log.info("Another instance is loading the demo data; waiting for it");
                    statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        holder = connection;
    }

    synchronized void release() throws SQLException {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        } finally {
            holder = null;
        }
    }

    /** A start that failed between the two runners still lets the lock go (before the pool closes its connections). */
    @Override
    public void destroy() throws SQLException {
        release();
    }
}
