/**
 * Reports that read the other modules: the half-year work summary with every figure computed from the records and
 * each figure's definition (统计口径). Reads only; figures are SQL over the modules' tables (a read model).
 */
@org.springframework.modulith.ApplicationModule(displayName = "统计报告", allowedDependencies = {"shared", "identity", "activity", "employer", "monitoring"})
package org.wageguard.reporting;
