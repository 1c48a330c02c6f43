package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's own database gets the pool settings of an external one: a request waits at most the short
 * connection timeout for a connection when PostgreSQL is gone, then gets "系统暂时不可用", instead of Hikari's 30 s.
 */
@DemoApplicationTest
class EmbeddedPoolSettingsTests {

    @Autowired DataSource dataSource;

    @Test
    void theEmbeddedPoolGivesUpOnAConnectionWithinTwoSeconds() throws java.sql.SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getPoolName()).isEqualTo("wageguard");
        assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
        assertThat(pool.getValidationTimeout()).isEqualTo(1000);
        assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "2");
    }
}
