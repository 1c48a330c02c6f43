package org.wageguard.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;

/**
 * The pack for the national inspectors (迎国检材料): the self-assessment table, the evidence with each figure's
 * definition (统计口径) and where its rows are, the gaps with their measures, and the list of the system's ledgers that
 * back them — as an Excel workbook (three sheets) and a Word document with the same content.
 */
@Service
public class AssessmentPacks {

    static final List<String> TABLE_HEADERS = List.of("序号", "考核项目", "考核内容", "评分标准", "分值", "自评得分", "扣分",
            "佐证数据", "佐证说明", "差距与问题", "整改措施", "责任单位");

    /** The system's ledgers assembled for the inspectors: name, where it is (with the year where it takes a period). */
    static List<String[]> ledgers(Assessments.Pack p) {
        String period = "from=" + p.from() + "&to=" + p.to();
        return List.of(new String[] {"领导小组组成与成员单位职责", "/leadership"},
                new String[] {"工作总结（含统计口径附录）", "/reports/summary.docx?" + period},
                new String[] {"欠薪案件台账", "/cases/ledger.xlsx?" + period},
                new String[] {"工作专班台账", "/taskforces.xlsx"},
                new String[] {"在建项目台账", "/projects.xlsx"},
                new String[] {"“一金三制”落实情况台账", "/compliance/export.xlsx"},
                new String[] {"专项检查行动台账", "/inspection/campaigns.xlsx"},
                new String[] {"现场检查记录台账", "/inspection/inspections.xlsx?" + period},
                new String[] {"整改通知台账", "/inspection/rectifications.xlsx"},
                new String[] {"会议与宣传培训台账", "/activities.xlsx?" + period},
                new String[] {"预警台账", "/monitoring/alerts.xlsx"},
                new String[] {"失信联合惩戒台账", "/monitoring/credit.xlsx"});
    }

    static String title(Assessments.Pack p) {
        return p.regionName() + p.assessment().year() + "年度保障农民工工资支付工作考核自评报告";
    }

    private static String evidence(Assessments.Pack p, Assessments.Indicator i) {
        Assessments.Evidence e = i.evidenceKey() == null ? null : p.evidence().get(i.evidenceKey());
        return e == null ? "" : e.label() + "：" + e.value();
    }

    private static List<Object> row(Assessments.Pack p, int n, Assessments.Indicator i) {
        List<Object> r = new ArrayList<>();
        r.add(n);
        r.add(i.category());
        r.add(i.content());
        r.add(nz(i.criteria()));
        r.add(i.points());
        r.add(i.selfScore() == null ? "未自评" : i.selfScore());
        r.add(i.lost());
        r.add(evidence(p, i));
        r.add(nz(i.evidenceNote()));
        r.add(nz(i.gap()));
        r.add(nz(i.measure()));
        r.add(nz(i.responsibleName()));
        return r;
    }

