package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The outbound side of the national clue platform (全国根治欠薪线索反映平台): the handling results of platform clues
 * in the platform's clue-result form (线索办理结果) are handed to an exchange, which delivers them — as a file to
 * upload ({@link FileClueExchange}) or to the platform's API a province configures ({@link HttpClueExchange}).
 * {@link PlatformReports} records a result as reported only when {@link #send} returned.
 */
public interface ClueExchange {

    /** The platform's handling states: 受理, 办理中, 办结 (in this order; a clue moves forward only). */
    enum State {
        ACCEPTED("受理"), IN_PROGRESS("办理中"), CONCLUDED("办结");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One clue's handling result as the platform takes it.
     *
     * @param clueNo          the platform's clue number (线索编号), as the clue list brought it in
     * @param acceptedOn      受理日期; null when the clue was refused (不予受理)
     * @param concludedOn     办结日期; set for {@link State#CONCLUDED} only
     * @param outcome         办结方式 code (an {@link Outcome} name, {@code REFUSED} or {@code WITHDRAWN}); null before 办结
     * @param outcomeText     the outcome in Chinese
     * @param amountRecovered 追回工资（元）; null before 办结
     * @param workersPaid     兑付人数; null before 办结
     * @param reply           答复反映人: what the complainant is told
     * @param handledBy       承办单位: the department the clue was assigned to, else the region's labor inspection body
     */
    record Result(long caseId, String clueNo, State state, LocalDate acceptedOn, LocalDate concludedOn, String outcome,
            String outcomeText, BigDecimal amountRecovered, Integer workersPaid, String reply, String handledBy) {
    }

    /** What the exchange answers for a delivered batch: the platform's receipt, or the file written. */
    record Receipt(String reference) {
    }

    /** The batch was not delivered (the platform refused it or could not be reached): nothing is recorded. */
    class Failed extends RuntimeException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code FILE} or {@code HTTP}, as the batch ledger records it. */
    String kind();

    /**
     * Delivers the results.
     *
     * @throws Failed when they were not delivered
     */
    Receipt send(List<Result> results);
}
