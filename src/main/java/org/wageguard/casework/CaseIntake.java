package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.Rows;

/**
 * Registers new matters (登记). Other modules open cases through here too. A matter that looks like an open
 * case (same employer or project, overlapping period) is offered for linking, and a linked case is not
 * counted twice; a period ended more than two years ago is flagged (Labor Inspection Regulations Art. 20).
 */
@Service
public class CaseIntake {

    /** Group cases involve at least this many workers. */
    public static final int GROUP_CASE_WORKERS = 10;

    public record Similar(long id, String number, String employerName, String status, LocalDate registeredOn) {
    }

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final SensitiveData sensitive;
    private final OperationLog operationLog;
    private final Clock clock;
    private final CaseClocks clocks;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final DocumentNumbers numbers;

    private final org.wageguard.shared.SpringFestivalWindow festivalWindow;

    CaseIntake(JdbcClient jdbc, WorkingDays workingDays, SensitiveData sensitive, OperationLog operationLog, Clock clock,
            CaseClocks clocks, org.springframework.context.ApplicationEventPublisher events, DocumentNumbers numbers,
            org.wageguard.shared.SpringFestivalWindow festivalWindow) {
        this.festivalWindow = festivalWindow;
        this.numbers = numbers;
        this.clocks = clocks;
        this.events = events;
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /**
     * Open cases about the same employer or project whose period overlaps, wherever they are handled: for linking
     * an imported clue to the case it repeats, never shown to an officer (see the scoped overload).
     */
    @Transactional(readOnly = true)
    public List<Similar> similarOpen(Long employerId, Long projectId, LocalDate from, LocalDate to) {
        return similarOpen(null, employerId, projectId, from, to);
    }

    /** The same, only among the cases the officer's data scope covers: what intake shows and offers for linking. */
    @Transactional(readOnly = true)
    public List<Similar> similarOpen(DataScope scope, Long employerId, Long projectId, LocalDate from, LocalDate to) {
        if (employerId == null && projectId == null) {
            return List.of();
        }
        ScopePredicate predicate = scope == null ? new ScopePredicate("TRUE", java.util.Map.of())
                : scope.predicate(CaseQueries.COLUMNS);
        return jdbc.sql("""
                SELECT c.id, c.number, c.employer_name, c.status, c.registered_on FROM case_file c
                 WHERE c.status IN ('REGISTERED','ACCEPTED','COORDINATING','FILED','ORDERED','RESOLVED','PAYMENT_VERIFIED')
                   AND (c.employer_id = :e OR c.project_id = :p)
                   AND (CAST(:from AS DATE) IS NULL OR c.period_to IS NULL OR c.period_to >= CAST(:from AS DATE))
                   AND (CAST(:to AS DATE) IS NULL OR c.period_from IS NULL OR c.period_from <= CAST(:to AS DATE))
                """ + " AND " + predicate.sql() + " ORDER BY c.registered_on DESC").params(predicate.parameters()).param("e", employerId).param("p", projectId)
                .param("from", from == null ? null : Date.valueOf(from))
                .param("to", to == null ? null : Date.valueOf(to)).query(Rows.of(Similar.class)).list();
    }

    /**
     * Whether the violation ended more than two years before the matter was registered (《劳动保障监察条例》第二十条):
     * the two years count from the end of a continuing violation, and unpaid wages are a continuing violation until
     * they are paid. {@code violationEndedOn} is the day the arrears were paid; null while they are unpaid (never
     * beyond the limit, whenever the wage period ended).
     */
    public static boolean beyondTwoYears(LocalDate violationEndedOn, LocalDate registeredOn) {
        return violationEndedOn != null && violationEndedOn.plusYears(2).isBefore(registeredOn);
    }

    /**
     * Whether a matter registered on the day in the region falls in the Spring Festival window: the one setting of
     * early warning's rule 12, counted from the lunar new year (not a fixed month-day).
     */
    boolean springFestival(LocalDate day, String regionCode) {
        return festivalWindow.covers(day, regionCode);
    }

    /** A worker of the case with the ID number as typed (encrypted, blind-indexed, checked leniently). */
    void addClaimant(long caseId, Intake.Claimant c) {
        String idNumber = c.idNumber() == null || c.idNumber().isBlank() ? null : c.idNumber().trim().toUpperCase();
        boolean verified = idNumber != null && IdNumber.parseLenient(idNumber).verified();
        jdbc.sql("""
                INSERT INTO case_claimant (case_id, name, id_number, id_number_hash, id_verified, amount_claimed, amount_confirmed)
                VALUES (:c, :name, :id, :hash, :verified, :amount, :amount)
                """).param("c", caseId).param("name", c.name().trim()).param("id", sensitive.encrypt(idNumber))
                .param("hash", sensitive.index(idNumber)).param("verified", verified)
                .param("amount", c.amountClaimed()).update();
    }

    @Transactional
    public long register(Intake in) {
        LocalDate today = in.registeredOn() != null ? in.registeredOn() : LocalDate.now(clock);
        BigDecimal claimed = in.amountClaimed();
        int year = today.getYear();
        long seq = jdbc.sql("SELECT count(*) + 1 FROM case_file WHERE EXTRACT(YEAR FROM registered_on) = :y")
                .param("y", year).query(Long.class).single();
        // The region's own prefix (沅 for 沅江市; a region's setting, see DocumentNumbers), not a fixed county's.
        String number = String.format("%s欠〔%d〕%04d号", numbers.prefix(in.regionCode()), year, seq);
        Long department = in.projectId() == null ? null : jdbc.sql("SELECT department_id FROM published_project WHERE id = :p")
                .param("p", in.projectId()).query(Long.class).optional().orElse(null);
        if (department == null && in.employerId() != null) {
            department = jdbc.sql("SELECT supervising_department_id FROM published_employer WHERE id = :e")
                    .param("e", in.employerId()).query(Long.class).optional().orElse(null);
        }
        String actor = CurrentOfficer.find().map(o -> o.username()).orElse("system");
        CaseClocks.Clock channelClock = clocks.of(in.channel());
        long id = jdbc.sql("""
                INSERT INTO case_file (number, channel, kind, status, complainant_name, complainant_phone, anonymous,
                    employer_id, employer_name, project_id, industry_code, region_code, department_id, period_from,
                    period_to, amount_claimed, workers, group_case, spring_festival, description, linked_case_id,
                    registered_on, accept_due, first_contact_due, first_contacted_on, external_ref, task_force_id, created_by, updated_by)
                VALUES (:number, :channel, :kind, 'REGISTERED', :name, :phone, :anonymous, :employer, :employerName,
                    :project, :industry, :region, :department, :from, :to, :claimed, :workers, :group, :spring,
                    :description, :link, :today, :due, :contactDue, :contacted, :ref,
                    (SELECT t.id FROM task_force t WHERE :region LIKE t.region_code || '%'
                        AND :today BETWEEN t.period_from AND t.period_to ORDER BY t.period_from DESC LIMIT 1),
                    :actor, :actor)
                RETURNING id
                """)
                .param("number", number).param("channel", in.channel().name()).param("kind", in.kind().name())
                .param("name", in.anonymous() ? null : in.complainantName())
                .param("phone", in.anonymous() || in.complainantPhone() == null ? null
                        : sensitive.encrypt(in.complainantPhone().value()))
                .param("anonymous", in.anonymous()).param("employer", in.employerId())
                .param("employerName", in.employerName()).param("project", in.projectId())
                .param("industry", in.industryCode()).param("region", in.regionCode()).param("department", department)
                .param("from", in.periodFrom() == null ? null : Date.valueOf(in.periodFrom()))
                .param("to", in.periodTo() == null ? null : Date.valueOf(in.periodTo()))
                .param("claimed", claimed).param("workers", in.workers())
                .param("group", in.workers() >= GROUP_CASE_WORKERS).param("spring", springFestival(today, in.regionCode()))
                .param("description", in.description()).param("link", in.linkTo()).param("today", Date.valueOf(today))
                .param("due", Date.valueOf(workingDays.plus(today, channelClock.acceptDays())))
                .param("contactDue", in.anonymous() ? null : Date.valueOf(workingDays.plus(today, channelClock.firstContactDays())))
                .param("contacted", in.channel() == Channel.WALK_IN ? Date.valueOf(today) : null)
                .param("ref", in.externalRef())
                .param("actor", actor).query(Long.class).single();
        for (Intake.Claimant c : in.claimants()) {
            addClaimant(id, c);
        }
        // A complaint is about wages still unpaid: a continuing violation, within the two years of Art. 20 until paid.
        String note = "来源：" + CaseLabels.channel(in.channel()) + (in.linkTo() != null ? "；关联已有案件，不重复统计" : "");
        jdbc.sql("""
                INSERT INTO case_event (case_id, on_day, by_username, action, status_to, note)
                VALUES (:c, :day, :actor, 'REGISTER', 'REGISTERED', :note)
                """).param("c", id).param("day", Date.valueOf(today)).param("actor", actor).param("note", note).update();
        operationLog.record("CASE_REGISTER", "case", id, "登记案件 " + number + "，涉及 " + in.workers() + " 人");
        events.publishEvent(new CaseRegistered(id, in.employerId(), in.projectId(), in.regionCode()));
        return id;
    }
}
