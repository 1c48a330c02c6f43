package org.wageguard.project;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.EmployerSummary;
import org.wageguard.employer.Employers;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.CreditCode;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;
import org.wageguard.shared.imports.ImportPipeline;

/**
 * Importing projects from the template (Excel or CSV). All-or-nothing unless the officer asks for the good
 * rows only; re-importing the same file updates the same projects (key: project code), never duplicates.
 */
@Service
public class ProjectImport {

    public static final Column CODE = Column.required("project_code", "项目编号");
    public static final Column NAME = Column.required("name", "项目名称");
    public static final Column REGION = Column.required("region_code", "区划代码");
    public static final Column DEPARTMENT = Column.required("department", "行业主管部门");
    public static final Column OWNER = Column.required("owner_credit_code", "建设单位信用代码");
    public static final Column CONTRACTOR = Column.required("contractor_credit_code", "总承包单位信用代码");
    public static final Column ADDRESS = Column.optional("address", "项目地址");
    public static final Column OFFICER = Column.optional("wage_officer", "劳资专管员");
    public static final Column OFFICER_PHONE = Column.optional("wage_officer_phone", "劳资专管员手机号");
    public static final Column GOVERNMENT = Column.optional("government_invested", "政府投资");
    public static final Column VALUE = Column.required("contract_value", "合同价款");
    public static final Column LABOR = Column.optional("planned_labor_cost", "人工费用");
    public static final Column CONTRACT_DATE = Column.required("contract_date", "合同签订日期");
    public static final Column START = Column.optional("start_date", "开工日期");
    public static final Column COMPLETION = Column.optional("planned_completion", "计划竣工日期");
    public static final Column STATUS = Column.optional("status", "状态");
    public static final Column INDUSTRY = Column.optional("industry_code", "所属行业");

    public static final List<Column> COLUMNS = List.of(CODE, NAME, REGION, DEPARTMENT, OWNER, CONTRACTOR, ADDRESS,
            OFFICER, OFFICER_PHONE, GOVERNMENT, VALUE, LABOR, CONTRACT_DATE, START, COMPLETION, STATUS, INDUSTRY);

    private static final Map<String, ProjectStatus> STATUS_WORDS = Map.of("在建", ProjectStatus.UNDER_CONSTRUCTION,
            "停工", ProjectStatus.SUSPENDED, "竣工", ProjectStatus.COMPLETED, "交付", ProjectStatus.DELIVERED);

    public record Result(int created, int updated, List<Problem> problems, boolean applied) {
    }

    private final Projects projects;
    private final Employers employers;
    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final ImportPipeline pipeline;

