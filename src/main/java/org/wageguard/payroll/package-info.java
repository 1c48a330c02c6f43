/**
 * Payroll: pay sheets, bank disbursements from the special account, and the worker-by-worker reconciliation — one
 * engine ({@code payroll.reconciliation}) for the web, on the stored rows of a project and month, and for the
 * command line ({@code java -jar wageguard.jar reconcile}) on files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工资与对账",
        allowedDependencies = {"shared", "identity", "project", "workforce"})
@org.wageguard.shared.PublishedTables(read = {"published_disbursement", "published_reconciliation_finding", "published_payroll_line"}, referenced = "disbursement")
package org.wageguard.payroll;
