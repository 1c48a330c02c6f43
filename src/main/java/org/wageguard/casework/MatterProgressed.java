package org.wageguard.casework;

import java.math.BigDecimal;

/**
 * A step of a matter (clue, complaint or case) that its complainant is told of by text message (messaging): accepted
 * (受理), handed to a department (交办), or money paid to its workers.
 *
 * @param ref          what makes the step unique for the case: the assignment's id, the last payment's id; 0 for acceptance
 * @param departmentId the department the matter was handed to (ASSIGNED), else null
 * @param amount       the sum of the payments just recorded (PAID), else null
 */
public record MatterProgressed(long caseId, Step step, long ref, Long departmentId, BigDecimal amount) {

    public enum Step { ACCEPTED, ASSIGNED, PAID }
}