    ProjectImport(Projects projects, Employers employers, JdbcClient jdbc, OperationLog operationLog,
            ImportPipeline pipeline) {
        this.pipeline = pipeline;
        this.projects = projects;
        this.employers = employers;
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    /**
     * Reads and checks every row; writes nothing if any row is bad, unless {@code goodRowsOnly}. One
     * transaction either way: a failure half-way leaves the database as it was.
     */
    @Transactional
    public Result importFile(String filename, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, ProjectDraft> drafts = new java.util.LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        pipeline.stream("project", filename, in, COLUMNS, row -> {
            int before = problems.size();
            ProjectDraft draft = parse(row, officer, problems);
            String code = row.get(CODE);
            if (code != null && !codes.add(code)) {
                problems.add(Problem.of(row, CODE, "项目编号在文件中重复"));
            }
            if (problems.size() == before && draft != null) {
                Optional<ProjectSummary> existing = projects.findByCode(code);
                if (existing.isPresent() && projects.find(officer.scope(), existing.get().id()).isEmpty()) {
                    problems.add(Problem.of(row, CODE, "该项目已存在且不在您的管理范围内"));
                } else {
                    drafts.put(row.number(), draft);
                }
            }
        });
        if (!problems.isEmpty() && !goodRowsOnly) {
            return new Result(0, 0, problems, false);
        }
        int created = 0, updated = 0;
        for (ProjectDraft d : drafts.values()) {
            Optional<ProjectSummary> existing = projects.findByCode(d.code());
            if (existing.isPresent()) {
                projects.update(existing.get().id(), existing.get().version(), d);
                updated++;
            } else {
                projects.register(d);
                created++;
            }
        }
        operationLog.record("PROJECT_IMPORT", "project", null, "导入在建项目：新增 " + created + " 个，更新 " + updated
                + " 个，错误行 " + problems.size() + " 行");
        return new Result(created, updated, problems, true);
    }

    private ProjectDraft parse(Row row, OfficerPrincipal officer, List<Problem> problems) {
        for (Column c : COLUMNS) {
            if (c.required() && row.get(c) == null) {
                problems.add(Problem.of(row, c, c.alias() + "不能为空"));
            }
        }
        String code = row.get(CODE);
        if (code != null && !code.matches("[A-Za-z0-9-]{4,40}")) {
            problems.add(Problem.of(row, CODE, "项目编号应为 4-40 位字母、数字或连字符"));
        }
        String region = row.get(REGION);
        if (region != null && (!region.matches("\\d{6}|\\d{9}")
                || !region.startsWith(RegionCode.of(officer.regionCode()).subtreePrefix())
                || jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", region).query(Integer.class).single() == 0)) {
            problems.add(Problem.of(row, REGION, "区划代码不存在或不在您所辖区划内"));
        }
        Long department = null;
        if (row.get(DEPARTMENT) != null) {
            department = jdbc.sql("""
                    SELECT id FROM department WHERE name = :n AND kind = 'INDUSTRY' AND region_code LIKE :prefix
                    """).param("n", row.get(DEPARTMENT))
                    .param("prefix", RegionCode.of(officer.regionCode()).subtreePrefix() + "%")
                    .query(Long.class).optional().orElse(null);
            if (department == null) {
                problems.add(Problem.of(row, DEPARTMENT, "没有这个行业主管部门"));
            } else if (officer.scope().type() != DataScopeType.REGION && !officer.scope().departmentIds().contains(department)) {
                problems.add(Problem.of(row, DEPARTMENT, "只能导入本部门主管的项目"));
            }
        }
        EmployerSummary owner = employer(row, OWNER, problems);
        EmployerSummary contractor = employer(row, CONTRACTOR, problems);
        MobilePhone phone = null;
        if (row.get(OFFICER_PHONE) != null) {
            try {
                phone = MobilePhone.of(row.get(OFFICER_PHONE));
            } catch (InvalidIdentifierException e) {
                problems.add(Problem.of(row, OFFICER_PHONE, e.chineseMessage()));
            }
        }
        Boolean government = yesNo(row, GOVERNMENT, problems);
        BigDecimal value = money(row, VALUE, problems);
        BigDecimal labor = money(row, LABOR, problems);
        LocalDate contractDate = date(row, CONTRACT_DATE, problems);
        LocalDate start = date(row, START, problems);
        LocalDate completion = date(row, COMPLETION, problems);
        ProjectStatus status = ProjectStatus.UNDER_CONSTRUCTION;
        if (row.get(STATUS) != null) {
            status = STATUS_WORDS.get(row.get(STATUS));
            if (status == null) {
                problems.add(Problem.of(row, STATUS, "状态应为 在建、停工、竣工 或 交付"));
            }
        }
        String industry = null;
        if (row.get(INDUSTRY) != null) {
            // a division of GB/T 4754-2017 section E 建筑业, by its code or its name; a row without it keeps the sector
            industry = jdbc.sql("SELECT code FROM industry_sector WHERE (code = :v OR name = :v) AND code IN (:divisions)")
                    .param("v", row.get(INDUSTRY)).param("divisions", Projects.CONSTRUCTION_DIVISIONS)
                    .query(String.class).optional().orElse(null);
            if (industry == null) {
                problems.add(Problem.of(row, INDUSTRY,
                        "所属行业应为建筑业的大类代码或名称：47 房屋建筑业、48 土木工程建筑业、49 建筑安装业、50 建筑装饰、装修和其他建筑业"));
            }
        }
        if (department == null || owner == null || contractor == null || value == null || contractDate == null
                || status == null) {
            return null;
        }
        return new ProjectDraft(code, row.get(NAME), region, department, owner.id(), contractor.id(),
                row.get(ADDRESS), row.get(OFFICER), phone, Boolean.TRUE.equals(government), value, labor, contractDate,
                start, completion, status, industry);
    }

    private EmployerSummary employer(Row row, Column column, List<Problem> problems) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        try {
            CreditCode code = CreditCode.of(raw);
            Optional<EmployerSummary> found = employers.findByCreditCode(code.value());
            if (found.isEmpty()) {
                problems.add(Problem.of(row, column, "该信用代码的单位尚未登记，请先在用人单位中登记"));
            }
            return found.orElse(null);
        } catch (InvalidIdentifierException e) {
            problems.add(Problem.of(row, column, e.chineseMessage()));
            return null;
        }
    }

    private static Boolean yesNo(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        return switch (v.toUpperCase()) {
            case "Y", "是" -> true;
            case "N", "否" -> false;
            default -> {
                problems.add(Problem.of(row, column, "应填 是/否 或 Y/N"));
                yield null;
            }
        };
    }

    private static BigDecimal money(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(v.replace(",", ""));
            if (amount.signum() < 0 || amount.scale() > 2) {
                problems.add(Problem.of(row, column, "金额应为非负数，最多两位小数"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(row, column, "不是有效的金额"));
            return null;
        }
    }

    private static LocalDate date(Row row, Column column, List<Problem> problems) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(row, column, "日期应为 YYYY-MM-DD 格式的真实日期"));
            return null;
        }
    }

    /** Example rows for the template's notes sheet. */
    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2026-001", "沅江市某某学校教学楼建设工程", "430981", "沅江市住房和城乡建设局",
                "（建设单位统一社会信用代码）", "（总承包单位统一社会信用代码）", "沅江市琼湖街道", "张三", "13907370000", "是",
                "12000000.00", "2640000.00", "2026-03-01", "2026-03-20", "2027-09-30", "在建"));
    }
}
