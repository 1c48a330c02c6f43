package org.wageguard.workforce.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.RealNameStanding;
import org.wageguard.workforce.RealNameDataChanged;
import org.wageguard.workforce.Rosters;

/**
 * The real-name figures the project module derives 实名制管理 from (Decree 724 Art. 28): the coverage and update rate
 * {@link Rosters#coverage} computes, of the last finished month with workers on the roster (this month so far for a
 * roster that began this month), judged by the same standard as early-warning rule 9. A roster import that committed
 * has the project's items derived again at once (attendance imports reach them through the reconciliation they run).
 */
@Component
class RosterComplianceFigures implements RealNameStanding {

    static final String STANDARD = "考勤覆盖率100%、考勤更新率85%的标准";

    private final Rosters rosters;
    private final ComplianceItems compliance;

    RosterComplianceFigures(Rosters rosters, ComplianceItems compliance) {
        this.rosters = rosters;
        this.compliance = compliance;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(RealNameDataChanged changed) {
        compliance.reevaluate(changed.projectId());
    }

    @Override
    public Optional<Figures> figures(long projectId, LocalDate today) {
        YearMonth thisMonth = YearMonth.from(today);
        Rosters.Coverage c = rosters.coverage(projectId, thisMonth.minusMonths(1));
        if (c.rostered() == 0) {
            c = rosters.coverage(projectId, thisMonth);
        }
        if (c.rostered() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Figures(c.month(), c.rostered(), c.attended(), c.coverageRate(), c.daysWithUpdates(),
                c.days(), c.updateRate(), !c.belowStandard(), STANDARD));
    }
}
