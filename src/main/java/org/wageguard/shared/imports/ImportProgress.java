package org.wageguard.shared.imports;

/**
 * What a long import tells while it runs: the phase it is in and the rows read, checked and applied so far. Called
 * from the import's own thread; implementations must be cheap (they are called for every row).
 */
public interface ImportProgress {

    /** The phases of an import, in order. */
    enum Phase {
        /** Receiving and reading the file, each row checked as it is read. */
        READING,
        /** The checks that need the database, over every staged row at once. */
        CHECKING,
        /** Writing the new versions in the import's one transaction. */
        APPLYING,
        /** After the commit: the changed project-months are reconciled and early warning evaluated (对账/预警). */
        RECONCILING,
        DONE,
        FAILED,
        /** The import was applied, but its reconciliation or early warning failed (or the server stopped during it). */
        FINDINGS_FAILED
    }

    ImportProgress NONE = new ImportProgress() {
    };

    default void phase(Phase phase) {
    }

    /** A row was read and checked. */
    default void read(long rowsSoFar) {
    }

    /** Rows that passed every check, once the database's checks are done. */
    default void checked(long rows) {
    }

    default void applied(long rows) {
    }

    /**
     * Offers what derives from the import (reconciliation and early warning) to run after the import has answered at
     * its commit, as the job's later phase ({@link Phase#RECONCILING}). Returns false when the caller wants it done
     * before the answer: then the import runs it at once, as by default.
     */
    default boolean later(Runnable afterCommit) {
        return false;
    }
}
