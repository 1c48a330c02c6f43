package org.wageguard.backup.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.wageguard.backup.BackupException;

/**
 * The database the application is connected to, as the PostgreSQL client programs want it (host, port, database,
 * user, password). Read from the connection pool's own JDBC URL, so it is right for an external server
 * ({@code spring.datasource.url}), for the embedded server whose port is chosen at start, and for a test's scratch
 * database alike.
 */
public record DatabaseAddress(String host, int port, String database, String user, String password, String sslMode) {

    public static DatabaseAddress of(DataSource dataSource) {
        try {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            return parse(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        } catch (SQLException e) {
            throw new BackupException("无法读取数据库连接信息（连接池不是 HikariCP）：" + e.getMessage(), e);
        }
    }

    public static DatabaseAddress parse(String jdbcUrl, String user, String password) {
        Properties p = jdbcUrl == null ? null : org.postgresql.Driver.parseURL(jdbcUrl, null);
        if (p == null) {
            throw new BackupException("无法解析数据库地址 " + jdbcUrl + "（应为 jdbc:postgresql://主机:端口/数据库）");
        }
        String host = p.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(p.getProperty("PGPORT", "5432").split(",")[0]);
        String u = user != null && !user.isBlank() ? user : p.getProperty("user");
        String pw = password != null && !password.isEmpty() ? password : p.getProperty("password");
        return new DatabaseAddress(host, port, p.getProperty("PGDBNAME"), u, pw, p.getProperty("sslmode"));
    }

    /** Another database on the same server, e.g. a fresh one to restore into. */
    public DatabaseAddress withDatabase(String name) {
        return new DatabaseAddress(host, port, name, user, password, sslMode);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database
                + (sslMode == null ? "" : "?sslmode=" + sslMode);
    }

    /** libpq's environment: the password never appears on a command line. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", String.valueOf(port));
        env.put("PGDATABASE", database);
        if (user != null) {
            env.put("PGUSER", user);
        }
        if (password != null && !password.isEmpty()) {
            env.put("PGPASSWORD", password);
        }
        if (sslMode != null) {
            env.put("PGSSLMODE", sslMode);
        }
        env.put("PGAPPNAME", "wageguard-backup");
        env.put("PGCONNECT_TIMEOUT", "30");
        return env;
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
