package org.wageguard.shared.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A one-sheet xlsx of a header row and data rows: the 台账 every module exports and the problem report of every
 * import. Written streaming, so a ledger of a whole province does not sit in memory; the header is row 1, so the
 * file reads back through {@link TabularFile}.
 */
public final class LedgerWorkbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LedgerWorkbook() {
    }

    /**
     * @param rows each value a {@link String}, a {@link Number} (a numeric cell), a date or time (ISO text),
     *             or {@code null} (an empty cell)
     */
    public static byte[] toXlsx(String sheetName, List<String> headers, List<? extends List<?>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            ((SXSSFSheet) sheet).trackAllColumnsForAutoSizing();
            CellStyle head = headerStyle(workbook, IndexedColors.GREY_25_PERCENT);
            var header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(head);
            }
            int r = 1;
            for (List<?> values : rows) {
                var row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    set(row.createCell(i), values.get(i));
                }
            }
            sheet.createFreezePane(0, 1);
            widen(sheet, headers.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A moment as a ledger writes it, to the second ("2026-11-29 08:30:00"); {@code null} for none. */
    public static String time(LocalDateTime at) {
        return at == null ? null : TIME.format(at);
    }

    static void set(Cell cell, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof TemporalAccessor) {
            cell.setCellValue(value.toString());
        } else {
            // Text stays text: a value beginning with "=" is never a formula in a string cell.
            cell.setCellValue(String.valueOf(value));
        }
    }

    static CellStyle headerStyle(Workbook workbook, IndexedColors fill) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(fill.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    /** Column widths that fit Chinese text (autosize undercounts CJK glyphs), within sensible bounds. */
    static void widen(Sheet sheet, int columns) {
        for (int i = 0; i < columns; i++) {
            try {
                sheet.autoSizeColumn(i);
            } catch (RuntimeException e) {
                // Font metrics unavailable (headless without fonts): fall back to a fixed width.
            }
            int width = Math.max(sheet.getColumnWidth(i) * 3 / 2, 10 * 256);
            sheet.setColumnWidth(i, Math.min(width, 60 * 256));
        }
    }
}
