package org.wageguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.wageguard.shared.PublishedTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns the tables and views its migrations create (issue 22). Every SQL string of
 * {@code src/main/java} and every migration is read; a module may touch another module's table only as the owner
 * publishes it in its {@code package-info.java} ({@link PublishedTables}): read a published table or view, hold a
 * foreign key to a referenced table, seed (insert into) a seeded table from a migration. Nothing else: no reads of
 * another module's own tables, no writes, no DDL. Spring Modulith checks the Java imports; this test checks what
 * Modulith cannot see.
 */
class TableOwnershipTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/wageguard");

    /**
     * Migrations applied before the rule existed. An applied migration cannot change (Flyway checks its checksum), so
     * each is named here with the reason it stays; the test fails when one of them no longer exists or no longer
     * crosses, so that this list cannot go stale.
     */
    private static final Map<String, String> FROZEN_MIGRATIONS = Map.of(
            "V2026.11.28.97__portal_channel.sql",
            "moved the portal's earlier submissions to the PORTAL channel once, when the portal got its channel",
            "V2026.12.03.100__bank_branch_employers.sql",
            "registered the bank branches that had officers as employers once, when bindings moved to employer records");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern CREATES = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:table|view|materialized\\s+view)\\s+"
                    + "(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    /** A keyword that names a table after it, and what it does with it (group 1 write, 2 read, 3 key, 4 DDL). */
    private static final Pattern USES = Pattern.compile("(?i)\\b(?:(delete\\s+from|insert\\s+into|update|into|truncate(?:\\s+table)?)"
            + "|(from|join)|(references)|((?:alter|drop|comment\\s+on)\\s+(?:table|view)(?:\\s+if\\s+exists)?|index\\s+\\w*\\s*on))"
            + "\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

    enum Use { READ, WRITE, KEY, DDL }

    record Touch(String module, String file, String table, Use use) {
        @Override
        public String toString() {
            return module + " " + use.name().toLowerCase(Locale.ROOT) + "s " + table + " in " + file;
        }
    }

    @Test
    void modulesTouchOnlyTheirOwnTablesAndWhatOthersPublish() {
        Map<String, String> owners = owners();
        List<String> violations = new ArrayList<>();
        Set<String> frozenSeen = new TreeSet<>();
        for (Touch t : touches(owners)) {
            String owner = owners.get(t.table());
            if (owner.equals(t.module()) || allowed(owner, t)) {
                continue;
            }
            if (FROZEN_MIGRATIONS.containsKey(t.file())) {
                frozenSeen.add(t.file());
                continue;
            }
            violations.add(t + " (" + owner + "'s table)");
        }
        assertThat(violations).as("touches of another module's tables, not published by their owner").isEmpty();
        assertThat(frozenSeen).as("frozen migrations that still cross").isEqualTo(new TreeSet<>(FROZEN_MIGRATIONS.keySet()));
    }

    /**
     * A counted case (统计口径) is defined once, by casework's view {@code counted_case}: no SQL in the code repeats its
     * condition (refused and withdrawn matters left out), which the dashboard, the statistics, the case list and the task
     * forces each spelled out before.
     */
    @Test
    void theCountedCaseIsDefinedOnceByCasework() {
        Pattern counted = Pattern.compile("(?i)status\\s+NOT\\s+IN\\s*\\(\\s*'REFUSED'");
        List<String> repeated = new ArrayList<>();
        forEachFile(SOURCES, ".java", (module, file, text) -> {
            for (String literal : stringLiterals(text)) {
                if (counted.matcher(literal).find()) {
                    repeated.add(module + "/" + file);
                }
            }
        });
        assertThat(repeated).isEmpty();
        List<String> definitions = new ArrayList<>();
        forEachFile(MIGRATIONS, ".sql", (module, file, text) -> {
            if (Pattern.compile("(?i)create\\s+view\\s+counted_case\\b").matcher(text).find()) {
                definitions.add(module);
            }
        });
        assertThat(definitions).containsExactly("casework");
    }

    @Test
    void whatAModulePublishesIsItsOwn() {
        Map<String, String> owners = owners();
        List<String> wrong = new ArrayList<>();
        for (String module : modules()) {
            PublishedTables published = published(module);
            if (published == null) {
                continue;
            }
            Stream.of(published.read(), published.referenced(), published.seeded()).flatMap(Arrays::stream)
                    .filter(t -> !module.equals(owners.get(t))).forEach(t -> wrong.add(module + " publishes " + t
                            + ", created by " + owners.get(t)));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTestSeesACrossingWhenThereIsOne() {
        Map<String, String> owners = owners();
        List<Touch> found = new ArrayList<>();
        scan("reporting", "Example.java", "SELECT count(*) FROM case_file c JOIN counted_case k ON k.id = c.id", owners, found);
        scan("portal", "V1__x.sql", "UPDATE case_file SET channel = 'PORTAL'", owners, found);
        assertThat(found).extracting(Touch::table, Touch::use).containsExactly(
                org.assertj.core.groups.Tuple.tuple("case_file", Use.READ),
                org.assertj.core.groups.Tuple.tuple("counted_case", Use.READ),
                org.assertj.core.groups.Tuple.tuple("case_file", Use.WRITE));
        assertThat(allowed("casework", found.get(0))).isFalse();
        assertThat(allowed("casework", found.get(1))).isTrue();
        assertThat(allowed("casework", found.get(2))).isFalse();
    }

    private static boolean allowed(String owner, Touch t) {
        PublishedTables published = published(owner);
        if (published == null) {
            return false;
        }
        return switch (t.use()) {
            case READ -> List.of(published.read()).contains(t.table());
            case KEY -> List.of(published.referenced()).contains(t.table());
            case WRITE -> t.file().endsWith(".sql") && List.of(published.seeded()).contains(t.table());
            case DDL -> false;
        };
    }

    private static PublishedTables published(String module) {
        try {
            return Class.forName("org.wageguard." + module + ".package-info").getAnnotation(PublishedTables.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static List<String> modules() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Table or view → the module whose migrations create it (the first to create it, if two do). */
    static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        forEachFile(MIGRATIONS, ".sql", (module, file, text) -> {
            Matcher m = CREATES.matcher(withoutSqlComments(text));
            while (m.find()) {
                owners.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), module);
            }
        });
        assertThat(owners).as("tables found in the migrations").containsKeys("case_file", "employer", "region");
        return owners;
    }

    static List<Touch> touches(Map<String, String> owners) {
        List<Touch> found = new ArrayList<>();
        forEachFile(MIGRATIONS, ".sql", (module, file, text) -> scan(module, file, withoutSqlComments(text), owners, found));
        forEachFile(SOURCES, ".java", (module, file, text) -> {
            for (String literal : stringLiterals(text)) {
                scan(module, file, literal, owners, found);
            }
        });
        assertThat(found).as("SQL found in the code").hasSizeGreaterThan(500);
        return found;
    }

    private static void scan(String module, String file, String sql, Map<String, String> owners, List<Touch> found) {
        Matcher m = USES.matcher(sql);
        while (m.find()) {
            String table = m.group(5).toLowerCase(Locale.ROOT);
            if (!owners.containsKey(table)) {
                continue;
            }
            Use use = m.group(1) != null ? Use.WRITE : m.group(2) != null ? Use.READ : m.group(3) != null ? Use.KEY : Use.DDL;
            found.add(new Touch(module, file, table, use));
        }
    }

    interface FileVisitor {
        void visit(String module, String fileName, String text);
    }

    /** Files under {@code root}/&lt;module&gt;/…; a file directly under root belongs to the application ("root"). */
    private static void forEachFile(Path root, String suffix, FileVisitor visitor) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                Path relative = root.relativize(p);
                String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "root";
                visitor.visit(module, p.getFileName().toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ");
    }

    /** The contents of a Java file's string literals and text blocks (comments and char literals skipped). */
    static List<String> stringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (end > 0 && java.charAt(end - 1) == '\\') {
                    end = java.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                literals.add(java.substring(i + 3, end));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != c && java.charAt(j) != '\n') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(java.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
