package org.wageguard.shared.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A downloadable import template. The first sheet — the one an import reads — holds only the header row, each
 * header {@code 别名（name）} (which {@link TabularFile} accepts back), required columns shaded, and every cell
 * formatted as text so that Excel does not turn an 18-digit code into 4.30981E+17. The example rows and notes go
 * on a second sheet, where they cannot be imported by accident.
 */
public final class TemplateWorkbook {

    public static final String NOTES_SHEET = "填写说明";

    private TemplateWorkbook() {
    }

    public static byte[] create(String sheetName, List<Column> columns, List<List<String>> exampleRows,
            List<String> notes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle required = LedgerWorkbook.headerStyle(workbook, IndexedColors.LIGHT_ORANGE);
            CellStyle optional = LedgerWorkbook.headerStyle(workbook, IndexedColors.GREY_25_PERCENT);

            Sheet data = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            header(data, columns, required, optional);
            for (int i = 0; i < columns.size(); i++) {
                data.setDefaultColumnStyle(i, text);
            }
            data.createFreezePane(0, 1);
            LedgerWorkbook.widen(data, columns.size());

            Sheet help = workbook.createSheet(NOTES_SHEET);
            int r = 0;
            help.createRow(r++).createCell(0).setCellValue("橙色表头为必填列，灰色为选填列；列的顺序可以调整，表头须保留。"
                    + "请在第一个工作表中从第 2 行起填写，本页的示例不会被导入。");
            for (String note : notes) {
                help.createRow(r++).createCell(0).setCellValue(note);
            }
            r++;
            help.createRow(r++).createCell(0).setCellValue("示例：");
            header(help, columns, required, optional, r++);
            for (List<String> example : exampleRows) {
                var row = help.createRow(r++);
                for (int i = 0; i < example.size(); i++) {
                    var cell = row.createCell(i);
                    cell.setCellStyle(text);
                    LedgerWorkbook.set(cell, example.get(i));
                }
            }
            LedgerWorkbook.widen(help, columns.size());
            help.setColumnWidth(0, 60 * 256);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, List<Column> columns, CellStyle required, CellStyle optional) {
        header(sheet, columns, required, optional, 0);
    }

    private static void header(Sheet sheet, List<Column> columns, CellStyle required, CellStyle optional, int rowIndex) {
        var row = sheet.createRow(rowIndex);
        for (int i = 0; i < columns.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(columns.get(i).label());
            cell.setCellStyle(columns.get(i).required() ? required : optional);
        }
    }
}
