package org.wageguard.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department tree (部门) of each region: leadership office, labor inspection, member and liaison units. */
@Service
@Transactional(readOnly = true)
public class Departments {

    public enum Kind { LEADERSHIP_OFFICE, LABOR_INSPECTION, INDUSTRY, MEMBER_UNIT, LIAISON, OTHER }

    public record Department(long id, Long parentId, String regionCode, String regionName, String name, Kind kind,
            int sortOrder, boolean enabled, int version) {
    }

    private final JdbcClient jdbc;

    Departments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT d.id, d.parent_id, d.region_code, r.name AS region_name, d.name, d.kind, d.sort_order, d.enabled,
                   d.version
              FROM department d JOIN region r ON r.code = d.region_code
            """;

    public Optional<Department> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(Departments::map).optional();
    }

    /** Departments in a region's subtree, parents before children, ordered for display. */
    public List<Department> inRegion(String regionPrefix) {
        return jdbc.sql(SELECT + " WHERE d.region_code LIKE :prefix ORDER BY d.region_code, d.sort_order, d.id")
                .param("prefix", regionPrefix + "%").query(Departments::map).list();
    }

    public List<Department> all() {
        return jdbc.sql(SELECT + " ORDER BY d.region_code, d.sort_order, d.id").query(Departments::map).list();
    }

    /** The department and all below it. */
    public Set<Long> subtree(long id) {
        return new LinkedHashSet<>(jdbc.sql("""
                WITH RECURSIVE t(id) AS (SELECT id FROM department WHERE id = :id
                    UNION ALL SELECT d.id FROM department d JOIN t ON d.parent_id = t.id)
                SELECT id FROM t
                """).param("id", id).query(Long.class).list());
    }

    /** A department at its depth in the tree, for indented lists and select boxes. */
    public record Node(Department department, int depth) {
        public String indentedName() {
            return "\u3000".repeat(depth) + department.name();
        }
    }

    /** Children under their parents, in display order. */
    public List<Node> asTree(List<Department> departments) {
        List<Node> ordered = new ArrayList<>();
        Set<Long> present = new LinkedHashSet<>();
        departments.forEach(d -> present.add(d.id()));
        for (Department d : departments) {
            if (d.parentId() == null || !present.contains(d.parentId())) {
                addWithChildren(d, 0, departments, ordered);
            }
        }
        return ordered;
    }

    private static void addWithChildren(Department parent, int depth, List<Department> all, List<Node> out) {
        out.add(new Node(parent, depth));
        for (Department d : all) {
            if (d.parentId() != null && d.parentId() == parent.id()) {
                addWithChildren(d, depth + 1, all, out);
            }
        }
    }

    private static Department map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long parent = rs.getLong("parent_id");
        return new Department(rs.getLong("id"), rs.wasNull() ? null : parent, rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
                rs.getInt("sort_order"), rs.getBoolean("enabled"), rs.getInt("version"));
    }
}
