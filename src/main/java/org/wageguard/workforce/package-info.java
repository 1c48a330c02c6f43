/**
 * Real-name management (实名制): one worker across projects, employment per project (the roster), attendance,
 * their imports, and the version history of every file (a corrected file replaces a project's slice; the earlier
 * rows stay, marked superseded).
 */
@org.springframework.modulith.ApplicationModule(displayName = "实名制",
        allowedDependencies = {"shared", "identity", "employer", "project"})
@org.wageguard.shared.PublishedTables(read = {"published_worker", "published_employment", "published_attendance", "published_data_import"},
        referenced = {"worker", "data_import"})
package org.wageguard.workforce;
