package org.wageguard.payroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wageguard.identity.internal.ApiTokens;
import org.wageguard.shared.imports.Limits;

/**
 * A body larger than the import's limit is refused with 413 and a Chinese message once the limit is crossed, and the
 * server stops reading there (issue 17): the body comes from a generator over a real socket, and the generator counts
 * what the server took — never the whole body, never a buffered copy of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DataApiBodyLimitTests {

    static final long LIMIT = Limits.DEFAULT.maxBytes();
    static final long BODY = 100L * 1024 * 1024;
    /** What may be in flight besides what the server read: socket buffers on both sides and the server's swallow. */
    static final long MARGIN = 12L * 1024 * 1024;

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    String token() {
        long bank = jdbc.sql("SELECT id FROM officer WHERE username = 'yinhang'").query(Long.class).single();
        return tokens.issue(bank, "大文件测试", "admin").token();
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWith413AndTheRestIsNeverRead() throws Exception {
        Sent sent = post(token(), false);
        assertThat(sent.response()).startsWith("HTTP/1.1 413").contains("文件过大").contains("20 MB");
        assertThat(sent.generated()).as("bytes the server took of a %d-byte body", BODY)
                .isGreaterThan(LIMIT).isLessThan(LIMIT + MARGIN);
    }

    @Test
    void aBodyAnnouncingMoreThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Sent sent = post(token(), true);
        assertThat(sent.response()).startsWith("HTTP/1.1 413").contains("文件过大");
        assertThat(sent.generated()).isLessThan(MARGIN);
    }

    record Sent(String response, long generated) {
    }

    /** Sends a 100 MB disbursements file, chunked or with its length announced, and reads the answer meanwhile. */
    Sent post(String token, boolean announceLength) throws Exception {
        Generator body = new Generator(BODY);
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/disbursements HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: text/csv\r\nConnection: close\r\n"
                    + (announceLength ? "Content-Length: " + BODY : "Transfer-Encoding: chunked") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        if (!announceLength) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(buffer, 0, n);
                        if (!announceLength) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (!announceLength) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed the connection: it reads no more.
                }
            });
            writer.start();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    response.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // A reset after the answer arrived.
            }
            socket.close();
            writer.join(60_000);
            return new Sent(response.toString(StandardCharsets.UTF_8), body.generated.get());
        }
    }

    /** A disbursements file of the given size made up as it is read, counting every byte handed out. */
    static final class Generator extends InputStream {
        static final byte[] HEADER = "项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n"
                .getBytes(StandardCharsets.UTF_8);
        final long size;
        final AtomicLong generated = new AtomicLong();
        long row;
        byte[] pending = HEADER;
        int at;

        Generator(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length && generated.get() < size) {
                if (at == pending.length) {
                    pending = ("YJ-2021-004,BIG-" + (row++) + ",6228480010000000011,甲工人,,900.00,2025-12-10,成功,2025-11\n")
                            .getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                int take = (int) Math.min(Math.min(length - n, pending.length - at), size - generated.get());
                System.arraycopy(pending, at, buffer, offset + n, take);
                at += take;
                n += take;
                generated.addAndGet(take);
            }
            return n == 0 ? -1 : n;
        }
    }
}
