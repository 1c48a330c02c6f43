package org.wageguard.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wageguard.shared.ChineseLineBreaking;

/**
 * The one PDF writer of the application: loads the CJK font (embedded, so a PDF prints the same on any machine; the
 * server needs the font file, Debian: fonts-wqy-zenhei), opens an A4 (or other) page with the given margins, lets the
 * caller lay out its content and returns the bytes. Every paragraph made through {@link #paragraph} breaks its lines
 * by {@link ChineseLineBreaking} (避头尾), so the case documents, notices and pay slips keep the same rule.
 */
@Component
public class PdfDocumentWriter {

    /** The content of one PDF, laid out on the open document with the CJK font. */
    @FunctionalInterface
    public interface Content {
        void write(Document document, BaseFont cjk) throws DocumentException;
    }

    private final String fontFile;

    PdfDocumentWriter(@Value("${wageguard.documents.cjk-font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") String fontFile) {
        this.fontFile = fontFile;
    }

    /** The configured font file ({@code wageguard.documents.cjk-font}). */
    public String fontFile() {
        return fontFile;
    }

    /** Whether the font file is there to be read (a TrueType collection's ",n" index left out). */
    public boolean fontAvailable() {
        return Files.isReadable(Path.of(fontFile.replaceAll(",\\d+$", "")));
    }

    /**
     * A PDF of the given page size and margins, its content laid out by {@code content}.
     *
     * @throws IllegalStateException when the font file is missing or the PDF cannot be made
     */
    public byte[] write(Rectangle pageSize, float marginLeft, float marginRight, float marginTop, float marginBottom,
            Content content) {
        if (!fontAvailable()) {
            throw new IllegalStateException("CJK font missing: " + fontFile);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont cjk = BaseFont.createFont(fontFile.endsWith(".ttc") ? fontFile + ",0" : fontFile, BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED);
            Document document = new Document(pageSize, marginLeft, marginRight, marginTop, marginBottom);
            PdfWriter.getInstance(document, out);
            document.open();
            content.write(document, cjk);
            document.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("PDF generation failed", e);
        }
    }

    /** A paragraph whose lines break by the Chinese rule (避头尾). */
    public static Paragraph paragraph(String text, Font font) {
        return ChineseLineBreaking.paragraph(text, font);
    }
}
