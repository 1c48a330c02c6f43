package org.wageguard.employer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Arrears of wages confirmed against an employer by another module's decision — casework publishes it when a case is
 * resolved with an outcome that confirms arrears — which go on the employer's arrears record, where the deposit rate
 * and the credit procedure read them. The event is the employer module's (casework depends on employer, never the
 * other way round); the employer records it after the decision has committed, through the event publication registry,
 * so that a failure here is retried and never undoes the decision.
 */
public record ArrearsConfirmed(long employerId, LocalDate confirmedOn, BigDecimal amount, int workers,
        String caseReference, String description) {
}
