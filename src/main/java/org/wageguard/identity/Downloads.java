package org.wageguard.identity;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file handed to the browser as a download with its Chinese name: every ledger (台账) and template of every module
 * goes out through here. (In identity because it is the one module every web module depends on; {@code shared} holds
 * value types only.)
 */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    /** An xlsx download; {@code fileName} with or without its ".xlsx". */
    public static ResponseEntity<byte[]> xlsx(String fileName, byte[] body) {
        String name = fileName.endsWith(".xlsx") ? fileName : fileName + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
