package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wageguard.project.ProjectDraft;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.WageDeposits;
import org.wageguard.workforce.TestIds;

/**
 * A county's winter with a known truth (issue 21): projects in 南县 (430921, a county of no demo account) whose
 * workers attend the first 20 days of October to January and are paid — or not — as each kind of payer does, every
 * file through the real imports. The true exposure of each project as of {@link #AS_OF} follows from the construction:
 * <ul>
 * <li>ON_TIME pays each month in full on the 10th of the next: January's 20 days are owed;</li>
 * <li>LATE pays October only: November to January, 60 days;</li>
 * <li>PARTIAL pays October in full and half of November and of December: 60 days less the halves paid;</li>
 * <li>VANISHED: the contractor left on 10 December with no pay sheet and no payment; the daily rate is the project's
 * labor-cost schedule (October's 30,000 yuan over its 120 person-days = 250 yuan); 50 days owed, none lately;</li>
 * <li>SMALL, a late payer of two workers: December and January owed.</li>
 * </ul>
 * Worker i earns 200 + 10·i yuan a day.
 */
final class WinterGenerator {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 31);
    static final String COUNTY = "430921";
    static final List<YearMonth> MONTHS = List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12),
            YearMonth.of(2026, 1));
    static final int DAYS = 20;

    static final org.wageguard.identity.OfficerPrincipal SENDER = new org.wageguard.identity.OfficerPrincipal(0, "system",
            "测试", "", true, false, false, COUNTY, null, null, "测试", java.util.Set.of(), java.util.Set.of(),
            new org.wageguard.identity.DataScope(org.wageguard.identity.DataScopeType.REGION, COUNTY, java.util.Set.of(),
                    null, null, 0));

    enum Payer { ON_TIME, LATE, PARTIAL, VANISHED, SMALL }

    /** A generated project with its true exposure and the true daily rate of each worker. */
    record Planted(Payer payer, long projectId, String code, BigDecimal trueExposure, Map<String, BigDecimal> rates) {
    }

    private final Scenario.Beans beans;
    private final ProjectParties parties;
    private final WageDeposits deposits;

    WinterGenerator(Scenario.Beans beans, ProjectParties parties, WageDeposits deposits) {
        this.beans = beans;
        this.parties = parties;
        this.deposits = deposits;
    }

    static BigDecimal rate(int i) {
        return BigDecimal.valueOf(200 + 10L * i);
    }

    static String id(int project, int worker) {
        return TestIds.valid(String.format("430921%04d0101%03d", 1970 + project, worker));
    }

    List<Planted> generate() {
        List<Planted> planted = new ArrayList<>();
        int n = 0;
        for (Payer payer : Payer.values()) {
            planted.add(project(payer, n++));
        }
        return planted;
    }

    private Planted project(Payer payer, int p) {
        long owner = beans.jdbc().sql("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'").query(Long.class).single();
        long contractor = beans.jdbc().sql("SELECT id FROM employer WHERE name = '湖南华盛建设工程有限公司'").query(Long.class).single();
        long housing = beans.jdbc().sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        String code = "NX-WINTER-" + payer;
        long projectId = beans.projects().register(new ProjectDraft(code, "南县冬季测算项目" + payer, COUNTY, housing, owner,
                contractor, null, null, null, false, new BigDecimal("20000000"), null, LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 9, 1), null, ProjectStatus.UNDER_CONSTRUCTION, "47"));
        Scenario s = new Scenario(beans, code, projectId).as(SENDER);
        int workers = payer == Payer.SMALL ? 2 : 6;
        BigDecimal truth = BigDecimal.ZERO;
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (int i = 0; i < workers; i++) {
            String id = id(p, i);
            String name = "南县工人" + p + "-" + i;
            String card = String.format("62284809%03d%08d", p, i);
            BigDecimal rate = payer == Payer.VANISHED ? BigDecimal.valueOf(250) : rate(i);
            rates.put(name, rate);
            s.worker(id, name, card, true, "2025-09-20", null);
            for (YearMonth m : MONTHS) {
                boolean last = m.equals(MONTHS.get(MONTHS.size() - 1));
                if (payer == Payer.VANISHED) {
                    if (m.equals(YearMonth.of(2025, 12))) {
                        s.attend(id, m, 10, "8");
                        truth = truth.add(rate.multiply(BigDecimal.TEN));
                    } else if (!last) {
                        s.attend(id, m, DAYS, "8");
                        truth = truth.add(rate.multiply(BigDecimal.valueOf(DAYS)));
                    }
                    continue;
                }
                s.attend(id, m, DAYS, "8");
                BigDecimal wage = rate.multiply(BigDecimal.valueOf(DAYS));
                if (last) {
                    truth = truth.add(wage); // January: no pay sheet yet, nothing paid
                    continue;
                }
                s.pay(id, name, m, DAYS, wage.toPlainString());
                BigDecimal paid = switch (payer) {
                    case ON_TIME -> wage;
                    case LATE -> m.getMonthValue() == 10 ? wage : BigDecimal.ZERO;
                    case SMALL -> m.getMonthValue() == 12 ? BigDecimal.ZERO : wage;
                    case PARTIAL -> m.getMonthValue() == 10 ? wage : wage.divide(BigDecimal.valueOf(2));
                    case VANISHED -> BigDecimal.ZERO;
                };
                if (paid.signum() > 0) {
                    s.paid(id, name, card, m, paid.toPlainString());
                }
                truth = truth.add(wage.subtract(paid));
            }
        }
        s.send();
        if (payer == Payer.VANISHED) {
            parties.schedule(projectId, YearMonth.of(2025, 10), new BigDecimal("30000"));
        }
        if (payer == Payer.PARTIAL) {
            deposits.deposit(projectId, WageDeposits.MovementKind.DEPOSIT, new BigDecimal("10000"), LocalDate.of(2025, 9, 5),
                    "测试：工资保证金");
        }
        return new Planted(payer, projectId, code, truth, rates);
    }
}
