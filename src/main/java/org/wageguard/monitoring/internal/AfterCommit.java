package org.wageguard.monitoring.internal;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the caller's transaction has committed (at once when there is none). Not a
 * {@code @TransactionalEventListener}: Spring Modulith would route that through its event publication registry, which
 * this application does not keep.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
