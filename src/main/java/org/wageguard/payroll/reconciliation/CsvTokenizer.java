package org.wageguard.payroll.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV bytes into records of field ranges, in place, without a {@code String} per cell. Reads a
 * file region through a reusable buffer, so memory stays flat whatever the file's size; a record cut by the
 * buffer's end is read again after a refill, which is why quotes are unescaped only once a record is complete.
 */
final class CsvTokenizer {

    /** Thrown in place of reading a quote when the caller cannot trust a split of the file at line ends. */
    static final class QuoteSeen extends RuntimeException {
        QuoteSeen() {
            super(null, null, false, false);
        }
    }

    private static final int NEED_MORE = -1;
    private static final int BROKEN = -2;
    private static final byte[] SPECIAL = new byte[256];

    static {
        SPECIAL[','] = 1;
        SPECIAL['\n'] = 1;
        SPECIAL['\r'] = 1;
        SPECIAL['"'] = 1;
    }

    private final String file;
    private final FileChannel channel;
    private long readPosition;
    private final long readEnd;
    private final boolean failOnQuote;

    private byte[] buf;
    /** File offset of {@code buf[0]}. */
    private long bufferOffset;
    private int pos;
    private int limit;
    private boolean eof;

    int[] starts = new int[32];
    int[] ends = new int[32];
    private boolean[] escaped = new boolean[32];
    int fieldCount;
    /** Records returned so far, blank ones included. */
    long records;
    private int brokenField;

    /** Reads {@code [start, end)} of a file; a region starting at 0 skips a UTF-8 byte order mark. */
    CsvTokenizer(String file, FileChannel channel, long start, long end, boolean failOnQuote, byte[] buffer) {
        this.file = file;
        this.channel = channel;
        this.readPosition = start;
        this.readEnd = end;
        this.failOnQuote = failOnQuote;
        this.buf = buffer;
        this.bufferOffset = start;
        if (start == 0) {
            fill();
            skipByteOrderMark();
        }
    }

    /** Reads bytes held in memory. */
    CsvTokenizer(String file, byte[] content) {
        this.file = file;
        this.channel = null;
        this.readEnd = content.length;
        this.readPosition = content.length;
        this.failOnQuote = false;
        this.buf = content;
        this.limit = content.length;
        this.eof = true;
        skipByteOrderMark();
    }

    private void skipByteOrderMark() {
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    String file() {
        return file;
    }

    byte[] buffer() {
        return buf;
    }

    /** The file offset just after the last record returned. */
    long offset() {
        return bufferOffset + pos;
    }

    /**
     * Reads the next record into {@link #starts}, {@link #ends} and {@link #fieldCount}.
     *
     * @return false at the end of the input
     * @throws UnreadableInputException on broken quoting
     */
    boolean next() {
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return false;
                }
                fill();
                continue;
            }
            int r = tokenize(pos);
            if (r >= 0) {
                pos = r;
                records++;
                unescape();
                return true;
            }
            if (r == NEED_MORE) {
                fill();
            } else {
                throw broken(records + 1);
            }
        }
    }

    /** The record as strings, for the header row. */
    List<String> strings() {
        List<String> cells = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            cells.add(new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8));
        }
        return cells;
    }

    /** The 1-based number of the field broken quoting was found in, for the message. */
    int brokenField() {
        return brokenField + 1;
    }

    UnreadableInputException broken(long row) {
        return new UnreadableInputException(file, row, "第 " + brokenField() + " 个字段", null,
                "引号不配对（按 RFC 4180，字段内的引号须整体加引号并写成两个引号 \"\"）");
    }

    private int tokenize(int p) {
        final byte[] b = buf;
        final int lim = limit;
        int n = 0;
        while (true) {
            if (n == starts.length) {
                growFields();
            }
            int s = p;
            byte c = 0;
            while (p < lim && SPECIAL[(c = b[p]) & 0xFF] == 0) {
                p++;
            }
            if (p >= lim) {
                if (!eof) {
                    return NEED_MORE;
                }
                starts[n] = s;
                ends[n] = p;
                escaped[n] = false;
                fieldCount = n + 1;
                return p;
            }
            if (c == '"') {
                if (failOnQuote) {
                    throw new QuoteSeen();
                }
                // Blanks before an opening quote are tolerated; any other text before a quote is broken quoting.
                for (int i = s; i < p; i++) {
                    if (b[i] != ' ' && b[i] != '\t') {
                        brokenField = n;
                        return BROKEN;
                    }
                }
                int q = p + 1;
                boolean esc = false;
                while (true) {
                    while (q < lim && b[q] != '"') {
                        q++;
                    }
                    if (q + 1 >= lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        if (q >= lim) {
                            brokenField = n;
                            return BROKEN;
                        }
                        break;
                    }
                    if (b[q + 1] != '"') {
                        break;
                    }
                    esc = true;
                    q += 2;
                }
                starts[n] = p + 1;
                ends[n] = q;
                escaped[n] = esc;
                p = q + 1;
                while (p < lim && (b[p] == ' ' || b[p] == '\t')) {
                    p++;
                }
                if (p >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    fieldCount = n + 1;
                    return p;
                }
                c = b[p];
                if (c != ',' && c != '\n' && c != '\r') {
                    brokenField = n;
                    return BROKEN;
                }
            } else {
                starts[n] = s;
                ends[n] = p;
                escaped[n] = false;
            }
            n++;
            if (c == ',') {
                p++;
                continue;
            }
            if (c == '\r') {
                if (p + 1 < lim) {
                    if (b[p + 1] == '\n') {
                        p++;
                    }
                } else if (!eof) {
                    return NEED_MORE;
                }
            }
            fieldCount = n;
            return p + 1;
        }
    }

    private void unescape() {
        for (int f = 0; f < fieldCount; f++) {
            if (escaped[f]) {
                int w = starts[f];
                for (int r = starts[f]; r < ends[f]; r++) {
                    buf[w++] = buf[r];
                    if (buf[r] == '"') {
                        r++;
                    }
                }
                ends[f] = w;
            }
        }
    }

    private void growFields() {
        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
        escaped = java.util.Arrays.copyOf(escaped, escaped.length * 2);
    }

    /** Keeps the unread tail, growing the buffer when one record fills it, and reads on. */
    private void fill() {
        if (channel == null) {
            eof = true;
            return;
        }
        int keep = limit - pos;
        if (pos == 0 && limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        } else if (keep > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        }
        bufferOffset += pos;
        pos = 0;
        limit = keep;
        try {
            while (limit < buf.length && readPosition < readEnd) {
                int want = (int) Math.min(buf.length - limit, readEnd - readPosition);
                int got = channel.read(ByteBuffer.wrap(buf, limit, want), readPosition);
                if (got < 0) {
                    break;
                }
                readPosition += got;
                limit += got;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        eof = readPosition >= readEnd;
    }
}
