package org.wageguard.casework;

import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.CreditCode;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;
import org.wageguard.shared.Rows;

/**
 * The clue list exported from the national clue platform (全国根治欠薪线索反映平台), one clue a row, in the CSV
 * (or XLSX) the README defines. All or nothing unless the officer chooses row by row: every bad row is named with
 * its column and reason. A clue number already registered is not registered again: the push is recorded on the
 * existing case. A clue about an open case (same employer or project, overlapping period) is linked to it and not
 * counted twice.
 */
@Service
public class ClueImport {

    public static final Column CLUE_NO = Column.required("clue_no", "线索编号");
    public static final Column REPORTED_ON = Column.required("reported_on", "反映日期");
    public static final Column COMPLAINANT = Column.optional("complainant", "反映人");
    public static final Column PHONE = Column.optional("phone", "联系电话");
    public static final Column EMPLOYER = Column.required("employer", "被反映单位");
    public static final Column CREDIT_CODE = Column.optional("credit_code", "统一社会信用代码");
    public static final Column PROJECT = Column.optional("project", "项目名称");
    public static final Column REGION = Column.optional("region_code", "行政区划");
    public static final Column AMOUNT = Column.required("amount", "欠薪金额");
    public static final Column WORKERS = Column.required("workers", "涉及人数");
    public static final Column PERIOD_FROM = Column.optional("period_from", "欠薪起始日期");
    public static final Column PERIOD_TO = Column.optional("period_to", "欠薪截止日期");
    public static final Column DESCRIPTION = Column.required("description", "问题描述");

    public static final List<Column> COLUMNS = List.of(CLUE_NO, REPORTED_ON, COMPLAINANT, PHONE, EMPLOYER, CREDIT_CODE,
            PROJECT, REGION, AMOUNT, WORKERS, PERIOD_FROM, PERIOD_TO, DESCRIPTION);

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    /** What came of an import; nothing is written when it was refused. */
    public record Outcome(int rows, int registered, int repeated, int linked, List<Problem> problems, boolean rowByRow)
            implements Serializable {
        public boolean refused() {
            return !problems.isEmpty() && !rowByRow;
        }
    }

    private record Clue(Row row, String number, LocalDate reportedOn, String complainant, MobilePhone phone,
            Long employerId, String employerName, String industryCode, Long projectId, String regionCode,
            BigDecimal amount, int workers, LocalDate from, LocalDate to, String description) {
    }

    private final JdbcClient jdbc;
    private final CaseIntake intake;
    private final OperationLog operationLog;
    private final Clock clock;
    private final ImportPipeline pipeline;

