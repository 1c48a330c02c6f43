package org.wageguard.payroll.reconciliation.bench;

/**
 * The rows of a generated data set in canonical form (ID upper-case, card without spaces, money in fen), as a
 * listener receives them in file order. Writers render them with the quirks real files have.
 */
public interface Rows {

    record Roster(String project, String id, String name, String card, boolean contractSigned, String entryDate) {
    }

    record Attendance(String project, String id, String date) {
    }

    record Payroll(String project, String month, String id, String name, int days, long grossFen, long netFen,
                   String payDate) {
    }

    /** {@code payeeId} is null when the bank did not send one; {@code status} is SUCCESS, FAILED or RETURNED. */
    record Disbursement(String project, String transactionId, String card, String payeeName, String payeeId,
                        long amountFen, String valueDate, String status, String month) {
    }

    void roster(Roster row);

    void attendance(Attendance row);

    void payroll(Payroll row);

    void disbursement(Disbursement row);
}
