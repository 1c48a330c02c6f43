package org.wageguard.casework;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A PDF's text read back with pdftotext (poppler-utils); a copy of the PDF stays under target/documents to look at. */
final class PdfText {

    private PdfText() {
    }

    /** The text line by line as pdftotext lays it out, blank lines left out. */
    static List<String> lines(byte[] pdf) throws Exception {
        Files.createDirectories(Path.of("target", "documents"));
        Path in = Files.createTempFile(Path.of("target", "documents"), "case", ".pdf");
        Path out = Files.createTempFile("case", ".txt");
        Files.write(in, pdf);
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", in.toString(), out.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The whole text without any whitespace (lines joined). */
    static String text(byte[] pdf) throws Exception {
        return String.join("", lines(pdf)).replaceAll("\\s+", "");
    }
}