    ClueImport(JdbcClient jdbc, CaseIntake intake, OperationLog operationLog, Clock clock, ImportPipeline pipeline) {
        this.pipeline = pipeline;
        this.jdbc = jdbc;
        this.intake = intake;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /**
     * @param regionPrefix the importing officer's region subtree: clues elsewhere are refused
     * @throws org.wageguard.shared.imports.UnreadableFileException when the file cannot be read at all
     */
    @Transactional
    public Outcome run(String filename, InputStream in, boolean rowByRow, String defaultRegion, String regionPrefix,
            String actor) {
        List<Problem> problems = new ArrayList<>();
        List<Clue> clues = new ArrayList<>();
        Map<String, Long> firstRow = new HashMap<>();
        ImportPipeline.Streamed file = pipeline.stream("clue", filename, in, COLUMNS, row -> {
            int before = problems.size();
            Clue clue = read(row, problems, defaultRegion, regionPrefix);
            if (clue != null) {
                Long first = firstRow.putIfAbsent(clue.number(), row.number());
                if (first != null) {
                    problems.add(Problem.of(row, CLUE_NO, "与第 " + first + " 行线索编号重复"));
                }
            }
            if (problems.size() == before && clue != null) {
                clues.add(clue);
            }
        });
        if (!problems.isEmpty() && !rowByRow) {
            operationLog.recordOutcome("CLUE_IMPORT", "case", null, "导入线索 " + filename + " 被拒绝：" + problems.size()
                    + " 处问题，未导入任何线索", OperationLog.Result.FAILURE);
            return new Outcome((int) file.rows(), 0, 0, 0, List.copyOf(problems), false);
        }
        int registered = 0;
        int repeated = 0;
        int linked = 0;
        for (Clue c : clues) {
            Optional<Long> existing = jdbc.sql("SELECT id FROM case_file WHERE channel = 'PLATFORM' AND external_ref = :n")
                    .param("n", c.number()).query(Long.class).optional();
            if (existing.isPresent()) {
                jdbc.sql("""
                        INSERT INTO case_event (case_id, on_day, by_username, action, note)
                        VALUES (:c, :d, :by, 'PLATFORM_REPEAT', :note)
                        """).param("c", existing.get()).param("d", java.sql.Date.valueOf(LocalDate.now(clock)))
                        .param("by", actor).param("note", "线索 " + c.number() + " 再次推送（" + filename + " 第 "
                                + c.row().number() + " 行），未重复登记").update();
                repeated++;
                continue;
            }
            Long linkTo = intake.similarOpen(c.employerId(), c.projectId(), c.from(), c.to()).stream().findFirst()
                    .map(CaseIntake.Similar::id).orElse(null);
            boolean anonymous = c.complainant() == null;
            intake.register(new Intake(Channel.PLATFORM, anonymous ? CaseKind.REPORT : CaseKind.COMPLAINT,
                    c.complainant(), c.phone(), anonymous, c.employerId(), c.employerName(), c.projectId(),
                    c.regionCode(), c.industryCode(), c.from(), c.to(), c.description(), List.of(), linkTo,
                    c.reportedOn(), c.number(), c.workers(), c.amount()));
            registered++;
            if (linkTo != null) {
                linked++;
            }
        }
        operationLog.record("CLUE_IMPORT", "case", null, "导入线索 " + filename + "：新登记 " + registered + " 条，重复推送 "
                + repeated + " 条，关联已有案件 " + linked + " 条" + (problems.isEmpty() ? "" : "，跳过问题行 " + problems.size() + " 处"));
        return new Outcome((int) file.rows(), registered, repeated, linked, List.copyOf(problems), rowByRow);
    }

    private Clue read(Row row, List<Problem> problems, String defaultRegion, String regionPrefix) {
        int before = problems.size();
        String number = row.get(CLUE_NO);
        if (number == null) {
            problems.add(Problem.of(row, CLUE_NO, "必填"));
        } else if (number.length() > 64) {
            problems.add(Problem.of(row, CLUE_NO, "超过 64 个字符"));
        }
        LocalDate reportedOn = date(row, REPORTED_ON, problems);
        if (row.get(REPORTED_ON) == null) {
            problems.add(Problem.of(row, REPORTED_ON, "必填"));
        } else if (reportedOn != null && reportedOn.isAfter(LocalDate.now(clock))) {
            problems.add(Problem.of(row, REPORTED_ON, "反映日期晚于今天"));
        }
        String complainant = row.get(COMPLAINANT);
        MobilePhone phone = null;
        if (row.get(PHONE) != null) {
            var checked = MobilePhone.parseLenient(row.get(PHONE));
            phone = checked.verifiedValue().orElse(null);
            checked.failure().ifPresent(f -> problems.add(Problem.of(row, PHONE, f.chineseMessage())));
        }
        String employerName = row.get(EMPLOYER);
        if (employerName == null) {
            problems.add(Problem.of(row, EMPLOYER, "必填"));
        }
        String creditCode = null;
        if (row.get(CREDIT_CODE) != null) {
            var checked = CreditCode.parseLenient(row.get(CREDIT_CODE));
            creditCode = checked.verifiedValue().map(CreditCode::value).orElse(null);
            checked.failure().ifPresent(f -> problems.add(Problem.of(row, CREDIT_CODE, f.chineseMessage())));
        }
        String region = row.get(REGION) == null ? defaultRegion : row.get(REGION);
        if (!region.startsWith(regionPrefix)) {
            problems.add(Problem.of(row, REGION, "不在本地区（" + regionPrefix + "）范围内"));
        } else if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", region).query(Long.class).single() == 0) {
            problems.add(Problem.of(row, REGION, "不是有效的行政区划代码"));
        }
        BigDecimal amount = null;
        if (row.get(AMOUNT) == null) {
            problems.add(Problem.of(row, AMOUNT, "必填"));
        } else {
            try {
                amount = new BigDecimal(row.get(AMOUNT).replace(",", "").replace("，", ""));
                if (amount.signum() <= 0 || amount.scale() > 2) {
                    problems.add(Problem.of(row, AMOUNT, "应为大于 0、最多两位小数的金额（元）"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.of(row, AMOUNT, "不是金额"));
            }
        }
        int workers = 0;
        if (row.get(WORKERS) == null) {
            problems.add(Problem.of(row, WORKERS, "必填"));
        } else {
            try {
                workers = Integer.parseInt(row.get(WORKERS).trim());
                if (workers < 1 || workers > 100_000) {
                    problems.add(Problem.of(row, WORKERS, "应为 1 至 100000 的整数"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.of(row, WORKERS, "不是整数"));
            }
        }
        LocalDate from = date(row, PERIOD_FROM, problems);
        LocalDate to = date(row, PERIOD_TO, problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(Problem.of(row, PERIOD_TO, "欠薪截止日期早于起始日期"));
        }
        String description = row.get(DESCRIPTION);
        if (description == null) {
            problems.add(Problem.of(row, DESCRIPTION, "必填"));
        } else if (description.length() > 2000) {
            problems.add(Problem.of(row, DESCRIPTION, "超过 2000 个字符"));
        }
        if (problems.size() > before) {
            return number == null ? null : new Clue(row, number, null, null, null, null, null, null, null, null, null,
                    0, null, null, null);
        }
        record Match(long id, String name, String industryCode) {
        }
        Optional<Match> employer = jdbc.sql("""
                SELECT id, name, industry_code FROM published_employer
                 WHERE (CAST(:cc AS VARCHAR) IS NOT NULL AND credit_code = :cc) OR name = :name
                 ORDER BY (credit_code = :cc) DESC NULLS LAST LIMIT 1
                """).param("cc", creditCode).param("name", employerName).query(Rows.of(Match.class)).optional();
        String projectText = row.get(PROJECT);
        Long projectId = projectText == null ? null : jdbc.sql("SELECT id FROM published_project WHERE code = :v OR name = :v LIMIT 1")
                .param("v", projectText).query(Long.class).optional().orElse(null);
        String fullDescription = description + (projectText != null && projectId == null ? "（平台所报项目：" + projectText + "）" : "");
        return new Clue(row, number, reportedOn, complainant, phone, employer.map(Match::id).orElse(null),
                employer.map(Match::name).orElse(employerName), employer.map(Match::industryCode).orElse(null),
                projectId, region, amount, workers, from, to, fullDescription);
    }

    private static LocalDate date(Row row, Column column, List<Problem> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            return v.contains("/") ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(row, column, "不是日期（应为 yyyy-MM-dd）"));
            return null;
        }
    }
}
