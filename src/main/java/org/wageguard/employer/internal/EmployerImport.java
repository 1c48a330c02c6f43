package org.wageguard.employer.internal;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Dictionaries;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;
import org.wageguard.shared.imports.TemplateWorkbook;

/**
 * The employer import (FORMATS.md "Files"). Every row passes the same checks as the form, plus: a credit code only
 * once per file, and an existing employer only updated by an officer who can see it. All-or-nothing unless the
 * officer asks for row by row; either way in one transaction, keyed by credit code so a second import of the
 * same file updates and never duplicates.
 */
@Service
public class EmployerImport {

    public static final Column CREDIT_CODE = Column.required("credit_code", "统一社会信用代码");
    public static final Column NAME = Column.required("name", "单位名称");
    public static final Column TYPE = Column.required("type", "单位类型");
    public static final Column INDUSTRY = Column.required("industry_code", "所属行业");
    public static final Column REGION = Column.required("region_code", "行政区划");
    public static final Column DEPARTMENT = Column.required("supervising_department", "行业主管部门");
    public static final Column ADDRESS = Column.optional("address", "单位地址");
    public static final Column LEGAL = Column.optional("legal_representative", "法定代表人");
    public static final Column CONTACT = Column.optional("contact_person", "联系人");
    public static final Column PHONE = Column.optional("contact_phone", "联系电话");
    public static final Column LABOR_INTENSIVE = Column.optional("labor_intensive", "劳动密集型");
    public static final Column KEY_ENTERPRISE = Column.optional("key_enterprise", "重点企业");
    public static final Column GRID = Column.optional("grid_code", "网格编码");
    public static final Column STATUS = Column.optional("operating_status", "经营状态");
    public static final Column EMPLOYEES = Column.optional("employee_count", "职工人数");

    public static final List<Column> COLUMNS = List.of(CREDIT_CODE, NAME, TYPE, INDUSTRY, REGION, DEPARTMENT, ADDRESS,
            LEGAL, CONTACT, PHONE, LABOR_INTENSIVE, GRID, STATUS, EMPLOYEES, KEY_ENTERPRISE);

    /** Where each field's problem is reported in the file. */
    private static final Map<String, Column> FIELD_COLUMNS = Map.ofEntries(Map.entry("name", NAME),
            Map.entry("creditCode", CREDIT_CODE), Map.entry("type", TYPE), Map.entry("industryCode", INDUSTRY),
            Map.entry("regionCode", REGION), Map.entry("supervisingDepartmentId", DEPARTMENT),
            Map.entry("address", ADDRESS), Map.entry("legalRepresentative", LEGAL), Map.entry("contactPerson", CONTACT),
            Map.entry("contactPhone", PHONE), Map.entry("gridCode", GRID), Map.entry("operatingStatus", STATUS),
            Map.entry("employeeCount", EMPLOYEES));

    /** What came of an import: nothing is written when {@code problems} is non-empty and not row by row. */
    public record Outcome(int created, int updated, int rows, List<Problem> problems, boolean rowByRow)
            implements Serializable {

        public boolean written() {
            return created + updated > 0;
        }

        public boolean refused() {
            return !problems.isEmpty() && !rowByRow;
        }
    }

    private final EmployerChecks checks;
    private final EmployerRegistry registry;
    private final EmployerLedger ledger;
    private final Dictionaries dictionaries;
    private final OperationLog operationLog;
    private final MessageSource messages;
    private final ImportPipeline pipeline;

