package org.wageguard.shared.imports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Cell values as the user sees them, except where that would not survive an import: a date cell reads as
 * {@code YYYY-MM-DD} whatever its display format (a Chinese Excel shows 2021年3月5日), and a number in the General
 * format reads exactly, to Excel's 15 significant digits, without float noise or scientific notation.
 */
final class ImportDataFormatter extends DataFormatter {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    ImportDataFormatter() {
        super(Locale.US);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
            if (value < 1) {
                return t.toLocalTime().toString();
            }
            if (t.toLocalTime().toSecondOfDay() == 0) {
                return t.toLocalDate().toString();
            }
            return (t.getSecond() == 0 ? MINUTES : SECONDS).format(t);
        }
        if (formatIndex == 0 || formatString == null || "General".equalsIgnoreCase(formatString)) {
            return plain(value);
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }

    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value, new MathContext(15)).stripTrailingZeros().toPlainString();
    }
}
