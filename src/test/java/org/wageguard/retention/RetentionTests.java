package org.wageguard.retention;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.SensitiveData;
import org.wageguard.messaging.internal.ConsoleSmsGateway;
import org.wageguard.shared.WorkingDayCalendar;
import org.wageguard.shared.retention.RecordAnonymiser;
import org.wageguard.shared.retention.RetentionKind;
import org.wageguard.workforce.TestIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention as the law says, with a fixed day: records aged past their region's keeping are anonymised (figures kept),
 * none before the legal minimum; a keeping below the minimum is refused naming the article; a worker's deletion
 * request is refused while the pay ledger's three years run and carried out once they have passed. Every test makes
 * its own records on the demo project YJ-2021-013 and rolls back.
 */
@DemoApplicationTest
@Transactional
class RetentionTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The fixed day of every run here (today's date, so that the logs' database trigger agrees on "six months ago"). */
    static final LocalDate TODAY = LocalDate.now(ZONE);
    static final String ANON = RecordAnonymiser.ANONYMISED;
    static final AtomicLong SERIAL = new AtomicLong(7000);

    @Autowired JdbcClient jdbc;
    @Autowired SensitiveData sensitive;
    @Autowired RetentionPolicies policies;
    @Autowired RetentionRuns runs;
    @Autowired ErasureRequests erasures;
    @Autowired WorkingDayCalendar calendar;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired ConsoleSmsGateway sender;

    long project;
    String region;
    long importId;

    @BeforeEach
    void demoProject() {
        project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-013'").query(Long.class).single();
        region = jdbc.sql("SELECT region_code FROM project WHERE id = :p").param("p", project).query(String.class).single();
        importId = jdbc.sql("""
                INSERT INTO data_import (kind, project_id, month, content_hash, row_count, status)
                VALUES ('PAYROLL', :p, DATE '2000-01-01', :h, 0, 'SUPERSEDED') RETURNING id
                """).param("p", project).param("h", UUID.randomUUID().toString().replace("-", "") + "0".repeat(32))
                .query(Long.class).single();
    }

    // ------------------------------------------------------------------ records of a given age

    static LocalDate monthsAgo(int months) {
        return TODAY.minusMonths(months).minusDays(1);
    }

    long worker(String name) {
        long n = SERIAL.incrementAndGet();
        String id = TestIds.valid("43098119800101" + String.format("%03d", n % 1000));
        String phone = "1390737" + String.format("%04d", n % 10000);
        return jdbc.sql("""
                INSERT INTO worker (id_number_cipher, id_number_hash, id_number_masked, id_verified, name, phone_cipher, phone_hash)
                VALUES (:c, :h, '430981********0001', TRUE, :n, :pc, :ph) RETURNING id
                """).param("c", sensitive.encrypt(id)).param("h", sensitive.index(id)).param("n", name)
                .param("pc", sensitive.encrypt(phone)).param("ph", sensitive.index(phone)).query(Long.class).single();
    }

    String idHash(long worker) {
        return jdbc.sql("SELECT id_number_hash FROM worker WHERE id = :w").param("w", worker).query(String.class).single();
    }

    long payLine(long worker, LocalDate payDate) {
        return jdbc.sql("""
                INSERT INTO payroll_line (project_id, month, worker_id, worker_name, days_worked, gross, net, pay_date,
                                          source_import_id, source_row, current)
                SELECT :p, :m, w.id, w.name, 22, 6600.00, 6400.00, :d, :i, 1, FALSE FROM worker w WHERE w.id = :w RETURNING id
                """).param("p", project).param("m", Date.valueOf(payDate.withDayOfMonth(1))).param("w", worker)
                .param("d", Date.valueOf(payDate)).param("i", importId).query(Long.class).single();
    }

    long disbursement(long worker, LocalDate valueDate) {
        String card = "62284800" + SERIAL.incrementAndGet();
        return jdbc.sql("""
                INSERT INTO disbursement (project_id, month, transaction_id, card_cipher, card_hash, card_masked, payee_name,
                                          payee_id_cipher, payee_id_hash, amount, value_date, status, source_import_id,
                                          source_row, current)
                SELECT :p, :m, :t, :cc, :ch, '6228********1234', w.name, w.id_number_cipher, w.id_number_hash, 6400.00, :d,
                       'SUCCESS', :i, 1, FALSE FROM worker w WHERE w.id = :w RETURNING id
                """).param("p", project).param("m", Date.valueOf(valueDate.withDayOfMonth(1)))
                .param("t", "RT-" + SERIAL.incrementAndGet()).param("cc", sensitive.encrypt(card))
                .param("ch", sensitive.index(card)).param("d", Date.valueOf(valueDate)).param("i", importId)
                .param("w", worker).query(Long.class).single();
    }

    long employment(long worker, LocalDate exit) {
        String card = "62284800" + SERIAL.incrementAndGet();
        return jdbc.sql("""
                INSERT INTO employment (worker_id, project_id, worker_name, bank_card_cipher, bank_card_hash, bank_card_masked,
                                        contract_signed, entry_date, exit_date, source_import_id, source_row, current)
                SELECT w.id, :p, w.name, :cc, :ch, '6228********1234', TRUE, :entry, :exit, :i, 1, FALSE
                  FROM worker w WHERE w.id = :w RETURNING id
                """).param("p", project).param("cc", sensitive.encrypt(card)).param("ch", sensitive.index(card))
                .param("entry", Date.valueOf(exit.minusMonths(3))).param("exit", Date.valueOf(exit))
                .param("i", importId).param("w", worker).query(Long.class).single();
    }

    void attendance(long worker, LocalDate day) {
        jdbc.sql("INSERT INTO attendance (worker_id, project_id, work_date, hours, source_import_id, current)"
                + " VALUES (:w, :p, :d, 8, :i, FALSE)").param("w", worker).param("p", project)
                .param("d", Date.valueOf(day)).param("i", importId).update();
    }

    long caseFile(boolean filed, LocalDate closedOn, String complainant, long claimant) {
        long n = SERIAL.incrementAndGet();
        long id = jdbc.sql("""
                INSERT INTO case_file (number, channel, kind, status, complainant_name, complainant_phone, employer_name,
                                       project_id, region_code, registered_on, accept_due, filed_on, closed_on,
                                       amount_claimed, workers, description)
                VALUES (:no, 'HOTLINE', 'COMPLAINT', :s, :cn, '13907370000', '沅江市第二建筑工程有限公司', :p, :r, :reg,
                        :reg, :filed, :closed, 6400.00, 1, :desc) RETURNING id
                """).param("no", "RT" + n).param("s", closedOn == null ? "ACCEPTED" : "CLOSED").param("cn", complainant)
                .param("p", project).param("r", region)
                .param("reg", Date.valueOf((closedOn == null ? TODAY.minusYears(12) : closedOn).minusMonths(2)))
                .param("filed", filed ? Date.valueOf((closedOn == null ? TODAY.minusYears(12) : closedOn).minusMonths(1)) : null)
                .param("closed", closedOn == null ? null : Date.valueOf(closedOn))
                .param("desc", complainant + "反映被拖欠工资").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO case_claimant (case_id, name, id_number, id_number_hash, amount_claimed, amount_confirmed)
                SELECT :c, w.name, w.id_number_cipher, w.id_number_hash, 6400.00, 6400.00 FROM worker w WHERE w.id = :w
                """).param("c", id).param("w", claimant).update();
        return id;
    }

    long loginLog(LocalDate day) {
        return jdbc.sql("""
                INSERT INTO login_log (username, success, reason, ip, user_agent, at)
                VALUES ('jiancha', TRUE, 'OK', '10.0.0.7', 'Chromium', :at) RETURNING id
                """).param("at", Timestamp.from(day.atTime(10, 0).atZone(ZONE).toInstant())).query(Long.class).single();
    }

    long portalAttempt(LocalDate day) {
        return jdbc.sql("""
                INSERT INTO portal_attempt (at, action, client_address, phone_hash, success)
                VALUES (:at, 'QUERY', '10.0.0.8', 'abc', TRUE) RETURNING id
                """).param("at", Timestamp.valueOf(day.atTime(10, 0))).query(Long.class).single();
    }

    String string(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(String.class).optional().orElse(null);
    }

    boolean anonymised(String table, long id) {
        return jdbc.sql("SELECT anonymised_at IS NOT NULL FROM " + table + " WHERE id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    /** Every pay-ledger row not anonymised whose date is past this region's cut-off (the run must take exactly these). */
    long payLedgerPastCutoff(LocalDate cutoff) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM payroll_line l JOIN project p ON p.id = l.project_id
                         WHERE l.anonymised_at IS NULL AND p.region_code LIKE :r AND l.pay_date < :c)
                     + (SELECT count(*) FROM disbursement d JOIN project p ON p.id = d.project_id
                         WHERE d.anonymised_at IS NULL AND p.region_code LIKE :r AND d.value_date < :c)
                """).param("r", region + "%").param("c", Date.valueOf(cutoff)).query(Long.class).single();
    }

    long anonymisedWithinLegalMinimum() {
        LocalDate threeYears = TODAY.minusMonths(36);
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM payroll_line WHERE anonymised_at IS NOT NULL AND pay_date >= :y3)
                     + (SELECT count(*) FROM disbursement WHERE anonymised_at IS NOT NULL AND value_date >= :y3)
                     + (SELECT count(*) FROM attendance WHERE anonymised_at IS NOT NULL AND work_date >= :y3)
                     + (SELECT count(*) FROM employment WHERE anonymised_at IS NOT NULL AND COALESCE(exit_date, entry_date) >= :y3)
                     + (SELECT count(*) FROM login_log WHERE anonymised_at IS NOT NULL AND at >= :m6)
                     + (SELECT count(*) FROM operation_log WHERE anonymised_at IS NOT NULL AND at >= :m6)
                     + (SELECT count(*) FROM portal_attempt WHERE anonymised_at IS NOT NULL AND at >= :m6)
                     + (SELECT count(*) FROM case_file WHERE anonymised_at IS NOT NULL AND filed_on IS NOT NULL AND closed_on >= :y10)
                """).param("y3", Date.valueOf(threeYears))
                .param("m6", Timestamp.from(TODAY.minusMonths(6).atStartOfDay(ZONE).toInstant()))
                .param("y10", Date.valueOf(TODAY.minusMonths(120))).query(Long.class).single();
    }

    int item(RetentionRuns.Run run, RetentionKind kind) {
        return run.items().stream().filter(i -> i.kind() == kind).findFirst().orElseThrow().anonymised();
    }

    // ------------------------------------------------------------------ the rules

    @Test
    void payLedgerIsKeptThreeYearsByArticle15OfTheWagePaymentRegulation_thenAnonymisedPastTheRegionsKeeping() {
        policies.set(region, RetentionKind.PAY_LEDGER, 40, "admin");
        long w = worker("覃保存");
        long pastLine = payLine(w, monthsAgo(41));
        long keptLine = payLine(w, monthsAgo(39));
        long withinMinimum = payLine(w, monthsAgo(35));
        long pastPaid = disbursement(w, monthsAgo(41));
        long keptPaid = disbursement(w, monthsAgo(39));
        long expected = payLedgerPastCutoff(TODAY.minusMonths(40));

        RetentionRuns.Run run = runs.run(TODAY, "system", false);

        assertThat(anonymised("payroll_line", pastLine)).isTrue();
        assertThat(string("SELECT worker_name FROM payroll_line WHERE id = :id", pastLine)).isEqualTo(ANON);
        assertThat(jdbc.sql("SELECT net FROM payroll_line WHERE id = :id").param("id", pastLine).query(BigDecimal.class)
                .single()).isEqualByComparingTo("6400.00");
        assertThat(string("SELECT worker_name FROM payroll_line WHERE id = :id", keptLine)).isEqualTo("覃保存");
        assertThat(anonymised("payroll_line", withinMinimum)).isFalse();
        assertThat(anonymised("disbursement", pastPaid)).isTrue();
        assertThat(string("SELECT coalesce(payee_id_hash, '') || payee_name || card_masked FROM disbursement WHERE id = :id",
                pastPaid)).isEqualTo(ANON + ANON);
        assertThat(string("SELECT card_hash FROM disbursement WHERE id = :id", pastPaid)).startsWith("anonymised-");
        assertThat(jdbc.sql("SELECT amount FROM disbursement WHERE id = :id").param("id", pastPaid)
                .query(BigDecimal.class).single()).isEqualByComparingTo("6400.00");
        assertThat(anonymised("disbursement", keptPaid)).isFalse();
        // Exactly the rows past the region's cut-off, every one of them, and none left behind.
        assertThat(item(run, RetentionKind.PAY_LEDGER)).isGreaterThanOrEqualTo((int) expected).isGreaterThanOrEqualTo(2);
        assertThat(payLedgerPastCutoff(TODAY.minusMonths(40))).isZero();
        assertThat(anonymisedWithinLegalMinimum()).isZero();
        // The run says what it did: per kind, the count and the cut-off.
        RetentionRuns.Run shown = runs.recent(1).get(0);
        assertThat(shown.id()).isEqualTo(run.id());
        assertThat(shown.items()).extracting(RetentionRuns.Item::cutoffs)
                .anyMatch(c -> c.contains(TODAY.minusMonths(40).toString()));
        // A second run finds nothing more of these.
        assertThat(anonymised("payroll_line", keptLine)).isFalse();
    }

    @Test
    void rosterAndAttendanceAreKeptWithThePayLedger_aWorkerLosesNameAndIdOnlyWhenEveryRowIsPastItsKeeping() {
        policies.set(region, RetentionKind.ROSTER, 40, "admin");
        policies.set(region, RetentionKind.ATTENDANCE, 40, "admin");
        long gone = worker("覃离场");
        long goneJob = employment(gone, monthsAgo(42));
        attendance(gone, monthsAgo(42));
        long recent = worker("覃在场");
        long recentJob = employment(recent, monthsAgo(42));
        attendance(recent, monthsAgo(38));

        runs.run(TODAY, "system", false);

        assertThat(string("SELECT name FROM worker WHERE id = :id", gone)).isEqualTo(ANON);
        assertThat(string("SELECT coalesce(phone_cipher, '') || id_number_cipher FROM worker WHERE id = :id", gone)).isEmpty();
        assertThat(idHash(gone)).startsWith("anonymised-");
        assertThat(string("SELECT worker_name || bank_card_masked FROM employment WHERE id = :id", goneJob))
                .isEqualTo(ANON + ANON);
        assertThat(string("SELECT CAST(exit_date AS VARCHAR) FROM employment WHERE id = :id", goneJob))
                .isEqualTo(monthsAgo(42).toString());
        // The other worker's roster row ended long ago, but they were on site 38 months ago: the row's end is the last
        // day on site only without an exit date, so the row goes; the attendance keeps the worker's identity.
        assertThat(anonymised("employment", recentJob)).isTrue();
        assertThat(string("SELECT name FROM worker WHERE id = :id", recent)).isEqualTo("覃在场");
        assertThat(anonymisedWithinLegalMinimum()).isZero();
    }

    @Test
    void networkLogsAreKeptSixMonthsByArticle21OfTheCybersecurityLaw_andTheDatabaseRefusesAnythingElse() {
        policies.set(region, RetentionKind.NETWORK_LOG, 6, "admin");
        long old = loginLog(monthsAgo(7));
        long young = loginLog(monthsAgo(5));

        RetentionRuns.Run run = runs.run(TODAY, "system", false);

        assertThat(string("SELECT username || coalesce(ip, '') || coalesce(user_agent, '') FROM login_log WHERE id = :id", old))
                .isEqualTo(ANON);
        assertThat(string("SELECT reason FROM login_log WHERE id = :id", old)).isEqualTo("OK");
        assertThat(string("SELECT username FROM login_log WHERE id = :id", young)).isEqualTo("jiancha");
        assertThat(item(run, RetentionKind.NETWORK_LOG)).isGreaterThanOrEqualTo(1);
        assertThat(anonymisedWithinLegalMinimum()).isZero();
    }

    @Test
    void theLogsTriggerRefusesAnAnonymisationWithinSixMonthsEvenWhenDeclared() {
        long young = loginLog(monthsAgo(5));
        jdbc.sql("SELECT set_config('wageguard.retention', 'on', true)").query(String.class).single();
        assertThatThrownBy(() -> jdbc.sql("UPDATE login_log SET username = 'x', anonymised_at = now() WHERE id = :id")
                .param("id", young).update()).hasMessageContaining("审计日志只能追加");
    }

    @Test
    void theLogsTriggerRefusesAnUndeclaredChangeOfAnOldRow() {
        long old = loginLog(monthsAgo(30));
        assertThatThrownBy(() -> jdbc.sql("UPDATE login_log SET username = 'x', anonymised_at = now() WHERE id = :id")
                .param("id", old).update()).hasMessageContaining("审计日志只能追加");
    }

    @Test
    void portalVerificationRecordsGoAfterTheirKeeping() {
        long old = portalAttempt(monthsAgo(13));
        long young = portalAttempt(monthsAgo(11));

        runs.run(TODAY, "system", false);

        assertThat(string("SELECT client_address || coalesce(phone_hash, '') FROM portal_attempt WHERE id = :id", old))
                .isEqualTo(ANON);
        assertThat(string("SELECT client_address FROM portal_attempt WHERE id = :id", young)).isEqualTo("10.0.0.8");
    }

    long sms(LocalDate day, String status) {
        return jdbc.sql("""
                INSERT INTO sms_message (kind, recipient_kind, recipient_ref, phone_masked, phone_cipher, phone_hash, body,
                                         status, region_code, created_at, updated_at)
                VALUES ('WAGE_ARRIVED', 'WORKER', 'worker:1', '139****0001', 'cipher', 'hash', '覃师傅，您的工资已到账',
                        :s, '430981', :at, :at) RETURNING id
                """).param("s", status).param("at", Timestamp.valueOf(day.atTime(10, 0))).query(Long.class).single();
    }

    @Test
    void theSmsLogIsKeptSixMonthsAsANetworkLogByArticle21OfTheCybersecurityLaw_thenLosesPhoneAndText() {
        long old = sms(monthsAgo(13), "SENT");
        long young = sms(monthsAgo(5), "SENT");
        long stillQueued = sms(monthsAgo(13), "QUEUED");

        RetentionRuns.Run run = runs.run(TODAY, "system", false);

        assertThat(string("SELECT phone_masked || phone_cipher || phone_hash || body FROM sms_message WHERE id = :id", old))
                .isEqualTo(ANON + ANON);
        assertThat(string("SELECT status || kind FROM sms_message WHERE id = :id", old)).isEqualTo("SENTWAGE_ARRIVED");
        assertThat(string("SELECT body FROM sms_message WHERE id = :id", young)).isEqualTo("覃师傅，您的工资已到账");
        assertThat(anonymised("sms_message", stillQueued)).as("a message still to be sent is kept").isFalse();
        assertThat(item(run, RetentionKind.SMS_LOG)).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> policies.set(region, RetentionKind.SMS_LOG, 5, "admin"))
                .isInstanceOf(RetentionException.class).hasMessageContaining("第二十一条");
    }

    @Test
    void closedCluesLoseThePersonalDataByArticle19OfThePipl_filedCasesFollowTheArchiveTerm_openOnesNever() {
        long w = worker("覃投诉");
        long clue = caseFile(false, monthsAgo(37), "覃投诉", w);
        long youngClue = caseFile(false, monthsAgo(30), "覃投诉", w);
        long filedCase = caseFile(true, monthsAgo(37), "覃投诉", w);
        long openClue = caseFile(false, null, "覃投诉", w);

        RetentionRuns.Run run = runs.run(TODAY, "system", false);

        assertThat(string("SELECT coalesce(complainant_name, '') || coalesce(complainant_phone, '') || description"
                + " FROM case_file WHERE id = :id", clue)).isEqualTo(ANON);
        assertThat(string("SELECT name || coalesce(id_number, '') || coalesce(id_number_hash, '') FROM case_claimant"
                + " WHERE case_id = :id", clue)).isEqualTo(ANON);
        assertThat(jdbc.sql("SELECT amount_claimed FROM case_claimant WHERE case_id = :id").param("id", clue)
                .query(BigDecimal.class).single()).isEqualByComparingTo("6400.00");
        assertThat(string("SELECT complainant_name FROM case_file WHERE id = :id", youngClue)).isEqualTo("覃投诉");
        assertThat(string("SELECT complainant_name FROM case_file WHERE id = :id", filedCase)).isEqualTo("覃投诉");
        assertThat(string("SELECT complainant_name FROM case_file WHERE id = :id", openClue)).isEqualTo("覃投诉");
        assertThat(item(run, RetentionKind.CLUE)).isGreaterThanOrEqualTo(1);
        assertThat(anonymisedWithinLegalMinimum()).isZero();
    }

    @Test
    void aKeepingBelowTheLegalMinimumIsRefusedNamingTheArticle() {
        assertThatThrownBy(() -> policies.set(region, RetentionKind.PAY_LEDGER, 35, "admin"))
                .isInstanceOf(RetentionException.class)
                .hasMessageContaining("工资支付台账").hasMessageContaining("36 个月").hasMessageContaining("第十五条");
        assertThatThrownBy(() -> policies.set(region, RetentionKind.NETWORK_LOG, 5, "admin"))
                .isInstanceOf(RetentionException.class).hasMessageContaining("第二十一条");
        assertThat(jdbc.sql("SELECT count(*) FROM retention_policy WHERE region_code = :r").param("r", region)
                .query(Integer.class).single()).isZero();
        assertThat(policies.policies(region)).filteredOn(p -> p.kind() == RetentionKind.PAY_LEDGER)
                .singleElement().satisfies(p -> assertThat(p.keepMonths()).isEqualTo(60));
    }

    @Test
    void theSystemAdministratorIsRefusedBelowTheMinimumOnThePage() throws Exception {
        mvc.perform(post("/admin/retention/policy").with(logins.as("admin")).with(csrf())
                        .param("kind", "PAY_LEDGER").param("months", "24"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("不能短于法定最短期限 36 个月")));
        mvc.perform(post("/admin/retention/policy").with(logins.as("admin")).with(csrf())
                        .param("kind", "PAY_LEDGER").param("months", "48"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "已保存。"));
        mvc.perform(get("/admin/retention").with(logins.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("《保障农民工工资支付条例》第十五条")))
                .andExpect(content().string(containsString("《网络安全法》第二十一条第（三）项")))
                .andExpect(content().string(containsString("value=\"48\"")));
    }

    @Test
    void aDeletionRequestIsRefusedWhileThePayLedgersThreeYearsRun_byArticle47OfThePipl() {
        long w = worker("覃申请");
        payLine(w, monthsAgo(2));
        employment(w, monthsAgo(2));

        ErasureRequests.Request r = erasures.file(w, null, ErasureRequests.Channel.PORTAL, TODAY, "portal");

        assertThat(r.status()).isEqualTo(ErasureRequests.Status.REFUSED);
        assertThat(r.answer()).contains("不予删除").contains("第十五条").contains("第四十七条第二款")
                .contains(monthsAgo(2).plusMonths(36).toString());
        assertThat(r.answeredOn()).isEqualTo(TODAY);
        assertThat(r.dueOn()).isEqualTo(calendar.plus(TODAY, RetentionPolicies.DEFAULT_ANSWER_DAYS));
        assertThat(r.answeredInTime()).isTrue();
        assertThat(string("SELECT name FROM worker WHERE id = :id", w)).isEqualTo("覃申请");
        assertThat(erasures.ofWorker(w)).extracting(ErasureRequests.Request::id).containsExactly(r.id());
    }

    @Test
    void aDeletionRequestIsCarriedOutOnceNoMinimumRuns_figuresKept() {
        long w = worker("覃删除");
        long line = payLine(w, monthsAgo(38));
        long paid = disbursement(w, monthsAgo(38));
        employment(w, monthsAgo(38));
        attendance(w, monthsAgo(38));
        long clue = caseFile(false, monthsAgo(20), "覃删除", w);
        String hash = idHash(w);

        ErasureRequests.Request r = erasures.file(w, region, ErasureRequests.Channel.OFFICER, TODAY.minusDays(3), "jiancha");

        assertThat(r.status()).isEqualTo(ErasureRequests.Status.CARRIED_OUT);
        assertThat(r.answer()).contains("已删除");
        assertThat(r.anonymised()).isGreaterThanOrEqualTo(6);
        assertThat(r.dueOn()).isEqualTo(calendar.plus(TODAY.minusDays(3), 15));
        assertThat(string("SELECT name FROM worker WHERE id = :id", w)).isEqualTo(ANON);
        assertThat(string("SELECT worker_name FROM payroll_line WHERE id = :id", line)).isEqualTo(ANON);
        assertThat(jdbc.sql("SELECT days_worked FROM payroll_line WHERE id = :id").param("id", line).query(Integer.class)
                .single()).isEqualTo(22);
        assertThat(anonymised("disbursement", paid)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM case_claimant WHERE id_number_hash = :h").param("h", hash)
                .query(Integer.class).single()).isZero();
        assertThat(string("SELECT complainant_name FROM case_file WHERE id = :id", clue)).isNull();
        // Once carried out, a second request finds nothing left to delete.
        assertThatThrownBy(() -> erasures.file(w, region, ErasureRequests.Channel.OFFICER, TODAY, "jiancha"))
                .isInstanceOf(RetentionException.class).hasMessageContaining("已经匿名化");
    }

    @Test
    void theVerifiedWorkerAsksOnThePortalAndSeesTheAnswer() throws Exception {
        long n = SERIAL.incrementAndGet();
        String id = TestIds.valid("43098119820202" + String.format("%03d", n % 1000));
        String phone = "1380737" + String.format("%04d", n % 10000);
        long w = jdbc.sql("""
                INSERT INTO worker (id_number_cipher, id_number_hash, id_number_masked, id_verified, name, phone_cipher, phone_hash)
                VALUES (:c, :h, '430981********0003', TRUE, '覃门户', :pc, :ph) RETURNING id
                """).param("c", sensitive.encrypt(id)).param("h", sensitive.index(id)).param("pc", sensitive.encrypt(phone))
                .param("ph", sensitive.index(phone)).query(Long.class).single();
        payLine(w, monthsAgo(1));
        employment(w, monthsAgo(1));
        // Not verified: sent to the verification, nothing recorded.
        mvc.perform(from(post("/portal/wages/erasure")).with(csrf()).param("confirmed", "true"))
                .andExpect(redirectedUrl("/portal/wages"));
        assertThat(erasures.ofWorker(w)).isEmpty();
        // The portal's own verification: ID number and name, then the code sent to the phone on file.
        mvc.perform(from(post("/portal/wages/code")).param("idNumber", id).param("name", "覃门户").with(csrf()));
        Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(sender.lastSentTo(phone).orElseThrow());
        assertThat(m.find()).isTrue();
        Cookie cookie = mvc.perform(from(post("/portal/wages/verify")).param("idNumber", id).param("code", m.group(1))
                .with(csrf())).andExpect(redirectedUrl("/portal/wages/records")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(from(get("/portal/wages/records")).cookie(cookie))
                .andExpect(content().string(containsString("/portal/wages/erasure")));
        mvc.perform(from(post("/portal/wages/erasure")).cookie(cookie).with(csrf()))
                .andExpect(content().string(containsString("请先勾选")));
        assertThat(erasures.ofWorker(w)).isEmpty();
        mvc.perform(from(post("/portal/wages/erasure")).cookie(cookie).with(csrf()).param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不予删除")))
                .andExpect(content().string(containsString("《保障农民工工资支付条例》第十五条")));
        assertThat(erasures.ofWorker(w)).singleElement()
                .satisfies(r -> assertThat(r.channel()).isEqualTo(ErasureRequests.Channel.PORTAL));
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder r) {
        return r.with(req -> {
            req.setRemoteAddr("10.72.0.1");
            return req;
        });
    }

    @Test
    void anOfficerRecordsARequestOnTheWorkersBehalf() throws Exception {
        long n = SERIAL.incrementAndGet();
        String id = TestIds.valid("43098119810101" + String.format("%03d", n % 1000));
        long w = jdbc.sql("""
                INSERT INTO worker (id_number_cipher, id_number_hash, id_number_masked, id_verified, name)
                VALUES (:c, :h, '430981********0002', TRUE, '覃窗口') RETURNING id
                """).param("c", sensitive.encrypt(id)).param("h", sensitive.index(id)).query(Long.class).single();
        payLine(w, monthsAgo(1));
        mvc.perform(post("/retention/erasure").with(logins.as("jiancha")).with(csrf())
                        .param("idNumber", id).param("name", "覃窗口").param("receivedOn", TODAY.toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("不予删除")));
        List<ErasureRequests.Request> requests = erasures.ofWorker(w);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo(ErasureRequests.Channel.OFFICER);
            assertThat(r.recordedBy()).isEqualTo("jiancha");
        });
        mvc.perform(post("/retention/erasure").with(logins.as("jiancha")).with(csrf())
                        .param("idNumber", id).param("name", "别人"))
                .andExpect(flash().attribute("error", containsString("没有找到")));
        mvc.perform(get("/retention/erasure").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("劳动者编号 " + w)));
    }
}
