package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README and docs/ stand alone in a clone: every relative link leads to a file or folder of the repository (none
 * to ../shared or another place outside it), and the README opens with the Chinese quick start.
 */
class DocumentationLinksTests {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("").toAbsolutePath();

    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<String> brokenLinks(Path document) throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(Files.readString(document));
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                continue;
            }
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            Path resolved = document.getParent().resolve(file).normalize();
            if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                broken.add(ROOT.relativize(document) + " → " + target);
            }
        }
        return broken;
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsLeadsToAFileOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            broken.addAll(brokenLinks(document));
        }
        assertThat(documents()).hasSizeGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void aLinkOutsideTheRepositoryIsFound() throws IOException {
        Path doc = Files.createTempFile(ROOT.resolve("target"), "links", ".md");
        try {
            Files.writeString(doc, "[formats](../../shared/FORMATS.md) [ok](../README.md) [web](https://example.org)");
            assertThat(brokenLinks(doc)).singleElement().asString().contains("../../shared/FORMATS.md");
        } finally {
            Files.delete(doc);
        }
    }

    @Test
    void theReadmeOpensWithTheChineseQuickStartAndNamesNothingOutsideTheClone() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> firstScreen = readme.lines().limit(12).toList();
        assertThat(firstScreen).contains("## 快速开始");
        assertThat(readme).contains("./mvnw spring-boot:run").contains("./mvnw verify").contains("http://localhost:8080")
                .contains("Demo@2021").doesNotContain("../shared").doesNotContain("shared/seed");
        for (Path document : documents()) {
            if (!document.getFileName().toString().equals("README.md")) {
                assertThat(readme).as("the README links " + document.getFileName())
                        .contains("](docs/" + document.getFileName() + ")");
            }
        }
    }
}
