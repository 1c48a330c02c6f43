package org.wageguard.project;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.pdf.PdfDocumentWriter;

/**
 * The rights notice of a project (维权信息告示牌, 《保障农民工工资支付条例》第三十四条) as the public notice page shows it
 * and as a printable A3 board with the QR code of that page (ZXing). The facts come from the project (parties, wage
 * officer), its special account's bank (the current binding, else the recorded special-account item), the notice-board
 * compliance item as recorded for the site (pay day, minimum wage, hotline, arbitration and legal-aid channels) and,
 * where the item leaves one open, the region's settings {@code wageguard.notice.*}; the QR code's address is
 * {@code wageguard.portal.public-base-url} + {@code /portal/notice?code=}the project's code.
 */
@Service
@Transactional(readOnly = true)
public class RightsNotices {

    private final SpecialAccounts specialAccounts;
    private final ComplianceItems compliance;
    private final SensitiveData sensitive;
    private final JdbcClient jdbc;
    private final PdfDocumentWriter writer;
    private final MessageSource messages;
    private final Settings settings;

    /** The region's channels where a site's board item does not name its own, and the portal's public address. */
    record Settings(String publicBaseUrl, String localHotline, String inspectionBureau, String inspectionAddress,
            String arbitration, String legalAid) {
    }

    RightsNotices(SpecialAccounts specialAccounts, ComplianceItems compliance, SensitiveData sensitive, JdbcClient jdbc,
            PdfDocumentWriter writer, MessageSource messages,
            @Value("${wageguard.portal.public-base-url:}") String publicBaseUrl,
            @Value("${wageguard.notice.local-hotline:}") String localHotline,
            @Value("${wageguard.notice.inspection-bureau:}") String inspectionBureau,
            @Value("${wageguard.notice.inspection-address:}") String inspectionAddress,
            @Value("${wageguard.notice.arbitration:}") String arbitration,
            @Value("${wageguard.notice.legal-aid:}") String legalAid) {
        this.specialAccounts = specialAccounts;
        this.compliance = compliance;
        this.sensitive = sensitive;
        this.jdbc = jdbc;
        this.writer = writer;
        this.messages = messages;
        this.settings = new Settings(blankToNull(publicBaseUrl), blankToNull(localHotline),
                blankToNull(inspectionBureau), blankToNull(inspectionAddress), blankToNull(arbitration),
                blankToNull(legalAid));
    }

    /**
     * The absolute address of a project's public notice page: what its board's QR code opens. It starts with
     * {@code wageguard.portal.public-base-url}; where that is not set, with {@code requestBase} (the scheme, host and
     * context path the request came in through).
     */
    public String noticeUrl(ProjectSummary project, String requestBase) {
        String base = settings.publicBaseUrl() != null ? settings.publicBaseUrl() : requestBase;
        return base.replaceAll("/+$", "") + "/portal/notice?code=" + URLEncoder.encode(project.code(), StandardCharsets.UTF_8);
    }

    /** The notice as the public page shows it: everything but the wage officer's phone. */
    public RightsNotice notice(ProjectSummary project, String requestBase) {
        ComplianceFacts board = compliance.item(project.id(), ComplianceKind.NOTICE_BOARD).map(ComplianceItems.Item::facts)
                .orElse(ComplianceFacts.none());
        String bank = specialAccounts.current(project.id()).map(SpecialAccounts.Binding::bankName)
                .or(() -> compliance.item(project.id(), ComplianceKind.SPECIAL_ACCOUNT)
                        .map(i -> blankToNull(i.facts().bankName())))
                .orElse(null);
        String boardHotline = blankToNull(board.boardHotline());
        String local = boardHotline != null && !boardHotline.equals(RightsNotice.NATIONAL_HOTLINE) ? boardHotline
                : settings.localHotline();
        return new RightsNotice(project, noticeUrl(project, requestBase), project.wageOfficerName(), null, bank,
                blankToNull(board.boardPayDay()), blankToNull(board.boardMinimumWage()), RightsNotice.NATIONAL_HOTLINE,
                local, settings.inspectionBureau(), settings.inspectionAddress(),
                firstOf(board.boardArbitration(), settings.arbitration()), firstOf(board.boardLegalAid(), settings.legalAid()));
    }

