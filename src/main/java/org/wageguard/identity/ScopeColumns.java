package org.wageguard.identity;

/**
 * The columns of one table (or one aliased table in a query) that a data scope filters on. Column names
 * come from code, never from input; a column a table lacks is {@code null}, and a scope that needs it then
 * matches nothing rather than everything.
 */
public record ScopeColumns(String region, String department, String organisation, String grid, String owner) {

    public static ScopeColumns of(String region, String department, String organisation, String grid, String owner) {
        for (String column : new String[] {region, department, organisation, grid, owner}) {
            if (column != null && !column.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?")) {
                throw new IllegalArgumentException("Not a column name: " + column);
            }
        }
        return new ScopeColumns(region, department, organisation, grid, owner);
    }
}
