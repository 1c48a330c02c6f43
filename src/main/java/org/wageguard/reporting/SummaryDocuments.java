package org.wageguard.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.wageguard.shared.pdf.PdfDocumentWriter;

/**
 * The work summary as a Word document and as a PDF, with the seed's structure (一、组织领导 二、协调执法 三、难点
 * 四、下步工作): every figure filled from the records, the narrative left as marked text for the office to write,
 * and an appendix with each figure's definition. Both formats render the same blocks.
 */
@Service
public class SummaryDocuments {

    enum Style { TITLE, SUBTITLE, HEADING, TEXT, NARRATIVE, NOTE }

    record Block(Style style, String text) {
    }

    private final MessageSource messages;
    private final PdfDocumentWriter writer;

    SummaryDocuments(MessageSource messages, PdfDocumentWriter writer) {
        this.messages = messages;
        this.writer = writer;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    List<Block> blocks(WorkSummary.Figures f) {
        Map<String, WorkSummary.Figure> x = f.figures();
        List<Block> b = new ArrayList<>();
        b.add(new Block(Style.TITLE, text("summary.doc.title", String.valueOf(f.from().getYear()), f.regionName())));
        b.add(new Block(Style.SUBTITLE, text("summary.doc.period", f.from(), f.to())));
        b.add(new Block(Style.NARRATIVE, text("summary.doc.narrative.intro")));
        b.add(new Block(Style.HEADING, text("summary.doc.h1")));
        b.add(new Block(Style.TEXT, text("summary.doc.meetings", x.get("meetings").value())));
        for (WorkSummary.Meeting m : f.meetings()) {
            b.add(new Block(Style.TEXT, text("summary.doc.meeting", m.heldOn().getMonthValue(), m.heldOn().getDayOfMonth(),
                    m.title(), m.participants())));
        }
        b.add(new Block(Style.TEXT, text("summary.doc.taskForce", x.get("taskForce").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.inspections", x.get("inspections").value(), x.get("inspectionItems").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.keyEnterprises", x.get("keyEnterprises").value())));
        b.add(new Block(Style.NARRATIVE, text("summary.doc.narrative.h1")));
        b.add(new Block(Style.HEADING, text("summary.doc.h2")));
        b.add(new Block(Style.TEXT, text("summary.doc.training", x.get("trainings").value(), x.get("publicity").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.trained", x.get("trained").value(), x.get("ongoingPublicity").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.enforcement", String.join("、", f.arrested()), x.get("arrests").value(),
                x.get("court").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.cases", x.get("complaints").value(), x.get("cases").value(),
                x.get("recovered").value(), x.get("paidOut").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.clues", x.get("clues").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.consultations", x.get("consultations").value())));
        b.add(new Block(Style.NARRATIVE, text("summary.doc.narrative.h2")));
        b.add(new Block(Style.HEADING, text("summary.doc.h3")));
        b.add(new Block(Style.TEXT, text("summary.doc.realName", x.get("realName").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.sectors", x.get("sectors").value())));
        b.add(new Block(Style.TEXT, text("summary.doc.festivalForecast", x.get("festivalForecast").value())));
        b.add(new Block(Style.NARRATIVE, text("summary.doc.narrative.h3")));
        b.add(new Block(Style.HEADING, text("summary.doc.h4")));
        b.add(new Block(Style.NARRATIVE, text("summary.doc.narrative.h4")));
        b.add(new Block(Style.HEADING, text("summary.doc.appendix")));
        for (WorkSummary.Figure figure : x.values()) {
            b.add(new Block(Style.NOTE, figure.label() + "：" + figure.value() + "。" + text("summary.doc.definition") + figure.definition()
                    + "（" + f.from() + " 至 " + f.to() + "）"));
        }
        return b;
    }

    public byte[] docx(WorkSummary.Figures figures) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block block : blocks(figures)) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                run.setFontFamily("仿宋");
                run.setText(block.text());
                switch (block.style()) {
                    case TITLE -> { p.setAlignment(ParagraphAlignment.CENTER); run.setFontFamily("方正小标宋简体"); run.setFontSize(22); }
                    case SUBTITLE -> { p.setAlignment(ParagraphAlignment.CENTER); run.setFontSize(16); }
                    case HEADING -> { run.setFontFamily("黑体"); run.setFontSize(16); }
                    case TEXT -> { p.setFirstLineIndent(640); run.setFontSize(16); }
                    case NARRATIVE -> { p.setFirstLineIndent(640); run.setFontSize(16); run.setColor("1F4E79"); run.setItalic(true); }
                    case NOTE -> { run.setFontSize(12); }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(WorkSummary.Figures figures) {
        if (!writer.fontAvailable()) {
            throw new IllegalStateException(text("summary.fontMissing", writer.fontFile()));
        }
        return writer.write(PageSize.A4, 72, 72, 72, 72, (doc, cjk) -> {
            for (Block block : blocks(figures)) {
                Font font = switch (block.style()) {
                    case TITLE -> new Font(cjk, 20, Font.BOLD);
                    case SUBTITLE, HEADING -> new Font(cjk, 14, Font.BOLD);
                    case TEXT -> new Font(cjk, 12);
                    case NARRATIVE -> new Font(cjk, 12, Font.ITALIC, new java.awt.Color(0x1F, 0x4E, 0x79));
                    case NOTE -> new Font(cjk, 9);
                };
                Paragraph p = PdfDocumentWriter.paragraph(block.text(), font);
                p.setSpacingAfter(6);
                if (block.style() == Style.TITLE || block.style() == Style.SUBTITLE) {
                    p.setAlignment(Element.ALIGN_CENTER);
                } else if (block.style() == Style.TEXT || block.style() == Style.NARRATIVE) {
                    p.setFirstLineIndent(24);
                }
                doc.add(p);
            }
        });
    }
}
