package org.wageguard.employer.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.wageguard.employer.ArrearsConfirmed;

/** Confirmed arrears go on the employer's arrears record (an application-module listener: after the decision commits). */
@Component
class ArrearsConfirmedListener {

    private final CreditRecords creditRecords;

    ArrearsConfirmedListener(CreditRecords creditRecords) {
        this.creditRecords = creditRecords;
    }

    @ApplicationModuleListener
    void on(ArrearsConfirmed event) {
        creditRecords.recordArrears(event.employerId(), new CreditRecords.NewArrears(event.confirmedOn(),
                event.amount(), event.workers(), event.caseReference(), event.description()));
    }
}
