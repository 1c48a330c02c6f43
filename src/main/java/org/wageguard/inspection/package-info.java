/**
 * Inspection campaigns with joint teams, checklist templates, on-site inspections, findings, rectification
 * orders and the second look (回头看); findings that need enforcement become cases through casework's intake.
 */
@org.springframework.modulith.ApplicationModule(displayName = "检查行动", allowedDependencies = {"shared", "identity", "employer", "project", "casework"})
@org.wageguard.shared.PublishedTables(read = {"published_inspection", "published_campaign_target", "published_inspection_answer",
        "published_checklist_item"})
package org.wageguard.inspection;
