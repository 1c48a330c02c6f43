package org.wageguard.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wageguard.shared.RegionCode;

/**
 * What records an officer may see: the widest scope of their roles, resolved to concrete values (the
 * region, the department subtree, the organisation's credit code, the grid, the officer).
 */
public record DataScope(DataScopeType type, String regionCode, Set<Long> departmentIds, String organisationCode,
        String gridCode, long officerId) implements java.io.Serializable {

    public DataScope {
        departmentIds = departmentIds == null ? Set.of() : Set.copyOf(departmentIds);
    }

    /** The condition to add to a query over a table with the given columns. */
    public ScopePredicate predicate(ScopeColumns columns) {
        return switch (type) {
            case REGION -> columns.region() == null ? ScopePredicate.none()
                    : new ScopePredicate(columns.region() + " LIKE :scopeRegionPrefix",
                            Map.of("scopeRegionPrefix", RegionCode.of(regionCode).subtreePrefix() + "%"));
            case DEPARTMENT_AND_BELOW, DEPARTMENT -> columns.department() == null || departmentIds.isEmpty()
                    ? ScopePredicate.none()
                    : new ScopePredicate(columns.department() + " IN (:scopeDepartmentIds)",
                            Map.of("scopeDepartmentIds", List.copyOf(departmentIds)));
            case ORGANISATION -> columns.organisation() == null || organisationCode == null ? ScopePredicate.none()
                    : new ScopePredicate(columns.organisation() + " = :scopeOrganisation",
                            Map.of("scopeOrganisation", organisationCode));
            case GRID -> columns.grid() == null || gridCode == null ? ScopePredicate.none()
                    : new ScopePredicate(columns.grid() + " = :scopeGrid", Map.of("scopeGrid", gridCode));
            case SELF -> columns.owner() == null ? ScopePredicate.none()
                    : new ScopePredicate(columns.owner() + " = :scopeOwner", Map.of("scopeOwner", officerId));
        };
    }

    /** The same decision for one record already in memory (for detail pages: out of scope → 404). */
    public boolean covers(String recordRegion, Long recordDepartment, String recordOrganisation, String recordGrid,
            Long recordOwner) {
        return switch (type) {
            case REGION -> recordRegion != null && recordRegion.startsWith(RegionCode.of(regionCode).subtreePrefix());
            case DEPARTMENT_AND_BELOW, DEPARTMENT -> recordDepartment != null && departmentIds.contains(recordDepartment);
            case ORGANISATION -> organisationCode != null && organisationCode.equals(recordOrganisation);
            case GRID -> gridCode != null && gridCode.equals(recordGrid);
            case SELF -> recordOwner != null && recordOwner == officerId;
        };
    }
}
