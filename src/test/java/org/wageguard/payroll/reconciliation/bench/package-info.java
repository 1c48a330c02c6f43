/** Generated data sets with anomalies that hit every reconciliation rule, for the property test and the bench. */
package org.wageguard.payroll.reconciliation.bench;
