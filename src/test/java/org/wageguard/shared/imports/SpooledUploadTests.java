package org.wageguard.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Issue 19, "a 100 MB body to the API never grows the process by more than the stream buffers": the API receives a
 * body with {@link SpooledUpload} (into a temporary file, under the import's limit) and the import reads it back as a
 * stream. Measured without timing: the bytes the receiving thread allocates (HotSpot's per-thread allocation counter)
 * while it takes in a 100 MB body made up as it is read, and while it reads the body back, stay within a few stream
 * buffers — a copy of the body in memory would allocate 100 MB.
 */
class SpooledUploadTests {

    static final long BODY = 100L * 1024 * 1024;
    /** The stream buffers (64 KB for receiving, the file channel's) and the bookkeeping of a test run, generously. */
    static final long BUFFERS = 8L * 1024 * 1024;

    @Test
    void aBodyOf100MbIsReceivedIntoAFileAndReadBackAsAStreamWithinTheStreamBuffers() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Generated body = new Generated(BODY);
        long before = threads.getThreadAllocatedBytes(thread);
        try (SpooledUpload upload = SpooledUpload.receive(body, -1, 2 * BODY)) {
            long received = threads.getThreadAllocatedBytes(thread);
            assertThat(upload.size()).isEqualTo(BODY);
            assertThat(received - before).as("bytes allocated receiving a %d-byte body", BODY).isLessThan(BUFFERS);

            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            long checksum = 0;
            try (InputStream in = upload.open()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                    checksum += buffer[n - 1];
                }
            }
            long readBack = threads.getThreadAllocatedBytes(thread);
            assertThat(read).isEqualTo(BODY);
            assertThat(checksum).isNotZero();
            assertThat(readBack - received).as("bytes allocated reading the body back").isLessThan(BUFFERS);
        }
    }

    /** A CSV body of the given size made up as it is read, from one row, allocating nothing per read. */
    static final class Generated extends InputStream {
        static final byte[] ROW = "YJ-2021-004,T-0000000001,6228480010000000011,甲工人,,900.00,2025-12-10,SUCCESS,2025-11\n"
                .getBytes(StandardCharsets.UTF_8);
        final long size;
        long generated;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return generated < size ? ROW[(int) (generated++ % ROW.length)] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (generated >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - generated);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = ROW[(int) ((generated + i) % ROW.length)];
            }
            generated += n;
            return n;
        }
    }
}
