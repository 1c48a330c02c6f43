package org.wageguard.payroll;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Rows;
import org.wageguard.shared.pdf.PdfDocumentWriter;

/**
 * Pay slips (工资清单) and signed pay sheets — Decree 724 Art. 15 (the employer gives each worker a pay slip with the
 * month's days, gross, deductions and net, and keeps the pay ledger) and Art. 30 (the pay sheet is signed by the
 * workers). Reads the current pay-sheet lines only; a line recorded as not signed ({@code signed = false}) makes the
 * sheet a finding. A line whose signature was not reported ({@code signed} empty) is not counted as unsigned.
 */
@Service
@Transactional(readOnly = true)
public class PaySlips {

    /** A project-month's pay sheet with lines the workers did not sign. */
    public record UnsignedSheet(long projectId, YearMonth month, int lines, int unsigned, List<PayrollLedger.Line> unsignedLines) {
    }

    private final JdbcClient jdbc;
    private final PayrollLedger ledger;
    private final PdfDocumentWriter writer;

    PaySlips(JdbcClient jdbc, PayrollLedger ledger, PdfDocumentWriter writer) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.writer = writer;
    }

    /** The pay sheets of a month (all projects, or one) with at least one line recorded as not signed. */
    public List<UnsignedSheet> unsignedSheets(YearMonth month, Long projectId) {
        record Count(long projectId, long lines, long unsigned) {
        }
        return jdbc.sql("""
                SELECT project_id, count(*) AS lines, count(*) FILTER (WHERE signed = FALSE) AS unsigned
                  FROM payroll_line WHERE month = :m AND current AND (CAST(:p AS BIGINT) IS NULL OR project_id = :p)
                 GROUP BY project_id HAVING count(*) FILTER (WHERE signed = FALSE) > 0 ORDER BY project_id
                """).param("m", Date.valueOf(month.atDay(1))).param("p", projectId).query(Rows.of(Count.class)).list()
                .stream().map(c -> new UnsignedSheet(c.projectId(), month, (int) c.lines(), (int) c.unsigned(),
                        ledger.lines(c.projectId(), month, false).stream().filter(l -> Boolean.FALSE.equals(l.signed())).toList()))
                .toList();
    }

    /** The month's pay slips of a project, one per current pay-sheet line (ID numbers masked). */
    public List<PayrollLedger.Line> slips(long projectId, YearMonth month) {
        return ledger.lines(projectId, month, false);
    }

    /** The months of a project that have a pay sheet, newest first. */
    public List<YearMonth> months(long projectId) {
        return jdbc.sql("SELECT DISTINCT month FROM payroll_line WHERE project_id = :p AND current ORDER BY month DESC")
                .param("p", projectId).query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    /** The month's pay slips as a PDF to print and hand out, one slip a block, the CJK font embedded. */
    public byte[] pdf(String projectName, String employerName, YearMonth month, List<PayrollLedger.Line> lines) {
        return writer.write(PageSize.A4, 48, 48, 40, 40, (document, cjk) -> {
            Font title = new Font(cjk, 14, Font.BOLD);
            Font text = new Font(cjk, 10);
            String period = month.getYear() + "年" + month.getMonthValue() + "月";
            for (PayrollLedger.Line l : lines) {
                Paragraph head = PdfDocumentWriter.paragraph("农民工工资清单（" + period + "）", title);
                head.setAlignment(Element.ALIGN_CENTER);
                document.add(head);
                document.add(PdfDocumentWriter.paragraph("用人单位：" + employerName + "    项目：" + projectName, text));
                PdfPTable table = new PdfPTable(new float[] {2, 3, 1.2f, 1.6f, 1.6f, 1.6f, 2, 1.2f});
                table.setWidthPercentage(100);
                table.setSpacingBefore(4);
                for (String h : List.of("姓名", "身份证号", "出勤天数", "应发工资", "代扣代缴", "实发工资", "发放日期", "本人签字")) {
                    table.addCell(PdfDocumentWriter.paragraph(h, text));
                }
                for (String v : List.of(l.name(), l.idNumber() == null ? "" : l.idNumber(), String.valueOf(l.daysWorked()),
                        money(l.gross()), money(l.deductions()), money(l.net()), l.payDate().toString(),
                        l.signed() == null ? "" : l.signed() ? "已签" : "未签")) {
                    table.addCell(PdfDocumentWriter.paragraph(v, text));
                }
                document.add(table);
                Paragraph note = PdfDocumentWriter.paragraph("依据《保障农民工工资支付条例》第十五条，用人单位向农民工提供工资清单。对工资有异议的，"
                        + "可向用人单位劳资专管员反映，或拨打 12333 咨询投诉。", new Font(cjk, 8));
                note.setSpacingAfter(18);
                document.add(note);
            }
            if (lines.isEmpty()) {
                document.add(PdfDocumentWriter.paragraph(period + "无工资表。", text));
            }
        });
    }

    static String money(BigDecimal amount) {
        return amount == null ? "0.00" : String.format("%,.2f", amount);
    }
}
