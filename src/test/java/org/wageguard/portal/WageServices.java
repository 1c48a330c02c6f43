package org.wageguard.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.payroll.PayrollLedger;
import org.wageguard.payroll.Reconciliations;
import org.wageguard.project.Projects;
import org.wageguard.workforce.RealNameImports;
import org.wageguard.workforce.Workers;

/**
 * For the wage self-service tests: workers enrolled on a demo project's roster, and the service as the application
 * wires it but on another clock (an hour later, without waiting) or with another code sender (no SMS gateway).
 */
@Component
public class WageServices {

    /** Who the tests' imports are made as. */
    public static final OfficerPrincipal SYSTEM = new OfficerPrincipal(0, "system", "测试", "", true, false, false,
            "430981", null, null, "测试", Set.of(), Set.of(),
            new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0));

    private final JdbcClient jdbc;
    private final Workers workers;
    private final PayrollLedger ledger;
    private final Reconciliations reconciliations;
    private final Projects projects;
    private final SensitiveData sensitive;
    private final CodeSender sender;
    private final PortalSubmissions submissions;
    private final OperationLog operationLog;
    private final RealNameImports realName;
    private final Clock clock;

    WageServices(JdbcClient jdbc, Workers workers, PayrollLedger ledger, Reconciliations reconciliations,
            Projects projects, SensitiveData sensitive, CodeSender sender, PortalSubmissions submissions,
            OperationLog operationLog, RealNameImports realName, Clock clock) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.ledger = ledger;
        this.reconciliations = reconciliations;
        this.projects = projects;
        this.sensitive = sensitive;
        this.sender = sender;
        this.submissions = submissions;
        this.operationLog = operationLog;
        this.realName = realName;
        this.clock = clock;
    }

    static ByteArrayInputStream csv(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Enrols workers: rows of 项目编号,身份证号,姓名,手机号,工资卡号,是否签订劳动合同,进场日期. */
    public void enrol(String rows) {
        realName.roster("r.csv", csv("项目编号,身份证号,姓名,手机号,工资卡号,是否签订劳动合同,进场日期\n" + rows), false,
                SYSTEM);
    }

    public WageSelfService at(Clock other) {
        return new WageSelfService(jdbc, workers, ledger, reconciliations, projects, sensitive, sender, submissions,
                operationLog, other);
    }

    public WageSelfService sendingWith(CodeSender other) {
        return new WageSelfService(jdbc, workers, ledger, reconciliations, projects, sensitive, other, submissions,
                operationLog, clock);
    }
}
