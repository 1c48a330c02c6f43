package org.wageguard.employer;

import java.time.LocalDate;

/**
 * Arrears of an employer were confirmed and recorded (by a case, or by an officer on the credit file): whatever reads
 * the employer's arrears standing (the wage-deposit rules of its projects) derives it again.
 */
public record ArrearsRecorded(long employerId, LocalDate confirmedOn) {
}
