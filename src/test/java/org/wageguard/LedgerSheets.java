package org.wageguard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a downloaded ledger (台账) back with Apache POI: the first sheet's rows as text, the header first. */
public final class LedgerSheets {

    private LedgerSheets() {
    }

    /** A downloaded ledger's rows, once it is one: 200, an xlsx, an attachment named ….xlsx. */
    public static List<List<String>> downloaded(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(response.getHeader("Content-Disposition")).contains(".xlsx");
        return rows(response.getContentAsByteArray());
    }

    /** The list page links to its ledger (by the link's id and address) and shows each row's first cell. */
    public static void assertPageOffers(String page, String linkId, String link, List<List<String>> rows) {
        assertThat(page).contains("id=\"" + linkId + "\"").contains(link);
        assertThat(rows).allSatisfy(r -> assertThat(page).contains(r.get(0)));
    }

    /** Every cell as text: a number as its plain decimal without trailing zeros, an empty cell as "". */
    public static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros()
                                .toPlainString();
                        default -> cell.getStringCellValue();
                    });
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
