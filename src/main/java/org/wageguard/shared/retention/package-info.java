/**
 * Retention of records as the law says (issue 21): the kinds of record with their legal minimum, the cut-off dates of
 * a retention run, and the interface through which each module anonymises its own tables ({@link RecordAnonymiser}),
 * orchestrated by the {@code retention} module's nightly job.
 */
package org.wageguard.shared.retention;
