/**
 * The workers' portal (劳动者门户): no login, phone-first. A worker files a complaint or a report that lands in
 * casework's intake, receives a query code, and follows the submission by that code and the phone number.
 */
@org.springframework.modulith.ApplicationModule(displayName = "劳动者门户",
        allowedDependencies = {"shared", "identity", "employer", "project", "workforce", "payroll", "casework", "messaging", "retention"})
package org.wageguard.portal;
