package org.wageguard.workforce;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.payroll.Reconciliations;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.Projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wageguard.workforce.RosterSite.SYSTEM;
import static org.wageguard.workforce.RosterSite.applied;
import static org.wageguard.workforce.RosterSite.csv;

/**
 * Issue 17, "a new roster silently drops workers": a roster is a history. A November roster of other workers must not
 * turn September's and October's workers into "不在花名册" findings; a full roster ends the others' employment on its
 * effective date, after a preview that writes nothing; additions leave everyone in place.
 */
@DemoApplicationTest
class RosterHistoryTests {

    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final LocalDate NOVEMBER_ROSTER = LocalDate.of(2026, 11, 5);
    static final List<String> SIX = List.of("赵铁柱", "黄海波", "周小勇", "吴金凤", "徐长林", "孙建华");
    static final List<String> NOVEMBER_CREW = List.of("彭德华", "曾国强", "龚小明");

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired Reconciliations reconciliations;
    @Autowired Rosters rosters;

    RosterSite site() {
        return new RosterSite(jdbc, projects, realName, payroll, disbursements);
    }

    /** Six workers on the roster from 20 August, with September and October attendance, pay sheets and payments. */
    List<RosterSite.Worker> sixWorkersForTwoMonths(RosterSite site) {
        List<RosterSite.Worker> six = SIX.stream().map(n -> site.worker(SIX.indexOf(n) + 1, n)).toList();
        StringBuilder roster = new StringBuilder(RosterSite.ROSTER_HEADER);
        six.forEach(w -> roster.append(site.rosterLine(w, "钢筋班", "2026-08-20", null)));
        applied(realName.roster("花名册-8月.csv", csv(roster.toString()), false, SYSTEM));
        site.month(SEPTEMBER, six, 20);
        site.month(OCTOBER, six, 18);
        return six;
    }

    String novemberRoster(RosterSite site, List<String> names) {
        StringBuilder roster = new StringBuilder(RosterSite.ROSTER_HEADER);
        for (String n : names) {
            roster.append(site.rosterLine(site.worker(100 + names.indexOf(n), n), "木工班", "2026-11-02", null));
        }
        return roster.toString();
    }

    Set<String> findings(RosterSite site, YearMonth month) {
        return reconciliations.findings(site.projectId, month).stream()
                .map(f -> f.rule() + "|" + f.workerName() + "|" + f.detail()).collect(Collectors.toSet());
    }

    long notOnRoster(RosterSite site, YearMonth month) {
        return reconciliations.findings(site.projectId, month).stream().filter(f -> f.rule().name().equals("NOT_ON_ROSTER"))
                .count();
    }

    @Test
    void ledgerKeptPerDecree724Article28_aConfirmedNovemberFullRosterOfOtherWorkersKeepsSeptemberAndOctoberReconciledAgainstTheirOwnRoster() {
        RosterSite site = site();
        sixWorkersForTwoMonths(site);
        Set<String> september = findings(site, SEPTEMBER);
        Set<String> october = findings(site, OCTOBER);
        assertThat(notOnRoster(site, SEPTEMBER)).isZero();
        assertThat(notOnRoster(site, OCTOBER)).isZero();

        String file = novemberRoster(site, NOVEMBER_CREW);
        RosterPreview preview = realName.previewRoster("花名册-11月.csv", csv(file), false, RosterMode.FULL,
                NOVEMBER_ROSTER, SYSTEM);
        ImportOutcome outcome = applied(realName.roster("花名册-11月.csv", csv(file), false, RosterMode.FULL,
                NOVEMBER_ROSTER, preview.leavingIds(), SYSTEM));
        assertThat(outcome.left()).isEqualTo(6);
        assertThat(outcome.rows()).isEqualTo(3);

        // The import re-reconciled every month of the project; September and October read the roster in force then.
        assertThat(notOnRoster(site, SEPTEMBER)).isZero();
        assertThat(notOnRoster(site, OCTOBER)).isZero();
        assertThat(findings(site, SEPTEMBER)).isEqualTo(september);
        assertThat(findings(site, OCTOBER)).isEqualTo(october);
        reconciliations.reconcile(site.projectId, SEPTEMBER);
        assertThat(findings(site, SEPTEMBER)).isEqualTo(september);
        assertThat(reconciliations.run(site.projectId, SEPTEMBER).orElseThrow().red()).isZero();

        // The six left on the November roster's date; the three are on site.
        var departed = rosters.departed(site.projectId);
        assertThat(departed).extracting(d -> d.line().name()).containsExactlyInAnyOrderElementsOf(SIX);
        assertThat(departed).allSatisfy(d -> {
            assertThat(d.line().exitDate()).isEqualTo(NOVEMBER_ROSTER);
            assertThat(d.line().entryDate()).isEqualTo(LocalDate.of(2026, 8, 20));
            assertThat(d.byFullRoster()).isTrue();
            assertThat(d.exitFileName()).isEqualTo("花名册-11月.csv");
        });
        assertThat(rosters.roster(site.projectId)).extracting(Rosters.Line::name)
                .containsExactlyInAnyOrderElementsOf(NOVEMBER_CREW);
        // Nothing deleted: the six's lines as the August file said them are still there, not current.
        assertThat(site.count("SELECT count(*) FROM employment WHERE project_id = :p AND NOT current")).isEqualTo(6);
        // November's roster in force holds all nine (the six were on site until the 5th); December's only the three.
        assertThat(rosters.rosterForProcessing(site.projectId, YearMonth.of(2026, 11))).hasSize(9);
        assertThat(rosters.rosterForProcessing(site.projectId, YearMonth.of(2026, 12))).extracting(Rosters.RosterRecord::name)
                .containsExactlyInAnyOrderElementsOf(NOVEMBER_CREW);
        assertThat(jdbc.sql("""
                SELECT roster_mode || '/' || effective_date || '/' || left_count FROM data_import
                 WHERE project_id = :p AND kind = 'ROSTER' ORDER BY id""").param("p", site.projectId)
                .query(String.class).list()).containsExactly("ADDITIONS/" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "/0",
                "FULL/2026-11-05/6");
    }

