package org.wageguard.messaging;

/**
 * What a text message is for: each kind has its own template at the SMS platform ({@code wageguard.sms.templates.KIND})
 * and its own text ({@code sms.text.KIND} in the messaging bundle), whose named parameters are the template's.
 */
public enum MessageKind {

    /** The portal's one-time code: sent at once, day and night, never retried (it lives five minutes). */
    ONE_TIME_CODE(Recipient.VISITOR),
    /** To the complainant: their matter was accepted (受理). */
    MATTER_ACCEPTED(Recipient.COMPLAINANT),
    /** To the complainant: their matter was handed to a department (交办). */
    MATTER_ASSIGNED(Recipient.COMPLAINANT),
    /** To the complainant: a payment to the workers of their matter was recorded. */
    MATTER_PAID(Recipient.COMPLAINANT),
    /** To a worker: a disbursement to their wage card succeeded (工资到账提醒). */
    WAGE_PAID(Recipient.WORKER),
    /** To a worker: a disbursement to their wage card failed or was returned. */
    WAGE_FAILED(Recipient.WORKER),
    /** To an officer who chose it: an assignment reached their department. */
    OFFICER_ASSIGNMENT(Recipient.OFFICER),
    /** To an officer who chose it: a red alert reached them. */
    OFFICER_RED_ALERT(Recipient.OFFICER);

    public enum Recipient { VISITOR, COMPLAINANT, WORKER, OFFICER }

    private final Recipient recipient;

    MessageKind(Recipient recipient) {
        this.recipient = recipient;
    }

    public Recipient recipient() {
        return recipient;
    }

    /** Only one-time codes go out at night: the visitor is waiting for them. */
    public boolean sentAtNight() {
        return this == ONE_TIME_CODE;
    }
}
