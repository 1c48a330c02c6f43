package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.Listing;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Masking;
import org.wageguard.shared.SummaryCache;
import org.wageguard.shared.Rows;

/** Reading cases within a data scope: the list with its filters, a case with its timeline, my work. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    static final ScopeColumns COLUMNS = ScopeColumns.of("c.region_code", "c.department_id", null, null, null);

    /** Cases as the one scope gate ({@link org.wageguard.identity.ScopedRecords}) resolves them. */
    static final org.wageguard.identity.ScopedRecords.Table CASES =
            new org.wageguard.identity.ScopedRecords.Table("case", "case_file c", "c.id", COLUMNS);

    public record CaseRow(long id, String number, String channel, String kind, String status, String employerName,
            String projectName, String departmentName, String industryCode, BigDecimal amountClaimed,
            BigDecimal amountRecovered, BigDecimal amountPaidOut, BigDecimal amountShortfall, int workers, boolean groupCase, boolean springFestival,
            boolean malicious, LocalDate registeredOn, LocalDate acceptDue, LocalDate handlingDue, String outcome,
            int version, boolean overdue, Long linkedCaseId) {
    }

    /**
     * The filters of the case list, also applied to its ledger export and its money trail. {@code sector} is a
     * GB/T 4754 section letter (matching its divisions too) or a division code; {@code counted} keeps only what the
     * statistics count, so that a figure's drill-down lists exactly its rows; {@code open} true keeps the matters
     * still being handled or tracked, false those finished (closed, tracking ended, refused or withdrawn).
     */
    public record Filter(String keyword, CaseStatus status, Channel channel, Boolean overdue, Boolean groupCase,
            LocalDate from, LocalDate to, Long departmentId, String sector, Boolean springFestival, Boolean malicious,
            Boolean counted, Boolean open) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * A worker of the case and the money trail to them: claimed, confirmed (核定), paid (the sum of the payments),
     * the shortfall and its reason; {@code paidOn} is the day they were paid in full (null until then).
     */
    public record Claimant(long id, String name, String idNumberMasked, boolean idVerified, BigDecimal amountClaimed,
            BigDecimal amountConfirmed, BigDecimal amountPaid, LocalDate paidOn, String shortfallReason, int version,
            List<Payment> payments) {

        public BigDecimal shortfall() {
            return amountConfirmed.subtract(amountPaid).max(BigDecimal.ZERO);
        }
    }

    /** One instalment that reached a worker; {@code bankTransaction} is the matched disbursement row's, if any. */
    public record Payment(long id, long claimantId, LocalDate paidOn, BigDecimal amount, String manner, String evidence,
            String bankTransaction, String bankCard, String recordedBy) {
    }

    public record Event(Timestamp at, LocalDate onDay, String byUsername, String action, String statusFrom,
            String statusTo, String note) {
    }

    public record Assignment(long id, long departmentId, String departmentName, LocalDate assignedOn, LocalDate dueOn,
            String assignedBy, String status, String feedback, LocalDate answeredOn, boolean supervised, boolean overdue,
            int version, String dutyCitation) {
    }

    public record Order(String number, LocalDate servedOn, LocalDate deadline, BigDecimal amount) {
    }

    public record Detail(CaseRow row, String complainantName, String complainantPhoneMasked, boolean anonymous,
            String description, String refusalReason, String outcomeNote, String inspectors, LocalDate periodFrom,
            LocalDate periodTo, LocalDate filedOn, boolean extended, String regionCode, LocalDate firstContactDue,
            LocalDate firstContactedOn, String externalRef) {
    }

    /** A supervision (督办) of the case: automatic for an overdue deadline, or by an officer. */
    public record Supervision(String kind, LocalDate dueOn, LocalDate supervisedOn, String byUsername, String note) {
    }

    /** Money trail: claimed → recovered → paid out to workers, each from recorded facts. */
    /** The selection's money: {@code workersPaid} counts workers paid in full; {@code shortfall} what they still lack. */
    public record MoneyTrail(long cases, BigDecimal claimed, BigDecimal recovered, BigDecimal paidOut, long workers,
            long workersPaid, BigDecimal shortfall) {
    }

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;
    private final Clock clock;

    private final SummaryCache summaries;

    CaseQueries(JdbcClient jdbc, SensitiveData sensitive, Clock clock, SummaryCache summaries) {
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.clock = clock;
    }

    /** Whether case {@code c} is overdue on {@code :today}: any of its clocks or its assignments' due dates passed. */
    static final String OVERDUE = """
            (c.status IN ('REGISTERED','ACCEPTED','COORDINATING','FILED','ORDERED','RESOLVED','PAYMENT_VERIFIED') AND (
                COALESCE(c.status = 'REGISTERED' AND c.accept_due < :today, FALSE)
             OR COALESCE(c.first_contacted_on IS NULL AND c.first_contact_due < :today
                 AND c.status IN ('REGISTERED','ACCEPTED','COORDINATING','FILED','ORDERED'), FALSE)
             OR COALESCE(c.status IN ('COORDINATING','FILED','ORDERED') AND c.handling_due < :today, FALSE)
             OR COALESCE(c.assignment_due < :today, FALSE)))
            """;

    private static final String SELECT = """
            SELECT c.id, c.number, c.channel, c.kind, c.status, c.employer_name, p.name AS project_name,
                   d.name AS department_name, COALESCE(p.industry_code, c.industry_code) AS industry_code, c.amount_claimed, c.amount_recovered,
                   c.amount_paid_out, c.amount_shortfall,
                   c.workers, c.group_case, c.spring_festival, c.malicious, c.registered_on, c.accept_due, c.handling_due,
                   c.outcome, c.version, (%s) AS overdue, c.linked_case_id
              FROM case_file c LEFT JOIN published_project p ON p.id = c.project_id LEFT JOIN department d ON d.id = c.department_id
            """.formatted(OVERDUE);

    /**
     * A page of the list, overdue cases first, then newest first. Overdue cases are few and all open, so they are
     * read apart (through the index of open cases) and the rest follow in the order of the registration index;
     * neither sorts the whole selection. The total and the number overdue come from {@link #totals}.
     */
    public Listing<CaseRow> list(DataScope scope, Filter f, int page, int size, IntFunction<String> linker) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = where(scope, f, where);
        Totals totals = totals(scope, f, where.toString(), params);
        long overdue = totals.overdue();
        long offset = Listing.offset(page, size);
        List<CaseRow> rows = new java.util.ArrayList<>(size);
        if (offset < overdue) {
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", size);
            p.put("offset", offset);
            rows.addAll(jdbc.sql(SELECT + where + " AND " + OVERDUE + " ORDER BY c.registered_on DESC, c.id DESC"
                    + " LIMIT :limit OFFSET :offset").params(p).query(Rows.of(CaseRow.class)).list());
        }
        // Only when the selection holds cases not overdue: looking for them where all are (the "overdue" filter)
        // would read every case of the scope to find none.
        if (rows.size() < size && totals.total() > overdue) {
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", size - rows.size());
            p.put("offset", Math.max(0, offset - overdue));
            rows.addAll(jdbc.sql(SELECT + where + " AND NOT " + OVERDUE + " ORDER BY c.registered_on DESC, c.id DESC"
                    + " LIMIT :limit OFFSET :offset").params(p).query(Rows.of(CaseRow.class)).list());
        }
        return new Listing<>(rows, totals.total(), Math.max(1, page), size, linker);
    }

    /** What a selection adds up to: every case, those overdue, and the money trail of those the statistics count. */
    private record Totals(long total, long overdue, MoneyTrail trail) {
    }

    /**
     * The selection's totals in one pass over it, kept by {@link #summaries} when that pass was expensive (a
     * province's million cases); a county's are computed on every request. Within the few seconds a kept total is
     * served, the split between overdue and other cases stays the one the pages were numbered by.
     */
    private Totals totals(DataScope scope, Filter f, String where, Map<String, Object> params) {
        return summaries.get(List.of("case-totals", scope, f, params.get("today")), () -> jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE %s) AS overdue,
                       count(*) FILTER (WHERE %s) AS cases,
                       COALESCE(sum(c.amount_claimed) FILTER (WHERE %2$s), 0) AS claimed,
                       COALESCE(sum(c.amount_recovered) FILTER (WHERE %2$s), 0) AS recovered,
                       COALESCE(sum(c.amount_paid_out) FILTER (WHERE %2$s), 0) AS paid_out,
                       COALESCE(sum(c.workers) FILTER (WHERE %2$s), 0) AS workers,
                       COALESCE(sum(c.workers_paid) FILTER (WHERE %2$s), 0) AS workers_paid,
                       COALESCE(sum(c.amount_shortfall) FILTER (WHERE %2$s), 0) AS shortfall
                  FROM case_file c""".formatted(OVERDUE, COUNTED) + where).params(params).query((rs, i) -> new Totals(
                        rs.getLong("total"), rs.getLong("overdue"), new MoneyTrail(rs.getLong("cases"),
                                rs.getBigDecimal("claimed"), rs.getBigDecimal("recovered"), rs.getBigDecimal("paid_out"),
                                rs.getLong("workers"), rs.getLong("workers_paid"), rs.getBigDecimal("shortfall")))).single());
    }

    /**
     * A matter no longer handled nor tracked (the work summary's "已办结"): tracking ended, refused or withdrawn; a
     * closed matter is still followed up until tracking ends ({@link CaseStatus#TRACKED}).
     */
    static final String FINISHED = "c.status IN ('TRACKING_ENDED','REFUSED','WITHDRAWN')";

    /**
     * A counted case (统计口径) as the dashboard and the statistics count it: defined once, by the view
     * {@code counted_case} (no refused or withdrawn matter, no repeat linked to an earlier case).
     */
    static final String COUNTED = "c.id IN (SELECT id FROM counted_case)";

    public List<CaseRow> all(DataScope scope, Filter f) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = where(scope, f, where);
        return jdbc.sql(SELECT + where + " ORDER BY c.registered_on, c.id").params(params).query(Rows.of(CaseRow.class)).list();
    }

    private Map<String, Object> where(DataScope scope, Filter f, StringBuilder where) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        where.append(" WHERE ").append(predicate.sql());
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        if (f.keyword() != null && !f.keyword().isBlank()) {
            where.append(" AND (c.number ILIKE :kw OR c.employer_name ILIKE :kw)");
            params.put("kw", "%" + f.keyword().trim() + "%");
        }
        if (f.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.channel() != null) {
            where.append(" AND c.channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            where.append(" AND (").append(OVERDUE).append(")");
        }
        if (Boolean.TRUE.equals(f.groupCase())) {
            where.append(" AND c.group_case");
        }
        if (f.from() != null) {
            where.append(" AND c.registered_on >= :from");
            params.put("from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND c.registered_on <= :to");
            params.put("to", Date.valueOf(f.to()));
        }
        if (f.departmentId() != null) {
            where.append(" AND c.department_id = :dept");
            params.put("dept", f.departmentId());
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            // the case's sector as the statistics count it (registered_case.sector_code: the project's, else the respondent's)
            where.append(" AND c.id IN (SELECT rc.id FROM registered_case rc WHERE rc.sector_code = :sector"
                    + " OR rc.sector_code IN (SELECT s.code FROM industry_sector s WHERE s.parent_code = :sector))");
            params.put("sector", f.sector().trim());
        }
        if (Boolean.TRUE.equals(f.springFestival())) {
            where.append(" AND c.spring_festival");
        }
        if (Boolean.TRUE.equals(f.malicious())) {
            where.append(" AND c.malicious");
        }
        if (f.open() != null) {
            where.append(f.open() ? " AND NOT " : " AND ").append(FINISHED);
        }
        if (Boolean.TRUE.equals(f.counted())) {
            where.append(" AND ").append(COUNTED);
        }
        return params;
    }

    public Optional<Detail> detail(DataScope scope, long id) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("id", id);
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        Optional<CaseRow> row = jdbc.sql(SELECT + " WHERE c.id = :id AND " + predicate.sql()).params(params)
                .query(Rows.of(CaseRow.class)).optional();
        return row.map(r -> jdbc.sql("""
                SELECT complainant_name, complainant_phone, anonymous, description, refusal_reason, outcome_note,
                       inspectors, period_from, period_to, filed_on, extended, region_code, first_contact_due,
                       first_contacted_on, external_ref FROM case_file WHERE id = :id
                """).param("id", id).query((rs, i) -> {
                    String phone = rs.getString("complainant_phone");
                    Date from = rs.getDate("period_from"), to = rs.getDate("period_to"), filed = rs.getDate("filed_on");
                    return new Detail(r, rs.getString("complainant_name"),
                            phone == null ? null : Masking.mobile(sensitive.decryptForProcessing(phone)),
                            rs.getBoolean("anonymous"), rs.getString("description"), rs.getString("refusal_reason"),
                            rs.getString("outcome_note"), rs.getString("inspectors"),
                            from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(),
                            filed == null ? null : filed.toLocalDate(), rs.getBoolean("extended"), rs.getString("region_code"),
                            day(rs.getDate("first_contact_due")), day(rs.getDate("first_contacted_on")),
                            rs.getString("external_ref"));
                }).single());
    }

    /** The registered employer a case is about, if it names one. */
    public java.util.Optional<Long> employerId(long caseId) {
        return jdbc.sql("SELECT employer_id FROM case_file WHERE id = :id AND employer_id IS NOT NULL").param("id", caseId)
                .query(Long.class).optional();
    }

    public List<Claimant> claimants(long caseId) {
        java.util.Map<Long, List<Payment>> payments = payments(caseId).stream()
                .collect(java.util.stream.Collectors.groupingBy(Payment::claimantId));
        return jdbc.sql("""
                SELECT id, name, id_number, id_verified, amount_claimed, amount_confirmed, amount_paid, paid_on,
                       shortfall_reason, version
                  FROM case_claimant WHERE case_id = :c ORDER BY id
                """).param("c", caseId).query((rs, i) -> {
                    String cipher = rs.getString("id_number");
                    long id = rs.getLong("id");
                    return new Claimant(id, rs.getString("name"),
                            cipher == null ? null : Masking.idNumber(sensitive.decryptForProcessing(cipher)),
                            rs.getBoolean("id_verified"), rs.getBigDecimal("amount_claimed"),
                            rs.getBigDecimal("amount_confirmed"), rs.getBigDecimal("amount_paid"), day(rs.getDate("paid_on")),
                            rs.getString("shortfall_reason"), rs.getInt("version"), payments.getOrDefault(id, List.of()));
                }).list();
    }

    /** Every payment of the case's workers, oldest first, with the bank's disbursement row where one matched. */
    public List<Payment> payments(long caseId) {
        return jdbc.sql("""
                SELECT p.id, p.claimant_id, p.paid_on, p.amount, p.manner, p.evidence, d.transaction_id AS bank_transaction,
                       d.card_masked AS bank_card, p.recorded_by
                  FROM case_payment p LEFT JOIN published_disbursement d ON d.id = p.disbursement_id
                 WHERE p.case_id = :c ORDER BY p.paid_on, p.id
                """).param("c", caseId).query(Rows.of(Payment.class)).list();
    }

    public List<Event> timeline(long caseId) {
        return jdbc.sql("""
                SELECT at, on_day, by_username, action, status_from, status_to, note FROM case_event
                 WHERE case_id = :c ORDER BY at, id
                """).param("c", caseId).query(Rows.of(Event.class)).list();
    }

    /**
     * The duty an assignment cites, as the assignment and its documents quote it (with {@code u} the member_duty row and
     * {@code x} its document); the same words as {@code leadership.LeadershipGroup.Duty.citation()}.
     */
    static final String DUTY_CITATION = """
            CASE WHEN u.id IS NULL THEN NULL ELSE x.title || '（' || x.number || '）明确的职责：' || u.duty
                 || COALESCE('（依据' || u.basis || '）', '') END AS duty_citation""";

    public List<Assignment> assignments(long caseId) {
        return jdbc.sql("""
                SELECT a.id, a.department_id, d.name AS department_name, a.assigned_on, a.due_on, a.assigned_by, a.status,
                       a.feedback, a.answered_on, a.supervised, (a.status IN ('OPEN','REWORK') AND a.due_on < :today) AS overdue,
                       a.version, """ + DUTY_CITATION + """
                  FROM case_assignment a JOIN department d ON d.id = a.department_id
                  LEFT JOIN published_member_duty u ON u.id = a.duty_id LEFT JOIN published_duty_document x ON x.id = u.document_id
                 WHERE a.case_id = :c ORDER BY a.id
                """).param("c", caseId).param("today", Date.valueOf(LocalDate.now(clock))).query(Rows.of(Assignment.class)).list();
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    public List<Supervision> supervisions(long caseId) {
        return jdbc.sql("""
                SELECT kind, due_on, supervised_on, by_username, note FROM case_supervision WHERE case_id = :c ORDER BY id
                """).param("c", caseId).query(Rows.of(Supervision.class)).list();
    }

    public List<Order> orders(long caseId) {
        return jdbc.sql("SELECT number, served_on, deadline, amount FROM payment_order WHERE case_id = :c ORDER BY id")
                .param("c", caseId).query(Rows.of(Order.class)).list();
    }

    /** Totals over the cases a filter selects; linked duplicates are not counted twice. */
    public MoneyTrail moneyTrail(DataScope scope, Filter f) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = where(scope, f, where);
        return totals(scope, f, where.toString(), params).trail();
    }

    /** How many seconds the list's totals may lag behind (0: never). */
    public long summaryAgeSeconds() {
        return summaries.maxLagSeconds();
    }

    /** What waits for this officer: open cases in scope whose next step is theirs, overdue first. */
    public List<CaseRow> myWork(DataScope scope, java.util.Set<String> permissions, Long departmentId) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = where(scope, Filter.none(), where);
        List<String> statuses = new java.util.ArrayList<>();
        if (permissions.contains("casework:case:accept")) statuses.add("REGISTERED");
        if (permissions.contains("casework:case:handle")) statuses.addAll(List.of("ACCEPTED", "COORDINATING", "FILED", "ORDERED"));
        if (permissions.contains("casework:case:close")) statuses.addAll(List.of("RESOLVED", "PAYMENT_VERIFIED"));
        StringBuilder mine = new StringBuilder(" AND (FALSE");
        if (!statuses.isEmpty()) {
            mine.append(" OR c.status IN (:mineStatuses)");
            params.put("mineStatuses", statuses);
        }
        if (departmentId != null && permissions.contains("casework:case:answer")) {
            mine.append(" OR EXISTS (SELECT 1 FROM case_assignment a WHERE a.case_id = c.id AND a.status IN ('OPEN','REWORK') AND a.department_id = :myDept)");
            params.put("myDept", departmentId);
        }
        // The requests waiting for this approver (立案、延期、结案审批).
        List<String> approvable = java.util.Arrays.stream(CaseApprovals.Kind.values())
                .filter(k -> permissions.contains(k.permission())).map(Enum::name).toList();
        if (!approvable.isEmpty()) {
            mine.append(" OR EXISTS (SELECT 1 FROM case_approval p WHERE p.case_id = c.id AND p.status = 'PENDING' AND p.kind IN (:approvable))");
            params.put("approvable", approvable);
        }
        if (permissions.contains("casework:case:rework")) {
            mine.append(" OR EXISTS (SELECT 1 FROM case_assignment a WHERE a.case_id = c.id AND a.status = 'ANSWERED')");
            mine.append(" OR (").append(OVERDUE).append(")");
        }
        mine.append(")");
        // A clue held by a town's labor-security station is the station's work until it is handed up.
        mine.append(" AND NOT EXISTS (SELECT 1 FROM station_matter s WHERE s.case_id = c.id AND s.stage = 'AT_STATION')");
        return jdbc.sql(SELECT + where + mine + " ORDER BY (" + OVERDUE + ") DESC, c.registered_on").params(params)
                .query(Rows.of(CaseRow.class)).list();
    }
}