    public byte[] xlsx(Assessments.Pack p) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = book.createCellStyle();
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            var bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);

            Sheet table = book.createSheet("考核自评表");
            table.createRow(0).createCell(0).setCellValue(title(p));
            header(table.createRow(1), TABLE_HEADERS, head);
            int r = 2;
            int n = 1;
            for (Assessments.Indicator i : p.indicators()) {
                fill(table.createRow(r++), row(p, n++, i));
            }
            List<Object> total = new ArrayList<>(List.of("合计", "", "", "", p.points(), p.selfScore(), p.points().subtract(p.selfScore())));
            fill(table.createRow(r), total);

            Sheet evidence = book.createSheet("佐证数据");
            header(evidence.createRow(0), List.of("指标", "数值", "统计口径", "明细（系统链接）"), head);
            r = 1;
            for (Assessments.Evidence e : p.evidence().values()) {
                fill(evidence.createRow(r++), List.of(e.label(), e.value(), e.definition(), nz(e.link())));
            }

            Sheet gaps = book.createSheet("差距与整改");
            header(gaps.createRow(0), List.of("考核内容", "扣分", "差距与问题", "整改措施", "责任单位"), head);
            r = 1;
            for (Assessments.Indicator i : p.indicators()) {
                if (i.hasGap()) {
                    fill(gaps.createRow(r++), List.of(i.content(), i.lost(), nz(i.gap()), nz(i.measure()), nz(i.responsibleName())));
                }
            }

            Sheet ledgers = book.createSheet("迎检材料清单");
            header(ledgers.createRow(0), List.of("序号", "材料", "系统位置"), head);
            r = 1;
            for (String[] l : ledgers(p)) {
                fill(ledgers.createRow(r), List.of(r, l[0], l[1]));
                r++;
            }
            for (Sheet s : List.of(table, evidence, gaps, ledgers)) {
                for (int c = 0; c < 12; c++) {
                    s.setColumnWidth(c, 18 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Row row, List<String> names, CellStyle style) {
        for (int c = 0; c < names.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(style);
        }
    }

    private static void fill(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v instanceof BigDecimal b) {
                row.createCell(c).setCellValue(b.doubleValue());
            } else if (v instanceof Integer n) {
                row.createCell(c).setCellValue(n);
            } else {
                row.createCell(c).setCellValue(v == null ? "" : v.toString());
            }
        }
    }

    public byte[] docx(Assessments.Pack p) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, title(p), 22, true, ParagraphAlignment.CENTER);
            paragraph(doc, "考核依据：" + p.assessment().title() + "（" + p.assessment().issuedBy()
                    + (p.assessment().issuedNumber() == null ? "" : "，" + p.assessment().issuedNumber()) + "）", 14, false,
                    ParagraphAlignment.CENTER);
            paragraph(doc, "一、自评总体情况", 16, true, ParagraphAlignment.LEFT);
            paragraph(doc, "本年度考核共 " + p.indicators().size() + " 项指标，满分 " + plain(p.points()) + " 分，自评得分 "
                    + plain(p.selfScore()) + " 分；存在差距的指标 " + p.gaps() + " 项" + (p.unscored() == 0 ? "" : "，尚未自评 "
                    + p.unscored() + " 项") + "。各项佐证数据由系统依据台账记录实时统计，统计期间 " + p.from() + " 至 " + p.to() + "。",
                    16, false, ParagraphAlignment.LEFT);
            paragraph(doc, "二、逐项自评", 16, true, ParagraphAlignment.LEFT);
            XWPFTable table = doc.createTable(1, 7);
            List<String> heads = List.of("序号", "考核内容", "分值", "自评得分", "佐证数据", "佐证说明", "差距与问题");
            for (int c = 0; c < heads.size(); c++) {
                table.getRow(0).getCell(c).setText(heads.get(c));
            }
            int n = 1;
            for (Assessments.Indicator i : p.indicators()) {
                XWPFTableRow row = table.createRow();
                List<String> v = List.of(String.valueOf(n++), i.category() + "：" + i.content(), plain(i.points()),
                        i.selfScore() == null ? "未自评" : plain(i.selfScore()), evidence(p, i), nz(i.evidenceNote()), nz(i.gap()));
                for (int c = 0; c < v.size(); c++) {
                    row.getCell(c).setText(v.get(c));
                }
            }
            paragraph(doc, "三、存在的差距与整改措施", 16, true, ParagraphAlignment.LEFT);
            int g = 1;
            for (Assessments.Indicator i : p.indicators()) {
                if (i.hasGap()) {
                    paragraph(doc, (g++) + ". " + i.content() + "（扣 " + plain(i.lost()) + " 分）：" + nz(i.gap())
                            + (i.measure() == null ? "" : "整改措施：" + i.measure()) + (i.responsibleName() == null ? ""
                            : "（责任单位：" + i.responsibleName() + "）"), 16, false, ParagraphAlignment.LEFT);
                }
            }
            paragraph(doc, "四、迎检材料清单", 16, true, ParagraphAlignment.LEFT);
            int k = 1;
            for (String[] l : ledgers(p)) {
                paragraph(doc, (k++) + ". " + l[0] + "（系统：" + l[1] + "）", 14, false, ParagraphAlignment.LEFT);
            }
            paragraph(doc, "附：佐证数据及统计口径", 16, true, ParagraphAlignment.LEFT);
            for (Assessments.Evidence e : p.evidence().values()) {
                paragraph(doc, e.label() + "：" + e.value() + "。统计口径：" + e.definition(), 12, false, ParagraphAlignment.LEFT);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun run = p.createRun();
        run.setFontFamily(bold ? "黑体" : "仿宋");
        run.setFontSize(size);
        run.setBold(bold && size > 16);
        run.setText(text);
    }

    static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
