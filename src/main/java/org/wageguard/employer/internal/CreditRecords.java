package org.wageguard.employer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.ArrearsRecorded;
import org.wageguard.shared.Versioned;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.CreditListingRefused;
import org.wageguard.employer.CreditRepair;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * An employer's arrears history and credit listings. Arrears are recorded by a labor inspector or by casework; a
 * listing and its early removal only at the end of the credit-list procedure of MOHRSS Decree 45 (monitoring's
 * {@code CreditProcedure}: prior notice, objection period, decision, publication), never typed in: the term follows
 * from the kind and the decision date (Art. 13), removal from the rule of Art. 14 ({@link CreditRepair}).
 */
@Service
@Transactional
public class CreditRecords {

    public record ArrearsRecord(long id, LocalDate confirmedOn, BigDecimal amount, Integer workers,
            String caseReference, String description, String recordedBy) {
    }

    public record CreditListing(long id, CreditListKind kind, LocalDate listedOn, LocalDate expiresOn,
            LocalDate removedOn, String grounds, String decisionNumber, String recordedBy, int version) {

        public boolean inForce(LocalDate day) {
            return !listedOn.isAfter(day) && (expiresOn == null || expiresOn.isAfter(day))
                    && (removedOn == null || removedOn.isAfter(day));
        }
    }

    public record NewArrears(LocalDate confirmedOn, BigDecimal amount, Integer workers, String caseReference,
            String description) {
    }

    /** A listing decided at the end of the procedure: decided on, the decision's number (列入决定书文号), grounds. */
    public record NewListing(CreditListKind kind, LocalDate decidedOn, String decisionNumber, String grounds) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    private final ApplicationEventPublisher events;

    CreditRecords(JdbcClient jdbc, OperationLog operationLog, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    @Transactional(readOnly = true)
    public List<ArrearsRecord> arrears(long employerId) {
        return jdbc.sql("""
                SELECT a.id, a.confirmed_on, a.amount, a.workers, a.case_reference, a.description,
                       o.display_name AS recorded_by
                  FROM employer_arrears_record a LEFT JOIN officer_directory o ON o.id = a.recorded_by
                 WHERE a.employer_id = :id ORDER BY a.confirmed_on DESC, a.id DESC
                """).param("id", employerId).query(Rows.of(ArrearsRecord.class)).list();
    }

    @Transactional(readOnly = true)
    public List<CreditListing> listings(long employerId) {
        return jdbc.sql("""
                SELECT l.id, l.kind, l.listed_on, l.expires_on, l.removed_on, l.grounds, l.decision_number,
                       o.display_name AS recorded_by, l.version
                  FROM employer_credit_listing l LEFT JOIN officer_directory o ON o.id = l.recorded_by
                 WHERE l.employer_id = :id ORDER BY l.listed_on DESC, l.id DESC
                """).param("id", employerId).query(Rows.of(CreditListing.class)).list();
    }

    public long recordArrears(long employerId, NewArrears a) {
        long id = jdbc.sql("""
                INSERT INTO employer_arrears_record (employer_id, confirmed_on, amount, workers, case_reference,
                    description, recorded_by, created_by, updated_by)
                VALUES (:employer, :confirmedOn, :amount, :workers, :caseRef, :description, :officer, :actor, :actor)
                RETURNING id
                """).param("employer", employerId).param("confirmedOn", a.confirmedOn()).param("amount", a.amount())
                .param("workers", a.workers()).param("caseRef", a.caseReference()).param("description", a.description())
                .param("officer", officerId()).param("actor", actor()).query(Long.class).single();
        operationLog.record("EMPLOYER_ARREARS_RECORD", "employer", employerId,
                "登记欠薪记录：" + a.confirmedOn() + " 欠薪 " + a.amount().toPlainString() + " 元");
        events.publishEvent(new ArrearsRecorded(employerId, a.confirmedOn()));
        return id;
    }

    public long recordListing(long employerId, NewListing l) {
        if (l.kind() == null || l.decidedOn() == null || l.decisionNumber() == null || l.decisionNumber().isBlank()) {
            throw CreditListingRefused.of("noDecision");
        }
        LocalDate expires = l.kind().expiresOn(l.decidedOn());
        long id = jdbc.sql("""
                INSERT INTO employer_credit_listing (employer_id, kind, listed_on, expires_on, grounds, decision_number,
                    recorded_by, created_by, updated_by)
                VALUES (:employer, :kind, :listedOn, :expiresOn, :grounds, :decision, :officer, :actor, :actor)
                RETURNING id
                """).param("employer", employerId).param("kind", l.kind().name()).param("listedOn", l.decidedOn())
                .param("expiresOn", expires).param("grounds", l.grounds()).param("decision", l.decisionNumber().strip())
                .param("officer", officerId()).param("actor", actor()).query(Long.class).single();
        operationLog.record("EMPLOYER_LISTING_RECORD", "employer", employerId,
                "列入" + (l.kind() == CreditListKind.BLACKLIST ? "失信联合惩戒名单" : "重点关注名单") + "：" + l.decidedOn()
                        + "（" + l.decisionNumber().strip() + "），期满 " + expires);
        return id;
    }

    /**
     * Early removal (Decree 45 Art. 14): paid up while listed, six months on the list since, and a written pledge;
     * refused otherwise. Guarded by the version the caller saw.
     */
    public void removeListing(long employerId, long listingId, int version, LocalDate removedOn, LocalDate paidUpOn,
            String pledge) {
        CreditListing listing = listings(employerId).stream().filter(l -> l.id() == listingId).findFirst()
                .orElseThrow(() -> new org.springframework.dao.EmptyResultDataAccessException("listing " + listingId, 1));
        if (!listing.inForce(removedOn)) {
            throw CreditListingRefused.of("notInForce");
        }
        LocalDate earliest = CreditRepair.earliestRemoval(listing.listedOn(), paidUpOn);
        if (earliest == null || paidUpOn.isBefore(listing.listedOn())) {
            throw CreditListingRefused.of("notPaidUpWhileListed", listing.listedOn());
        }
        if (removedOn.isBefore(earliest)) {
            throw CreditListingRefused.of("tooEarly", earliest);
        }
        if (pledge == null || pledge.isBlank()) {
            throw CreditListingRefused.of("pledgeRequired");
        }
        if (!Versioned.update(jdbc, "employer_credit_listing",
                "removed_on = :removedOn, paid_up_on = :paidUpOn, pledge = :pledge").param("removedOn", removedOn)
                .param("paidUpOn", paidUpOn).param("pledge", pledge.strip())
                .where("employer_id = :employer AND removed_on IS NULL").param("employer", employerId).by(actor())
                .row(listingId, version)) {
            // Removed in between (its version counted up): the caller is told so.
            Versioned.requireVersion(jdbc, "employer_credit_listing", listingId, version);
            throw new org.springframework.dao.EmptyResultDataAccessException("listing " + listingId, 1);
        }
        operationLog.record("EMPLOYER_LISTING_REMOVE", "employer", employerId,
                "提前移出信用名单：" + removedOn + "（" + paidUpOn + " 清偿，已作出信用承诺）");
    }

    private static Long officerId() {
        return CurrentOfficer.find().map(OfficerPrincipal::id).orElse(null);
    }

    private static String actor() {
        return CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
    }
}