    EmployerImport(EmployerChecks checks, EmployerRegistry registry, EmployerLedger ledger, Dictionaries dictionaries,
            OperationLog operationLog, MessageSource messages, ImportPipeline pipeline) {
        this.pipeline = pipeline;
        this.checks = checks;
        this.registry = registry;
        this.ledger = ledger;
        this.dictionaries = dictionaries;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    /**
     * Reads, checks and (if allowed) writes the file in one transaction: a failure half-way rolls everything back.
     *
     * @throws org.wageguard.shared.imports.UnreadableFileException when the file cannot be read at all
     */
    @Transactional
    public Outcome run(String filename, InputStream in, boolean rowByRow, DataScope scope) {
        EmployerChecks.Reference ref = checks.reference(scope);
        Lookups lookups = new Lookups(ref);
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> firstRowOfCode = new HashMap<>();
        List<EmployerDraft> good = new ArrayList<>();
        ImportPipeline.Streamed file = pipeline.stream("employer", filename, in, COLUMNS, row -> {
            int before = problems.size();
            EmployerFields fields = fields(row, lookups, problems);
            EmployerChecks.Checked checked = checks.check(fields, ref);
            checked.problems().forEach((field, reason) -> {
                Column column = FIELD_COLUMNS.get(field);
                // A problem on a field whose cell already failed to parse would only repeat it.
                if (problems.subList(before, problems.size()).stream().noneMatch(p -> p.column().equals(column.label()))) {
                    problems.add(Problem.of(row, column, reason));
                }
            });
            if (checked.ok()) {
                String code = checked.draft().creditCode().value();
                Long first = firstRowOfCode.putIfAbsent(code, row.number());
                if (first != null) {
                    problems.add(Problem.of(row, CREDIT_CODE, text("employer.import.duplicateInFile", first)));
                } else if (!visibleOrNew(code, scope)) {
                    problems.add(Problem.of(row, CREDIT_CODE, text("employer.import.outOfScope")));
                }
            }
            if (problems.size() == before) {
                good.add(checked.draft());
            }
        });
        if (!problems.isEmpty() && !rowByRow) {
            operationLog.recordOutcome("EMPLOYER_IMPORT", "employer", null, "导入 " + filename + " 被拒绝："
                    + problems.size() + " 处问题，未导入任何数据", OperationLog.Result.FAILURE);
            return new Outcome(0, 0, (int) file.rows(), List.copyOf(problems), false);
        }
        EmployerRegistry.Present present = new EmployerRegistry.Present(file.has(ADDRESS), file.has(LEGAL),
                file.has(CONTACT), file.has(PHONE), file.has(LABOR_INTENSIVE), file.has(KEY_ENTERPRISE), file.has(GRID), file.has(STATUS),
                file.has(EMPLOYEES));
        int created = 0;
        int updated = 0;
        for (EmployerDraft draft : good) {
            if (registry.upsert(draft, present)) {
                created++;
            } else {
                updated++;
            }
        }
        operationLog.record("EMPLOYER_IMPORT", "employer", null, "导入 " + filename + "：新增 " + created + " 家，更新 "
                + updated + " 家" + (problems.isEmpty() ? "" : "，" + problems.size() + " 处问题的行未导入"));
        return new Outcome(created, updated, (int) file.rows(), List.copyOf(problems), rowByRow);
    }

    /** A credit code not yet registered, or registered to an employer the importing officer can see. */
    private boolean visibleOrNew(String code, DataScope scope) {
        return registry.idOf(code).map(id -> ledger.find(scope, id).isPresent()).orElse(true);
    }

    /** The template, with the officer's own departments, types and sectors spelled out in its notes. */
    public byte[] template(DataScope scope) {
        EmployerChecks.Reference ref = checks.reference(scope);
        List<String> notes = new ArrayList<>();
        notes.add(text("employer.import.note.code"));
        notes.add(text("employer.import.note.type") + String.join("、", java.util.Arrays.stream(EmployerType.values())
                .map(dictionaries::label).toList()));
        notes.add(text("employer.import.note.industry"));
        notes.add(text("employer.import.note.region") + String.join("、", ref.regions().values().stream()
                .map(r -> r.code() + " " + r.name()).toList()));
        notes.add(text("employer.import.note.department") + String.join("、", ref.departments().values().stream()
                .filter(d -> d.kind() == Departments.Kind.INDUSTRY).map(Departments.Department::name).toList()));
        notes.add(text("employer.import.note.status") + String.join("、", java.util.Arrays.stream(OperatingStatus.values())
                .map(dictionaries::label).toList()));
        notes.add(text("employer.import.note.flags"));
        notes.add(text("employer.import.note.update"));
        List<String> example = List.of("91430981MA4L12340E", "湖南沅江建工集团有限公司", dictionaries.label(EmployerType.GENERAL_CONTRACTOR),
                "47", "430981001", "沅江市住房和城乡建设局", "沅江市琼湖街道桔城大道88号", "罗建军", "陈小兵", "15807371008", "否",
                "", dictionaries.label(OperatingStatus.NORMAL), "320");
        return TemplateWorkbook.create(text("employer.import.sheet"), COLUMNS, List.of(example), notes);
    }

    // ------------------------------------------------------------------ a row's cells to typed fields

    /** Text of a file to values: codes or Chinese labels for enums, names or ids for departments. */
    private final class Lookups {
        final Map<String, EmployerType> types = new HashMap<>();
        final Map<String, OperatingStatus> statuses = new HashMap<>();
        final Map<String, String> sectors = new HashMap<>();
        final Map<String, String> regions = new HashMap<>();
        final Map<String, Long> departments = new HashMap<>();

        Lookups(EmployerChecks.Reference ref) {
            for (EmployerType t : EmployerType.values()) {
                types.put(t.name().toLowerCase(Locale.ROOT), t);
                types.put(dictionaries.label(t), t);
            }
            for (OperatingStatus s : OperatingStatus.values()) {
                statuses.put(s.name().toLowerCase(Locale.ROOT), s);
                statuses.put(dictionaries.label(s), s);
            }
            ref.sectors().values().forEach(s -> {
                sectors.put(s.code(), s.code());
                sectors.put(s.name(), s.code());
                sectors.put(s.code() + " " + s.name(), s.code());
            });
            ref.regions().values().forEach(r -> {
                regions.put(r.code(), r.code());
                regions.putIfAbsent(r.name(), r.code());
            });
            ref.departments().values().forEach(d -> departments.put(d.name(), d.id()));
        }
    }

    private EmployerFields fields(Row row, Lookups l, List<Problem> problems) {
        EmployerType type = lookup(row, TYPE, l.types, problems, "employer.import.unknownType");
        OperatingStatus status = lookup(row, STATUS, l.statuses, problems, "employer.import.unknownStatus");
        String industry = mapped(row, INDUSTRY, l.sectors, problems, "employer.check.unknownSector");
        String region = mapped(row, REGION, l.regions, problems, "employer.check.unknownRegion");
        Long department = null;
        String deptName = row.get(DEPARTMENT);
        if (deptName != null) {
            department = l.departments.get(deptName);
            if (department == null) {
                problems.add(Problem.of(row, DEPARTMENT, text("employer.import.unknownDepartment", deptName)));
            }
        }
        Boolean laborIntensive = yesNo(row, LABOR_INTENSIVE, problems);
        Boolean keyEnterprise = yesNo(row, KEY_ENTERPRISE, problems);
        Integer employees = null;
        if (row.get(EMPLOYEES) != null) {
            try {
                employees = Integer.valueOf(row.get(EMPLOYEES));
                if (employees < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                employees = null;
                problems.add(Problem.of(row, EMPLOYEES, text("employer.check.count")));
            }
        }
        return new EmployerFields(row.get(NAME), row.get(CREDIT_CODE), type, industry, region, department,
                row.get(ADDRESS), row.get(LEGAL), row.get(CONTACT), row.get(PHONE), Boolean.TRUE.equals(laborIntensive),
                Boolean.TRUE.equals(keyEnterprise),
                row.get(GRID), status, employees);
    }

    private <T> T lookup(Row row, Column column, Map<String, T> values, List<Problem> problems, String key) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        T value = values.get(raw.toLowerCase(Locale.ROOT));
        if (value == null) {
            value = values.get(raw);
        }
        if (value == null) {
            problems.add(Problem.of(row, column, text(key, raw)));
        }
        return value;
    }

    /** A code-table value given by code or name; an unknown one keeps its text so the check names it. */
    private String mapped(Row row, Column column, Map<String, String> values, List<Problem> problems, String key) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        String code = values.get(raw);
        if (code == null) {
            problems.add(Problem.of(row, column, text(key, raw)));
        }
        return code;
    }

    private Boolean yesNo(Row row, Column column, List<Problem> problems) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        return switch (raw.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "TRUE", "是", "1" -> true;
            case "N", "NO", "FALSE", "否", "0" -> false;
            default -> {
                problems.add(Problem.of(row, column, text("employer.import.yesNo")));
                yield null;
            }
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
