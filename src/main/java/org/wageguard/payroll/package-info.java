/**
 * Payroll: pay sheets, bank disbursements, special accounts, and the worker-by-worker reconciliation engine
 * with its command line ({@code java -jar wageguard.jar reconcile}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "工资与对账", allowedDependencies = "shared")
package org.wageguard.payroll;
