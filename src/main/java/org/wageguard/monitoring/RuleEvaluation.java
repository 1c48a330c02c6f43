package org.wageguard.monitoring;

import org.wageguard.shared.AdvisoryLocks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.WorkingDays;
import org.wageguard.monitoring.rules.EvaluationContext;
import org.wageguard.monitoring.rules.RulePolicy;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.SpringFestivals;

/**
 * Runs the rules: every night over the last months for every project under way, and for one project's month whenever
 * its reconciliation changed. One run at a time across application instances (a PostgreSQL advisory lock held by the
 * run's transaction); a night whose lock is taken leaves the work to the instance holding it. The Spring Festival
 * window (rule 12, counted from the lunar new year) raises the severity of the arrears rules it names. Unresolved alerts past their deadline are
 * escalated after the nightly run.
 */
@Service
public class RuleEvaluation {

    /** The advisory-lock key of rule evaluation (Decree 724, Art. 27). */
    private static final long LOCK = 724_027L;

    public record Outcome(boolean ran, int created, int updated, int resolved, int escalated) {
        static Outcome skipped() {
            return new Outcome(false, 0, 0, 0, 0);
        }
    }

    private final List<RulePolicy> policies;
    private final Alerts alerts;
    private final RuleSettings settings;
    private final Projects projects;
    private final WageFacts wages;
    private final WorkingDays workingDays;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int lookbackMonths;
    private final SpringFestivals festivals;

    RuleEvaluation(List<RulePolicy> policies, Alerts alerts, RuleSettings settings, Projects projects, WageFacts wages,
            WorkingDays workingDays, JdbcClient jdbc, Clock clock,
            @Value("${wageguard.monitoring.lookback-months:3}") int lookbackMonths, SpringFestivals festivals) {
        this.festivals = festivals;
        this.policies = policies.stream().sorted(java.util.Comparator.comparing(RulePolicy::code)).toList();
        this.alerts = alerts;
        this.settings = settings;
        this.projects = projects;
        this.wages = wages;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lookbackMonths = lookbackMonths;
    }

    /** Every rule over the last months (and the standing rules), then escalation of overdue alerts. */
    @Transactional
    public Outcome evaluateAll() {
        if (!AdvisoryLocks.tryLockForTransaction(jdbc, LOCK)) {
            return Outcome.skipped();
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth current = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = lookbackMonths; i >= 1; i--) {
            months.add(current.minusMonths(i));
        }
        Outcome o = run(context(today, months, null), policy -> true);
        int escalated = alerts.escalateOverdue(today);
        return new Outcome(true, o.created(), o.updated(), o.resolved(), escalated);
    }

    /** The month-by-month rules for one project's month, after its data changed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome evaluateProjectMonth(long projectId, YearMonth month) {
        return evaluateProjectMonths(projectId, List.of(month));
    }

    /**
     * The month-by-month rules for several months of one project in one pass (the months an import changed): the
     * same alerts as evaluating each month alone, with each query run once for all of them.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome evaluateProjectMonths(long projectId, java.util.Collection<YearMonth> months) {
        AdvisoryLocks.lockForTransaction(jdbc, LOCK);
        LocalDate today = LocalDate.now(clock);
        return run(context(today, months.stream().distinct().sorted().toList(), projectId), RulePolicy::projectMonthly);
    }

    /** The given standing rules (not month by month) over every subject, after the data they read changed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome evaluateStanding(java.util.Set<RuleCode> rules) {
        AdvisoryLocks.lockForTransaction(jdbc, LOCK);
        return run(context(LocalDate.now(clock), List.of(), null), policy -> rules.contains(policy.code()));
    }

    private EvaluationContext context(LocalDate today, List<YearMonth> months, Long projectId) {
        Map<Long, ProjectSummary> underWay = new LinkedHashMap<>();
        projects.underWay().forEach(p -> underWay.put(p.id(), p));
        return new EvaluationContext(today, months, projectId, underWay, settings.snapshot(),
                (java.util.Collection<YearMonth> ms, Long p) -> wages.workerMonths(ms, p));
    }

    private Outcome run(EvaluationContext ctx, java.util.function.Predicate<RulePolicy> which) {
        int created = 0;
        int updated = 0;
        int resolved = 0;
        for (RulePolicy policy : policies) {
            if (policy.code().modifier() || !which.test(policy)) {
                continue;
            }
            List<Raised> raised = new ArrayList<>();
            Set<String> festive = new HashSet<>();
            for (Raised r : policy.evaluate(ctx)) {
                RuleParameters festival = ctx.params(RuleCode.R12, r.regionCode());
                boolean applies = festival.enabled() && festival.window(festivals, ctx.today()).isPresent()
                        && List.of(festival.value("rules").split(",")).contains(r.rule().name());
                if (applies) {
                    festive.add(r.key());
                    r = r.with(r.severity().raised(), r.reason() + Alerts.text("monitoring.festival.suffix"));
                }
                raised.add(r);
            }
            Alerts.Applied a = alerts.apply(policy.code(), policy.periods(ctx), ctx.projectId(), raised, festive,
                    ctx.today(), r -> workingDays.plus(ctx.today(),
                            ctx.params(r.rule(), r.regionCode()).integer("dueDays")));
            created += a.created();
            updated += a.updated();
            resolved += a.resolved();
        }
        return new Outcome(true, created, updated, resolved, 0);
    }
}
