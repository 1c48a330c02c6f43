package org.wageguard.employer;

/** What kind of employer it is; labels in the bundle under {@code enum.EmployerType.*}. */
public enum EmployerType {
    OWNER, GENERAL_CONTRACTOR, SUBCONTRACTOR, LABOR_SERVICE, MANUFACTURING, HOSPITAL, HOTEL, CATERING, ENTERTAINMENT,
    OTHER;

    /** Construction-sector employers, as opposed to those the seed says arrears are spreading to. */
    public boolean construction() {
        return this == OWNER || this == GENERAL_CONTRACTOR || this == SUBCONTRACTOR || this == LABOR_SERVICE;
    }
}
