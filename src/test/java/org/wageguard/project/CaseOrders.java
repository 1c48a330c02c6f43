package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseHandling;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.employer.TestEmployers;
import org.wageguard.identity.Logins;
import org.wageguard.shared.MobilePhone;

/**
 * A project of its own with its wage deposit lodged, and an order to pay (限期改正指令书) of a case on a project, served
 * as casework serves it: what a deposit draw rests on, for tests of the draw on the project page and on the case page.
 */
@Component
public class CaseOrders {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final CaseIntake intake;
    private final CaseHandling handling;
    private final JdbcClient jdbc;
    private final Logins logins;
    private final Projects projects;
    private final WageDeposits deposits;

    CaseOrders(CaseIntake intake, CaseHandling handling, JdbcClient jdbc, Logins logins, Projects projects, WageDeposits deposits) {
        this.intake = intake;
        this.handling = handling;
        this.jdbc = jdbc;
        this.logins = logins;
        this.projects = projects;
        this.deposits = deposits;
    }

    /** A project under construction in 沅江市 with a contractor of its own and {@code deposit} yuan lodged a year ago. */
    public long projectWithDeposit(String deposit) {
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        long contractor = jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id, registered_on)
                VALUES (:name, :code, '47', '430981', 'GENERAL_CONTRACTOR', :d, DATE '2015-01-01') RETURNING id
                """).param("name", "沅江市动用测试建工有限公司" + SEQ.incrementAndGet()).param("code", TestEmployers.newCreditCode())
                .param("d", housing).query(Long.class).single();
        String code = "DY-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        LocalDate contract = handling.today().minusYears(1);
        long project = projects.register(new ProjectDraft(code, "保证金动用测试项目" + code, "430981", housing, owner, contractor,
                null, null, null, false, new BigDecimal("10000000"), null, contract, contract, null,
                ProjectStatus.UNDER_CONSTRUCTION));
        deposits.deposit(project, WageDeposits.MovementKind.DEPOSIT, new BigDecimal(deposit), contract.plusDays(10), "测试缴存");
        return project;
    }

    /** A coordinated case on {@code projectId}, one worker owed {@code owed}, ordered to pay; the order's id. */
    public long served(long projectId, String owed, LocalDate servedOn, LocalDate deadline) {
        long id = intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "谭建军", MobilePhone.of("13907371602"), false,
                null, "动用依据测试劳务公司", projectId, "430981", "E", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31),
                "拖欠工资", List.of(new Intake.Claimant("谭建军", null, new BigDecimal(owed))), null, null));
        handling.accept(id, version(id), logins.principal("jiancha"));
        handling.coordinate(id, version(id), logins.principal("jiancha"));
        handling.serveOrder(id, version(id), logins.principal("jiancha"), null, servedOn, deadline, new BigDecimal(owed));
        return jdbc.sql("SELECT id FROM payment_order WHERE case_id = :c").param("c", id).query(Long.class).single();
    }

    private int version(long caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }
}
