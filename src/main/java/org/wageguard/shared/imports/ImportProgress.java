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
        /** After the commit: the changed project-months are reconciled. */
        RECONCILING,
        DONE,
        FAILED
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
}
