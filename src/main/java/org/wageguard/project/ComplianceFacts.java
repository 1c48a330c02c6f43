package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What has been recorded about one compliance item of a project; which fields matter depends on the kind. */
public record ComplianceFacts(boolean notApplicable, LocalDate establishedOn, LocalDate validUntil, BigDecimal amount,
        GuaranteeForm form, String bankName, String accountNumber, boolean rosterKept, String boardPayDay,
        String boardMinimumWage, String boardHotline, String note) {

    public static ComplianceFacts none() {
        return new ComplianceFacts(false, null, null, null, null, null, null, false, null, null, null, null);
    }
}
