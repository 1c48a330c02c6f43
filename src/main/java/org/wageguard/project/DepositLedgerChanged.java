package org.wageguard.project;

/** The wage-deposit ledger of a project changed: its compliance item is evaluated again. */
public record DepositLedgerChanged(long projectId) {
}
