package org.wageguard.shared.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that reports every byte read or skipped to {@link #count}, which may refuse to go on by throwing. */
abstract class CountingStream extends FilterInputStream {

    CountingStream(InputStream in) {
        super(in);
    }

    /** Called with the bytes just read or skipped. */
    abstract void count(long n);

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }
}
