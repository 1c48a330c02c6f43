package org.wageguard.payroll.reconciliation;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes findings as {@code findings.csv} (FORMATS.md): the fixed header, RFC 4180 quoting where needed. */
public final class FindingsCsv implements Closeable {

    public static final String HEADER = "rule,severity,project_code,worker_id_number,month,detail";

    private final Writer out;

    public FindingsCsv(Writer out) {
        this.out = out;
        line(HEADER);
    }

    public void write(Finding f) {
        StringBuilder row = new StringBuilder(160);
        row.append(f.rule().name()).append(',').append(f.severity().code()).append(',');
        quoted(row, f.projectCode()).append(',');
        quoted(row, f.workerIdNumber() == null ? "" : f.workerIdNumber()).append(',');
        row.append(f.month() == null ? "" : f.month().toString()).append(',');
        quoted(row, f.detail());
        line(row);
    }

    private void line(CharSequence text) {
        try {
            out.append(text).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StringBuilder quoted(StringBuilder row, String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!needs) {
            return row.append(value);
        }
        return row.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
