package org.wageguard.identity;

/** How far an officer's view reaches (数据权限), from widest to narrowest. */
public enum DataScopeType {
    REGION, DEPARTMENT_AND_BELOW, DEPARTMENT, ORGANISATION, GRID, SELF;

    /** The wider of two scopes, for an officer holding several roles. */
    public DataScopeType widest(DataScopeType other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}
