package org.wageguard.identity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit administrator reads the operation log in Chinese: every action the code writes under a literal name (or a
 * named {@code ACTION} constant) has its label {@code audit.action.<NAME>} in the identity bundle. Actions made up of
 * a prefix and a step ({@code CASE_} + the case step, {@code DEPOSIT_} + the movement) are labelled by their own
 * bundles and not checked here.
 */
class AuditActionLabelsTests {

    private static final Pattern RECORDED = Pattern.compile("\\.record(?:Outcome)?\\(\\s*\"([A-Z][A-Z0-9_]*[A-Z0-9])\"");
    private static final Pattern CONSTANT = Pattern.compile("static final String \\w*ACTION\\w* = \"([A-Z][A-Z0-9_]*)\"");

    @Test
    void everyActionWrittenToTheOperationLogHasAChineseLabel() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                for (Pattern p : new Pattern[] {RECORDED, CONSTANT}) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        actions.add(m.group(1));
                    }
                }
            }
        }
        Properties labels = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages/identity_zh_CN.properties")),
                StandardCharsets.UTF_8)) {
            labels.load(in);
        }
        assertThat(actions).hasSizeGreaterThan(100);
        assertThat(actions.stream().filter(a -> labels.getProperty("audit.action." + a) == null).toList())
                .as("actions without audit.action.<NAME> in identity_zh_CN.properties").isEmpty();
    }
}