    /**
     * The board to print and put up at the site's entrance: A3 portrait, the CJK font embedded, the QR code of the
     * project's notice page. It carries the wage officer's phone in full (Art. 34 requires the wage officer's
     * particulars on the board), which is therefore read through {@link SensitiveData#reveal} and logged.
     */
    @Transactional
    public byte[] boardPdf(ProjectSummary project, String requestBase) {
        RightsNotice n = notice(project, requestBase);
        String cipher = jdbc.sql("SELECT wage_officer_phone FROM project WHERE id = :id").param("id", project.id())
                .query(String.class).optional().orElse(null);
        String phone = cipher == null ? null
                : sensitive.reveal(cipher, "project", project.id(), text("board.wageOfficerPhone"));
        return writer.write(PageSize.A3, 56, 56, 48, 40, (document, cjk) -> {
            Color red = new Color(0xB0, 0x1E, 0x23);
            Font title = new Font(cjk, 58, Font.BOLD, red);
            Font name = new Font(cjk, 28, Font.BOLD);
            Font head = new Font(cjk, 21, Font.BOLD, red);
            Font label = new Font(cjk, 17, Font.BOLD);
            Font value = new Font(cjk, 17);
            Font banner = new Font(cjk, 30, Font.BOLD, red);
            Font small = new Font(cjk, 11);
            document.add(centred(text("board.title"), title, 8));
            document.add(centred(project.name(), name, 2));
            document.add(centred(text("board.code") + "：" + project.code(), value, 10));

            document.add(heading(text("board.parties"), head));
            document.add(rows(List.of(
                    row("board.owner", project.ownerName()), row("board.contractor", project.generalContractorName()),
                    row("board.address", project.address()), row("board.department", project.departmentName()),
                    row("board.wageOfficer", join(n.wageOfficerName(), phone)), row("board.bank", n.bankName()),
                    row("board.payDay", n.payDay()), row("board.minimumWage", n.minimumWage())), label, value));

            document.add(heading(text("board.channels"), head));
            document.add(rows(List.of(
                    row("board.hotline", n.hotline() + " " + text("board.hotlineName")),
                    row("board.localHotline", n.localHotline()),
                    row("board.inspection", n.inspectionBureau()), row("board.inspectionAddress", n.inspectionAddress()),
                    row("board.arbitration", n.arbitration()), row("board.legalAid", n.legalAid())), label, value));

            PdfPTable bottom = new PdfPTable(new float[] {3f, 2f});
            bottom.setWidthPercentage(100);
            bottom.setSpacingBefore(16);
            PdfPCell left = new PdfPCell();
            left.setBorder(Rectangle.NO_BORDER);
            left.setVerticalAlignment(Element.ALIGN_MIDDLE);
            left.addElement(PdfDocumentWriter.paragraph(text("board.banner", n.hotline()), banner));
            Paragraph rules = PdfDocumentWriter.paragraph(text("board.rules"), value);
            rules.setSpacingBefore(10);
            left.addElement(rules);
            bottom.addCell(left);
            PdfPCell qr = new PdfPCell();
            qr.setBorder(Rectangle.NO_BORDER);
            qr.addElement(qrImage(n.noticeUrl(), 230));
            qr.addElement(centred(text("board.scan"), value, 0));
            bottom.addCell(qr);
            document.add(bottom);

            Paragraph basis = PdfDocumentWriter.paragraph(text("board.basis", RightsNotice.BASIS) + "  " + n.noticeUrl(), small);
            basis.setSpacingBefore(10);
            document.add(basis);
        });
    }

    private static Paragraph centred(String text, Font font, float spacingAfter) {
        Paragraph p = PdfDocumentWriter.paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    private static Paragraph heading(String text, Font font) {
        Paragraph p = PdfDocumentWriter.paragraph(text, font);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        return p;
    }

    private record Row(String labelKey, String value) {
    }

    private static Row row(String key, String value) {
        return new Row(key, value);
    }

    private PdfPTable rows(List<Row> rows, Font label, Font value) {
        PdfPTable table = new PdfPTable(new float[] {1.75f, 3.25f});
        table.setWidthPercentage(100);
        for (Row r : rows) {
            if (r.value() == null || r.value().isBlank()) {
                continue;
            }
            PdfPCell l = new PdfPCell(PdfDocumentWriter.paragraph(text(r.labelKey()), label));
            PdfPCell v = new PdfPCell(PdfDocumentWriter.paragraph(r.value(), value));
            for (PdfPCell c : List.of(l, v)) {
                c.setPadding(6);
                c.setBorderColor(new Color(0x99, 0x99, 0x99));
                table.addCell(c);
            }
        }
        return table;
    }

    /**
     * The QR code of {@code content} as a black-and-white image of {@code size} points: drawn at 8 pixels a module,
     * so that it stays sharp however a viewer or printer scales it.
     */
    private static Image qrImage(String content, float size) {
        BitMatrix matrix = qrMatrix(content);
        int scale = 8;
        BufferedImage bitmap = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = bitmap.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, bitmap.getWidth(), bitmap.getHeight());
        g.setColor(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    g.fillRect(x * scale, y * scale, scale, scale);
                }
            }
        }
        g.dispose();
        try {
            Image image = Image.getInstance(bitmap, null, true);
            image.scaleAbsolute(size, size);
            image.setAlignment(Element.ALIGN_CENTER);
            return image;
        } catch (java.io.IOException | BadElementException e) {
            throw new IllegalStateException("QR image", e);
        }
    }

    /** The QR code of {@code content}: error correction M (15 %), a quiet zone of two modules. */
    static BitMatrix qrMatrix(String content) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.MARGIN, 2);
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of " + content, e);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String join(String a, String b) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {a, b}) {
            if (s != null && !s.isBlank()) {
                parts.add(s.strip());
            }
        }
        return parts.isEmpty() ? null : String.join("  ", parts);
    }

    private static String firstOf(String a, String b) {
        return blankToNull(a) != null ? a.strip() : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
