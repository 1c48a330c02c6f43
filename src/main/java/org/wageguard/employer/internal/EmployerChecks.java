package org.wageguard.employer.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.Grids;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.Departments;
import org.wageguard.shared.CreditCode;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.RegionCode;

/**
 * The checks an employer passes before it is written, the same for the form and for every row of an import: the
 * credit code (GB 32100), the sector, region and department against the code tables, the phone, and that the
 * saved employer lies within the officer's own data scope (else they would register what they cannot see).
 */
@Component
public class EmployerChecks {

    /** The code tables an officer may choose from, loaded once per form or per import file. */
    public record Reference(DataScope scope, Map<String, CodeTables.Sector> sectors,
            Map<String, CodeTables.Region> regions, Map<Long, Departments.Department> departments,
            List<Departments.Node> departmentTree, Map<String, Grids.Grid> grids) {

        public List<CodeTables.Sector> sectorList() {
            return List.copyOf(sectors.values());
        }

        public List<CodeTables.Region> regionList() {
            return List.copyOf(regions.values());
        }

        public List<Grids.Grid> gridList() {
            return List.copyOf(grids.values());
        }
    }

    /** Either a draft, or the problems by field name (never both). */
    public record Checked(EmployerDraft draft, Map<String, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    static final int NAME_MAX = 128;
    static final int TEXT_MAX = 64;
    static final int ADDRESS_MAX = 256;

    private final CodeTables codeTables;
    private final Departments departments;
    private final MessageSource messages;
    private final Grids grids;

    EmployerChecks(CodeTables codeTables, Departments departments, MessageSource messages, Grids grids) {
        this.codeTables = codeTables;
        this.departments = departments;
        this.messages = messages;
        this.grids = grids;
    }

    @Transactional(readOnly = true)
    public Reference reference(DataScope scope) {
        String prefix = RegionCode.of(scope.regionCode()).subtreePrefix();
        Map<String, CodeTables.Sector> sectors = codeTables.sectors().stream()
                .filter(s -> "DIVISION".equals(s.level()))
                .sorted(java.util.Comparator.comparing(CodeTables.Sector::code))
                .collect(Collectors.toMap(CodeTables.Sector::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, CodeTables.Region> regions = codeTables.regionSubtree(prefix).stream()
                .collect(Collectors.toMap(CodeTables.Region::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        // Departments sit at county level; an officer of a town (a grid worker) chooses among the county's.
        String departmentPrefix = prefix.length() > 6 ? prefix.substring(0, 6) : prefix;
        Map<Long, Departments.Department> depts = departments.inRegion(departmentPrefix).stream()
                .filter(Departments.Department::enabled)
                .collect(Collectors.toMap(Departments.Department::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        // A grid is chosen among the registered grids of the officer's region (a grid worker's scope allows one).
        Map<String, Grids.Grid> gridChoices = grids.inRegion(scope.regionCode()).stream()
                .filter(g -> scope.type() != DataScopeType.GRID || g.code().equals(scope.gridCode()))
                .collect(Collectors.toMap(Grids.Grid::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return new Reference(scope, sectors, regions, depts, departments.asTree(List.copyOf(depts.values())),
                gridChoices);
    }

    public Checked check(EmployerFields f, Reference ref) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = trim(f.name());
        if (name == null) {
            problems.put("name", text("employer.check.required", label("name")));
        } else if (name.length() > NAME_MAX) {
            problems.put("name", text("employer.check.tooLong", label("name"), NAME_MAX));
        }
        CreditCode code = null;
        if (trim(f.creditCode()) == null) {
            problems.put("creditCode", text("employer.check.required", label("creditCode")));
        } else {
            try {
                code = CreditCode.of(f.creditCode().trim());
            } catch (InvalidIdentifierException e) {
                problems.put("creditCode", e.chineseMessage());
            }
        }
        if (f.type() == null) {
            problems.put("type", text("employer.check.required", label("type")));
        }
        String industry = trim(f.industryCode());
        if (industry == null) {
            problems.put("industryCode", text("employer.check.required", label("industryCode")));
        } else if (!ref.sectors().containsKey(industry)) {
            problems.put("industryCode", text("employer.check.unknownSector", industry));
        }
        String region = trim(f.regionCode());
        if (region == null) {
            problems.put("regionCode", text("employer.check.required", label("regionCode")));
        } else if (!ref.regions().containsKey(region)) {
            problems.put("regionCode", text("employer.check.unknownRegion", region));
        }
        if (f.supervisingDepartmentId() == null) {
            problems.put("supervisingDepartmentId", text("employer.check.required", label("supervisingDepartmentId")));
        } else if (!ref.departments().containsKey(f.supervisingDepartmentId())) {
            problems.put("supervisingDepartmentId", text("employer.check.unknownDepartment"));
        }
        MobilePhone phone = null;
        if (trim(f.contactPhone()) != null) {
            try {
                phone = MobilePhone.of(f.contactPhone().trim());
            } catch (InvalidIdentifierException e) {
                problems.put("contactPhone", e.chineseMessage());
            }
        }
        longText(problems, "address", f.address(), ADDRESS_MAX);
        longText(problems, "legalRepresentative", f.legalRepresentative(), TEXT_MAX);
        longText(problems, "contactPerson", f.contactPerson(), TEXT_MAX);
        String grid = trim(f.gridCode());
        if (grid != null && !grid.matches("[0-9A-Za-z-]{1,32}")) {
            problems.put("gridCode", text("employer.check.grid"));
        } else if (grid != null && !ref.grids().containsKey(grid)) {
            problems.put("gridCode", text("employer.check.unknownGrid", grid));
        }
        if (f.employeeCount() != null && f.employeeCount() < 0) {
            problems.put("employeeCount", text("employer.check.count"));
        }
        if (problems.isEmpty()) {
            scope(ref.scope(), region, f.supervisingDepartmentId(), code.value(), grid, problems);
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        return new Checked(new EmployerDraft(name, code, f.type(), industry, region, f.supervisingDepartmentId(),
                trim(f.address()), trim(f.legalRepresentative()), trim(f.contactPerson()), phone, f.laborIntensive(), f.keyEnterprise(),
                grid, f.operatingStatus() == null ? org.wageguard.employer.OperatingStatus.NORMAL : f.operatingStatus(),
                f.employeeCount()), Map.of());
    }

    /** The saved employer must stay visible to whoever saves it: the problem goes on the field the scope reads. */
    private void scope(DataScope scope, String region, Long department, String code, String grid,
            Map<String, String> problems) {
        if (scope.covers(region, department, code, grid, null)) {
            return;
        }
        switch (scope.type()) {
            case REGION -> problems.put("regionCode", text("employer.check.scope.region"));
            case DEPARTMENT, DEPARTMENT_AND_BELOW -> problems.put("supervisingDepartmentId",
                    text("employer.check.scope.department"));
            case ORGANISATION -> problems.put("creditCode", text("employer.check.scope.organisation"));
            case GRID -> problems.put("gridCode", text("employer.check.scope.grid", scope.gridCode()));
            case SELF -> problems.put("name", text("employer.check.scope.self"));
        }
    }

    private void longText(Map<String, String> problems, String field, String value, int max) {
        String v = trim(value);
        if (v != null && v.length() > max) {
            problems.put(field, text("employer.check.tooLong", label(field), max));
        }
    }

    /** The Chinese name of a field, as the form and the import template show it. */
    public String label(String field) {
        return text("employer.field." + field);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