    @Test
    void additionsKeepEveryoneAndUpdateTheLinesTheyList() {
        RosterSite site = site();
        List<RosterSite.Worker> six = sixWorkersForTwoMonths(site);
        RosterSite.Worker moved = six.get(0);
        String file = novemberRoster(site, NOVEMBER_CREW) + site.rosterLine(moved, "木工班", "2026-08-20", null);
        ImportOutcome outcome = applied(realName.roster("花名册-新增.csv", csv(file), false, RosterMode.ADDITIONS, null,
                null, SYSTEM));
        assertThat(outcome.left()).isZero();
        assertThat(outcome.rows()).isEqualTo(4);

        assertThat(rosters.roster(site.projectId)).extracting(Rosters.Line::name)
                .containsExactlyInAnyOrderElementsOf(concat(SIX, NOVEMBER_CREW));
        assertThat(rosters.departed(site.projectId)).isEmpty();
        assertThat(rosters.roster(site.projectId)).filteredOn(l -> l.name().equals(moved.name()))
                .extracting(Rosters.Line::team).containsExactly("木工班");
        // The line it replaced stays, not current.
        assertThat(jdbc.sql("SELECT team FROM employment WHERE project_id = :p AND NOT current").param("p", site.projectId)
                .query(String.class).list()).containsExactly("钢筋班");
        assertThat(notOnRoster(site, SEPTEMBER)).isZero();
        assertThat(notOnRoster(site, OCTOBER)).isZero();
        // The same file again changes nothing.
        ImportOutcome again = applied(realName.roster("花名册-新增.csv", csv(file), false, RosterMode.ADDITIONS, null,
                null, SYSTEM));
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.rows()).isZero();
    }

    @Test
    void aPreviewListsExactlyTheLeaversAndWritesNothingUntilConfirmed() {
        RosterSite site = site();
        List<RosterSite.Worker> six = sixWorkersForTwoMonths(site);
        // 徐长林 already left on 31 October by the file: not a leaver again.
        applied(realName.roster("花名册-退场.csv", csv(RosterSite.ROSTER_HEADER
                + site.rosterLine(six.get(4), "钢筋班", "2026-08-20", "2026-10-31")), false, SYSTEM));
        // The November roster keeps 赵铁柱, 黄海波 and 周小勇 and adds one newcomer.
        String file = RosterSite.ROSTER_HEADER + six.subList(0, 3).stream()
                .map(w -> site.rosterLine(w, "钢筋班", "2026-08-20", null)).collect(Collectors.joining())
                + site.rosterLine(site.worker(200, "谭志勇"), "泥工班", "2026-11-02", null);
        String counts = """
                SELECT (SELECT count(*) FROM employment WHERE project_id = :p) * 1000000
                     + (SELECT count(*) FROM data_import WHERE project_id = :p) * 1000
                     + (SELECT count(*) FROM employment WHERE project_id = :p AND current)""";
        long before = site.count(counts);
        String runs = "SELECT coalesce(sum(extract(epoch FROM run_at))::bigint, 0) FROM reconciliation_run WHERE project_id = :p";
        long runsBefore = site.count(runs);

        RosterPreview preview = realName.previewRoster("花名册-11月.csv", csv(file), false, RosterMode.FULL,
                NOVEMBER_ROSTER, SYSTEM);
        assertThat(preview.refused()).isNull();
        assertThat(preview.projects()).hasSize(1);
        var changes = preview.projects().get(0);
        assertThat(changes.projectCode()).isEqualTo(site.code);
        assertThat(changes.leaving()).extracting(RosterPreview.Leaver::name).containsExactlyInAnyOrder("吴金凤", "孙建华");
        assertThat(changes.leaving()).allSatisfy(l -> {
            assertThat(l.idNumberMasked()).matches("430981\\*{8}[0-9]{3}[0-9X]");
            assertThat(l.entryDate()).isEqualTo(LocalDate.of(2026, 8, 20));
        });
        assertThat(changes.joining()).isEqualTo(1);
        assertThat(changes.unchanged()).isEqualTo(3);
        assertThat(changes.changing()).isZero();
        assertThat(site.count(counts)).as("a preview writes nothing").isEqualTo(before);
        assertThat(site.count(runs)).as("nor reconciles").isEqualTo(runsBefore);

        // Confirming what another preview showed is refused whole.
        assertThatThrownBy(() -> realName.roster("花名册-11月.csv", csv(file), false, RosterMode.FULL, NOVEMBER_ROSTER,
                Set.of(-1L), SYSTEM)).isInstanceOf(RosterChangedException.class).hasMessageContaining("未导入任何数据");
        assertThat(site.count(counts)).isEqualTo(before);

        ImportOutcome outcome = applied(realName.roster("花名册-11月.csv", csv(file), false, RosterMode.FULL,
                NOVEMBER_ROSTER, preview.leavingIds(), SYSTEM));
        assertThat(outcome.left()).isEqualTo(2);
        assertThat(rosters.departed(site.projectId)).extracting(d -> d.line().name() + " " + d.line().exitDate())
                .containsExactlyInAnyOrder("吴金凤 2026-11-05", "孙建华 2026-11-05", "徐长林 2026-10-31");
        assertThat(rosters.roster(site.projectId)).extracting(Rosters.Line::name)
                .containsExactlyInAnyOrder("赵铁柱", "黄海波", "周小勇", "谭志勇");
    }

    @Test
    void aFullRosterIsAllOrNothingAndItsDateCannotBeInTheFuture() {
        RosterSite site = site();
        sixWorkersForTwoMonths(site);
        String bad = novemberRoster(site, NOVEMBER_CREW) + site.code + ",123,无效行,6228,木工班,Y,2026-11-31,\n";
        // "Only the good rows" does not apply to a full roster: a skipped row would make its worker leave.
        RosterPreview preview = realName.previewRoster("坏.csv", csv(bad), true, RosterMode.FULL, NOVEMBER_ROSTER, SYSTEM);
        assertThat(preview.refused()).isNotNull();
        assertThat(preview.problems()).extracting(p -> p.reason()).anyMatch(r -> r.contains("日期"));
        ImportOutcome refused = realName.roster("坏.csv", csv(bad), true, RosterMode.FULL, NOVEMBER_ROSTER, null, SYSTEM);
        assertThat(refused.applied()).isFalse();
        assertThat(rosters.departed(site.projectId)).isEmpty();
        assertThatThrownBy(() -> realName.previewRoster("r.csv", csv(novemberRoster(site, NOVEMBER_CREW)), false,
                RosterMode.FULL, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1), SYSTEM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能晚于今天");
    }

    @Test
    void aWorkerWhoComesBackAfterLeavingStartsANewPeriodAndKeepsTheOldOne() {
        RosterSite site = site();
        List<RosterSite.Worker> six = sixWorkersForTwoMonths(site);
        String november = novemberRoster(site, NOVEMBER_CREW);
        RosterPreview preview = realName.previewRoster("11月.csv", csv(november), false, RosterMode.FULL,
                NOVEMBER_ROSTER, SYSTEM);
        applied(realName.roster("11月.csv", csv(november), false, RosterMode.FULL, NOVEMBER_ROSTER,
                preview.leavingIds(), SYSTEM));
        applied(realName.roster("回场.csv", csv(RosterSite.ROSTER_HEADER
                + site.rosterLine(six.get(0), "钢筋班", "2026-12-01", null)), false, SYSTEM));
        assertThat(rosters.departed(site.projectId)).filteredOn(d -> d.line().name().equals("赵铁柱"))
                .extracting(d -> d.line().entryDate() + "~" + d.line().exitDate()).containsExactly("2026-08-20~2026-11-05");
        assertThat(rosters.roster(site.projectId)).filteredOn(l -> l.name().equals("赵铁柱"))
                .extracting(l -> l.entryDate().toString()).containsExactly("2026-12-01");
        assertThat(notOnRoster(site, SEPTEMBER)).isZero();
        assertThat(rosters.coverage(site.projectId, SEPTEMBER).rostered()).isEqualTo(6);
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
