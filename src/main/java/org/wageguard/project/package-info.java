/**
 * Projects under construction and their compliance with "一金三制" (wage deposit, real-name management,
 * special wage account, bank payroll) plus the rights-notice board and the payment guarantee
 * (Decree 724 Art. 24, 26–28, 31–34), and the wage-deposit ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "在建项目", allowedDependencies = {"shared", "identity", "employer"})
@org.wageguard.shared.PublishedTables(read = {"published_project", "published_compliance_item", "published_labor_cost_transfer",
        "published_account_balance", "published_wage_deposit_movement", "published_deposit_guarantee",
        "published_labor_cost_schedule"},
        referenced = {"project"})
package org.wageguard.project;
