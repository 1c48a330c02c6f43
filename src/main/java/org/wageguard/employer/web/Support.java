package org.wageguard.employer.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.employer.internal.EmployerLedger;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;

/** What every employer page needs: the scoped look-up (404 outside scope), texts, downloads, the log, today. */
@Component
class Support {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EmployerLedger ledger;
    private final MessageSource messages;
    private final OperationLog operationLog;
    private final Clock clock;

    Support(EmployerLedger ledger, MessageSource messages, OperationLog operationLog, Clock clock) {
        this.ledger = ledger;
        this.messages = messages;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** The employer as the current officer may see it; outside their scope it does not exist. */
    EmployerLedger.EmployerView visible(long id) {
        return ledger.find(CurrentOfficer.get().scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** A validation or binding error in Chinese (a type mismatch included, which has no Bean Validation text). */
    String text(org.springframework.context.MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, Locale.SIMPLIFIED_CHINESE);
    }

    String yesNo(boolean value) {
        return text(value ? "common.yes" : "common.no");
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void log(String action, Object targetId, String detail) {
        operationLog.record(action, "employer", targetId, detail);
    }

    ResponseEntity<byte[]> download(byte[] xlsx, String filename) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }
}
