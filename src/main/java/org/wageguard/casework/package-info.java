/**
 * Clues, complaints and cases until the money is in the workers' hands: intake from every channel, the case
 * state machine with a permission per transition, assignments to departments, orders to pay, outcomes,
 * verification of payment worker by worker, and the working-day calendar the legal clocks count on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "案件办理", allowedDependencies = {"shared", "identity", "employer", "project", "leadership"})
@org.wageguard.shared.PublishedTables(read = {"counted_case", "registered_case", "published_case_person", "published_clue_ledger",
        "consultation", "published_payment_order", "station_daily_figure"}, seeded = "document_sequence")
package org.wageguard.casework;
