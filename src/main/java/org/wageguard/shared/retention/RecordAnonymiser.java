package org.wageguard.shared.retention;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * How a module anonymises its own tables when the retention job or a deletion request asks (each module touches only
 * its own tables). Anonymising removes or replaces names, ID numbers, card numbers, phones and addresses and clears
 * their blind indexes; it keeps every figure (amounts, days, counts, dates) and every row, so statistics stay the
 * same. Anonymising twice changes nothing and counts nothing the second time.
 */
public interface RecordAnonymiser {

    /** The text that replaces a name. */
    String ANONYMISED = "（已匿名化）";

    /** The kinds whose records this module keeps. */
    Set<RetentionKind> kinds();

    /** Anonymises the records of {@code kind} past their region's cut-off; how many records were anonymised. */
    int anonymiseBefore(RetentionCutoffs cutoffs);

    /** The latest reference date of the person's records of {@code kind} not yet anonymised, if any. */
    Optional<LocalDate> latestOf(RetentionKind kind, ErasureSubject person);

    /** Anonymises every record of {@code kind} of the person; how many records. */
    int anonymise(RetentionKind kind, ErasureSubject person);
}
