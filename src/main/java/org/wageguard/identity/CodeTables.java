package org.wageguard.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Rows;

/**
 * Code tables: administrative regions (GB/T 2260) and industry sectors (GB/T 4754-2017). Regions beyond
 * the shipped ones are imported from CSV, all-or-nothing, with every bad row reported.
 */
@Service
@Transactional(readOnly = true)
public class CodeTables {

    public record Region(String code, String name, String level, String parentCode) {
    }

    public record Sector(String code, String name, String level, String parentCode) {
    }

    /** One bad row of an import: the 1-based row number as the user counts it (header is row 1). */
    public record RowProblem(long row, String column, String value, String reason) implements java.io.Serializable {
    }

    public record ImportResult(int imported, List<RowProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    static final Set<String> LEVELS = Set.of("PROVINCE", "PREFECTURE", "COUNTY", "TOWN", "VILLAGE");

    private final JdbcClient jdbc;

    CodeTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> region(String code) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM region WHERE code = :c").param("c", code)
                .query(Rows.of(Region.class)).optional();
    }

    public List<Region> regions(String parentCode) {
        return parentCode == null
                ? jdbc.sql("SELECT code, name, level, parent_code FROM region WHERE parent_code IS NULL ORDER BY code")
                        .query(Rows.of(Region.class)).list()
                : jdbc.sql("SELECT code, name, level, parent_code FROM region WHERE parent_code = :p ORDER BY code")
                        .param("p", parentCode).query(Rows.of(Region.class)).list();
    }

    /** A region and the regions under it, for select boxes limited to an officer's region. */
    public List<Region> regionSubtree(String prefix) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM region WHERE code LIKE :p ORDER BY code")
                .param("p", prefix + "%").query(Rows.of(Region.class)).list();
    }

    public List<Sector> sectors() {
        return jdbc.sql("SELECT code, name, level, parent_code FROM industry_sector ORDER BY level DESC, code")
                .query(Rows.of(Sector.class)).list();
    }

    public int regionCount() {
        return jdbc.sql("SELECT count(*) FROM region").query(Integer.class).single();
    }

    /** Imports regions from CSV ({@code code,name,level,parent_code}); nothing is written if any row is bad. */
    @Transactional
    public ImportResult importRegions(InputStream csv, String actor) throws IOException {
        List<Region> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        List<RowProblem> parents = new ArrayList<>();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            Iterable<CSVRecord> records;
            try {
                records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).get().parse(reader);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                return new ImportResult(0, List.of(new RowProblem(1, "", "", "无法读取文件：" + e.getMessage())));
            }
            try {
                for (CSVRecord r : records) {
                    long row = r.getRecordNumber() + 1;
                    String code = get(r, "code"), name = get(r, "name"), level = get(r, "level"),
                            parent = get(r, "parent_code");
                    int before = problems.size();
                    if (code == null || !code.matches("\\d{6}|\\d{9}|\\d{12}")) {
                        problems.add(new RowProblem(row, "code", code, "区划代码应为6位、9位或12位数字"));
                    } else if (!inFile.add(code)) {
                        problems.add(new RowProblem(row, "code", code, "区划代码在文件中重复"));
                    }
                    if (name == null) {
                        problems.add(new RowProblem(row, "name", "", "区划名称不能为空"));
                    }
                    if (level == null || !LEVELS.contains(level.toUpperCase())) {
                        problems.add(new RowProblem(row, "level", level,
                                "级别应为 PROVINCE、PREFECTURE、COUNTY、TOWN 或 VILLAGE"));
                    }
                    if (parent != null && !parent.matches("\\d{6}|\\d{9}|\\d{12}")) {
                        problems.add(new RowProblem(row, "parent_code", parent, "上级区划代码格式错误"));
                    } else if (parent != null) {
                        parents.add(new RowProblem(row, "parent_code", parent, "上级区划不存在"));
                    }
                    if (problems.size() == before) {
                        rows.add(new Region(code, name, level.toUpperCase(), parent));
                    }
                }
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                return new ImportResult(0, List.of(new RowProblem(0, "", "", "文件格式错误：" + e.getMessage())));
            }
        }
        // Every row's parent must exist, in the file or already in the table.
        for (RowProblem missing : parents) {
            if (!inFile.contains(missing.value()) && region(missing.value()).isEmpty()) {
                problems.add(missing);
            }
        }
        problems.sort(java.util.Comparator.comparingLong(RowProblem::row));
        if (!problems.isEmpty()) {
            return new ImportResult(0, problems);
        }
        // Parents first, whatever the file's order: a code's parent is always shorter or earlier in the tree.
        rows.sort(java.util.Comparator.comparing((Region r) -> r.code().length()).thenComparing(Region::code));
        for (Region r : rows) {
            jdbc.sql("""
                    INSERT INTO region (code, name, level, parent_code, created_by, updated_by)
                    VALUES (:code, :name, :level, :parent, :actor, :actor)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                        parent_code = EXCLUDED.parent_code, updated_at = now(), updated_by = EXCLUDED.updated_by
                    """).param("code", r.code()).param("name", r.name()).param("level", r.level())
                    .param("parent", r.parentCode()).param("actor", actor).update();
        }
        return new ImportResult(rows.size(), List.of());
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column).trim();
        return v.isEmpty() ? null : v;
    }
}
