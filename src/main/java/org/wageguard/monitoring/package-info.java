/**
 * Early warning (Decree 724 Art. 27 and 38): the catalogue of DOMAIN.md §4's fourteen rules with their parameters per
 * region, alerts with their lifecycle and escalation, risk grades of projects and employers, and the credit-list
 * procedure whose decisions are stored with the employer. Reads the other modules through their public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "监测预警",
        allowedDependencies = {"shared", "identity", "employer", "project", "workforce", "payroll", "casework"})
@org.wageguard.shared.PublishedTables(read = "published_alert")
package org.wageguard.monitoring;
