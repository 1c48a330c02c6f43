/**
 * Employers (用人单位): every employing organisation the city watches — owners, contractors, labor firms and the
 * factories, hospitals, hotels and venues the arrears are spreading to — identified by the unified social credit
 * code, with the arrears history and credit listings that the wage-deposit rules read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用人单位", allowedDependencies = {"shared", "identity"})
@org.wageguard.shared.PublishedTables(read = {"published_employer", "published_grid"},
        referenced = {"employer", "employer_credit_listing"})
package org.wageguard.employer;
