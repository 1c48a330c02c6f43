package org.wageguard.workforce;

/** The four files of FORMATS.md; each import of one is recorded per project (and month) in the history. */
public enum ImportKind {
    ROSTER, ATTENDANCE, PAYROLL, DISBURSEMENT
}
