/** The reconciliation engine: roster, attendance, pay sheets and bank disbursements, worker by worker, under the 15 rules of FORMATS.md, without Spring or a database. */
package org.wageguard.payroll.reconciliation;
