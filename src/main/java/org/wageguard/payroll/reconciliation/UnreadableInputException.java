package org.wageguard.payroll.reconciliation;

/**
 * The input cannot be reconciled at all: a file or required column is missing, quoting is broken, or a value
 * does not parse. The message is one Chinese sentence naming file, row, column, value and reason.
 */
public class UnreadableInputException extends RuntimeException {

    private final String file;
    private final long row;
    private final String column;
    private final String value;
    private final String reason;

    /**
     * @param row    the row as numbered in a spreadsheet (header = 1), or 0 when the file as a whole is at fault
     * @param column the column as shown to users, or null
     * @param value  the offending value, or null
     */
    public UnreadableInputException(String file, long row, String column, String value, String reason) {
        super(message(file, row, column, value, reason), null, false, false);
        this.file = file;
        this.row = row;
        this.column = column;
        this.value = value;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long row() {
        return row;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return reason;
    }

    private static String message(String file, long row, String column, String value, String reason) {
        StringBuilder m = new StringBuilder("无法读取 ").append(file);
        if (row > 0) {
            m.append(" 第 ").append(row).append(" 行");
        }
        if (column != null) {
            m.append("，列“").append(column).append("”");
        }
        if (value != null) {
            String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
            m.append("，值“").append(shown).append("”");
        }
        return m.append("：").append(reason).toString();
    }
}
