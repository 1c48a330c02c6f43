package org.wageguard.monitoring.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.wageguard.employer.CreditPublication;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Downloads;
import org.wageguard.shared.RegionCode;

/**
 * The published credit lists of the officer's region, in their publication term, as the file for the credit-sharing
 * platform (信用中国 / the provincial credit platform): CSV or XLSX, the columns of {@link CreditPublication}.
 */
@Controller
class CreditPublicationController {

    private final CreditPublication publication;
    private final MessageSource messages;
    private final Clock clock;

    CreditPublicationController(CreditPublication publication, MessageSource messages, Clock clock) {
        this.publication = publication;
        this.messages = messages;
        this.clock = clock;
    }

    private List<CreditPublication.Entry> entries() {
        return publication.inTerm(RegionCode.of(CurrentOfficer.get().regionCode()).subtreePrefix(), LocalDate.now(clock));
    }

    private String fileName() {
        return messages.getMessage("credit.publication.file", null, Locale.SIMPLIFIED_CHINESE) + "-" + LocalDate.now(clock);
    }

    @GetMapping("/monitoring/credit/published.csv")
    @PreAuthorize("hasAuthority('monitoring:credit:view')")
    ResponseEntity<byte[]> csv() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName() + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(publication.csv(entries()));
    }

    @GetMapping("/monitoring/credit/published.xlsx")
    @PreAuthorize("hasAuthority('monitoring:credit:view')")
    ResponseEntity<byte[]> xlsx() {
        return Downloads.xlsx(fileName(), publication.xlsx(entries()));
    }
}
