package org.wageguard.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL advisory locks held until the current transaction ends: how a job or an upload runs once at a time
 * across every application instance on one database. Each user names its own {@code long} key (a constant, or a
 * key space plus an id).
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits until the lock is free and holds it until the transaction ends. */
    public static void lockForTransaction(JdbcClient jdbc, long key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", key).query(Object.class).single();
    }

    /** Takes the lock if it is free (held until the transaction ends); false when another transaction holds it. */
    public static boolean tryLockForTransaction(JdbcClient jdbc, long key) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:k)").param("k", key).query(Boolean.class).single();
    }
}
