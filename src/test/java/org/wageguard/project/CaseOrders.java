package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseHandling;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.identity.Logins;
import org.wageguard.shared.MobilePhone;

/**
 * An order to pay (限期改正指令书) of a case on a project, served as casework serves it: what the project page's deposit
 * draw is chosen from.
 */
@Component
public class CaseOrders {

    private final CaseIntake intake;
    private final CaseHandling handling;
    private final JdbcClient jdbc;
    private final Logins logins;

    CaseOrders(CaseIntake intake, CaseHandling handling, JdbcClient jdbc, Logins logins) {
        this.intake = intake;
        this.handling = handling;
        this.jdbc = jdbc;
        this.logins = logins;
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
