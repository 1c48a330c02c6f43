package org.wageguard.shared;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Chinese line breaking (避头尾, the rule of GB/T 15834-2011 标点符号用法 and of every typesetter): no line begins with a
 * closing mark (，。、；：？！）》」』 …) and none ends with an opening mark (（《「『 …). Every PDF paragraph of the
 * application is made here, so the rule holds in the case documents, the notices and the work summary alike.
 */
public final class ChineseLineBreaking implements SplitCharacter {

    /** Marks that may not begin a line (行首禁则). */
    public static final String NO_LINE_START = "，。、；：？！）》」』〕】〉”’…—·%‰.,;:?!)]}>";
    /** Marks that may not end a line (行尾禁则). */
    public static final String NO_LINE_END = "（《「『〔【〈“‘([{<";

    public static final ChineseLineBreaking RULE = new ChineseLineBreaking();

    private static final Reader READER = new Reader();

    private ChineseLineBreaking() {
    }

    /** A paragraph whose lines break by the rule. */
    public static Paragraph paragraph(String text, Font font) {
        Chunk chunk = new Chunk(text == null ? "" : text, font);
        chunk.setSplitCharacter(RULE);
        Paragraph p = new Paragraph(chunk);
        p.setFont(font);
        return p;
    }

    /** May the line break after the character at {@code current}? */
    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = READER.at(current, cc, ck);
        if (NO_LINE_END.indexOf(c) >= 0) {
            return false;
        }
        if (current + 1 < end && NO_LINE_START.indexOf(READER.at(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return NO_LINE_START.indexOf(c) >= 0 || DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck);
    }

    /** The Unicode character at a position, as the default rule reads it (a CJK font's chunk holds glyph codes). */
    private static final class Reader extends DefaultSplitCharacter {
        char at(int i, char[] cc, PdfChunk[] ck) {
            return getCurrentCharacter(i, cc, ck);
        }
    }
}
