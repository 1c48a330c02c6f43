package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What has been recorded about one compliance item of a project; which fields matter depends on the kind.
 * {@code rosterKept} is no longer read: real-name management is derived from the roster and attendance the system
 * keeps ({@link RealNameStanding}). The notice board's {@code boardArbitration} and {@code boardLegalAid} are the
 * channels to apply for labour-dispute mediation and arbitration and for legal aid it must show (Decree 724 Art. 34).
 */
public record ComplianceFacts(boolean notApplicable, LocalDate establishedOn, LocalDate validUntil, BigDecimal amount,
        GuaranteeForm form, String bankName, String accountNumber, boolean rosterKept, String boardPayDay,
        String boardMinimumWage, String boardHotline, String note, String boardArbitration, String boardLegalAid) {

    /** Facts of an item other than the notice board (or a board without the two channels). */
    public ComplianceFacts(boolean notApplicable, LocalDate establishedOn, LocalDate validUntil, BigDecimal amount,
            GuaranteeForm form, String bankName, String accountNumber, boolean rosterKept, String boardPayDay,
            String boardMinimumWage, String boardHotline, String note) {
        this(notApplicable, establishedOn, validUntil, amount, form, bankName, accountNumber, rosterKept, boardPayDay,
                boardMinimumWage, boardHotline, note, null, null);
    }

    public static ComplianceFacts none() {
        return new ComplianceFacts(false, null, null, null, null, null, null, false, null, null, null, null);
    }
}
