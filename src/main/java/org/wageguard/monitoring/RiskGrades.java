package org.wageguard.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.CaseFacts;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.EmployerSummary;
import org.wageguard.employer.Employers;
import org.wageguard.identity.DataScope;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.ComplianceStatus;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.RegionCode;

/**
 * Risk grades of projects and employers — green, yellow, orange, red — computed when asked from open alerts, open
 * cases, compliance gaps and credit listings, with every contributing factor named so that an officer can say why a
 * project is red. The grade is the most serious factor's. One project's grade is computed from that project's facts
 * alone; the regions' overview (风险等级 by town or county, one level below the officer's region) gives each region the
 * most serious grade of its projects and employers with the counts behind it.
 */
@Service
@Transactional(readOnly = true)
public class RiskGrades {

    public enum Grade {
        GREEN, YELLOW, ORANGE, RED;

        static Grade of(Severity s) {
            return switch (s) {
                case RED -> RED;
                case ORANGE -> ORANGE;
                case YELLOW -> YELLOW;
            };
        }
    }

    public record Factor(Grade grade, String text, String link) {
    }

    public record Risk(SubjectKind kind, long id, String name, String regionCode, Long departmentId, Grade grade,
            List<Factor> factors) {
    }

    /**
     * One region (a town under a county, a county under a city, a city under a province) at a glance: its grade (the
     * most serious of its projects' and employers'), its projects by grade ({@code projectsByGrade[grade.ordinal()]}),
     * its employers with a risk factor, its unresolved alerts (and how many red) and its projects' open cases.
     */
    public record RegionRisk(String regionCode, Grade grade, int projects, long[] projectsByGrade, int employers,
            int openAlerts, int redAlerts, int openCases) {

        public long projectsOf(Grade g) {
            return projectsByGrade[g.ordinal()];
        }
    }

    private final Alerts alerts;
    private final Projects projects;
    private final Employers employers;
    private final ComplianceItems compliance;
    private final CaseFacts cases;
    private final Clock clock;

    RiskGrades(Alerts alerts, Projects projects, Employers employers, ComplianceItems compliance, CaseFacts cases,
            Clock clock) {
        this.alerts = alerts;
        this.projects = projects;
        this.employers = employers;
        this.compliance = compliance;
        this.cases = cases;
        this.clock = clock;
    }

    private static String text(String key, Object... args) {
        return Alerts.text(key, args);
    }

    /** Every project in scope with its grade, reddest first. */
    public List<Risk> projects(DataScope scope) {
        List<ProjectSummary> list = projects.all(scope, Projects.Filter.none());
        return projects(list, facts(list, alerts.unresolved(scope), cases.openByProject()));
    }

    private List<Risk> projects(List<ProjectSummary> list, Facts facts) {
        List<Risk> risks = new ArrayList<>();
        for (ProjectSummary p : list) {
            risks.add(grade(p, facts));
        }
        risks.sort(ORDER);
        return risks;
    }

    /** The risk page at once: projects and employers (with a factor) in scope, and the regions below {@code parent}. */
    public record Overview(List<Risk> projects, List<Risk> employers, List<RegionRisk> regions) {
    }

    public Overview overview(DataScope scope, String parent) {
        List<ProjectSummary> list = projects.all(scope, Projects.Filter.none());
        List<Alerts.Alert> open = alerts.unresolved(scope);
        Map<Long, Integer> openCases = cases.openByProject();
        List<Risk> projectRisks = projects(list, facts(list, open, openCases));
        List<Risk> employerRisks = employers(scope, false);
        return new Overview(projectRisks, employerRisks, regions(parent, projectRisks, employerRisks, open, openCases));
    }

    /** What a project's grade is read from, gathered once for the projects graded together. */
    private record Facts(List<Alerts.Alert> open, Map<Long, Integer> openCases,
            Map<Long, Map<ComplianceKind, ComplianceItems.Item>> matrix, Set<Long> blacklisted, Set<Long> attention) {
    }

    private Facts facts(List<ProjectSummary> list, List<Alerts.Alert> open, Map<Long, Integer> openCases) {
        LocalDate today = LocalDate.now(clock);
        return new Facts(open, openCases, compliance.matrix(list.stream().map(ProjectSummary::id).toList()),
                employers.listedOn(CreditListKind.BLACKLIST, today), employers.listedOn(CreditListKind.KEY_ATTENTION, today));
    }

    private Risk grade(ProjectSummary p, Facts f) {
        List<Factor> factors = new ArrayList<>();
        f.open().stream().filter(a -> a.projectId() != null && a.projectId() == p.id()).forEach(a -> factors.add(alert(a)));
        caseFactor(f.openCases().getOrDefault(p.id(), 0), "/cases?keyword=" + encode(p.name()), factors);
        List<String> gaps = f.matrix().getOrDefault(p.id(), Map.of()).values().stream()
                .filter(i -> i.status() == ComplianceStatus.MISSING || i.status() == ComplianceStatus.EXPIRED)
                .map(i -> text("monitoring.compliance." + i.kind().name())).toList();
        if (!gaps.isEmpty()) {
            factors.add(new Factor(gaps.size() >= 3 ? Grade.ORANGE : Grade.YELLOW,
                    text("monitoring.risk.compliance", gaps.size(), String.join("、", gaps)), "/projects/" + p.id()));
        }
        listingFactors(p.generalContractorId(), p.generalContractorName(), f.blacklisted(), f.attention(), factors);
        return risk(SubjectKind.PROJECT, p.id(), p.name(), p.regionCode(), p.departmentId(), factors);
    }

    /** Every employer in scope with its grade, reddest first (only those with a factor, or all with {@code all}). */
    public List<Risk> employers(DataScope scope, boolean all) {
        List<EmployerSummary> list = employers.choices(scope, Set.of());
        List<Alerts.Alert> open = alerts.unresolved(scope);
        Map<Long, Integer> openCases = cases.openByEmployer();
        LocalDate today = LocalDate.now(clock);
        Set<Long> blacklisted = employers.listedOn(CreditListKind.BLACKLIST, today);
        Set<Long> attention = employers.listedOn(CreditListKind.KEY_ATTENTION, today);
        List<Risk> risks = new ArrayList<>();
        for (EmployerSummary e : list) {
            List<Factor> factors = new ArrayList<>();
            open.stream().filter(a -> a.employerId() != null && a.employerId() == e.id()).forEach(a -> factors.add(alert(a)));
            caseFactor(openCases.getOrDefault(e.id(), 0), "/cases?keyword=" + encode(e.name()), factors);
            listingFactors(e.id(), e.name(), blacklisted, attention, factors);
            if (all || !factors.isEmpty()) {
                risks.add(risk(SubjectKind.EMPLOYER, e.id(), e.name(), e.regionCode(), e.supervisingDepartmentId(), factors));
            }
        }
        risks.sort(ORDER);
        return risks;
    }

    /**
     * One project's grade (for its page and the journey "why is it red"), from that project's own alerts, cases,
     * compliance items and its contractor's listings — without grading the other projects.
     */
    public java.util.Optional<Risk> project(DataScope scope, long projectId) {
        return projects.find(scope, projectId).map(p -> grade(p, facts(List.of(p),
                alerts.all(scope, new Alerts.Filter(null, null, null, null, null, projectId, null, true)),
                Map.of(projectId, cases.openOfProject(projectId)))));
    }

    /**
     * The regions one level below {@code parent} (the officer's region): for a county its towns, for a city its
     * counties, for a province its cities; a project or employer registered at the parent's own level counts under
     * the parent itself. Reddest first, then by code.
     */
    List<RegionRisk> regions(String parent, List<Risk> projectRisks, List<Risk> employerRisks,
            List<Alerts.Alert> open, Map<Long, Integer> openCases) {
        Map<String, long[]> byGrade = new java.util.TreeMap<>();
        Map<String, Grade> grade = new java.util.HashMap<>();
        Map<String, int[]> counts = new java.util.HashMap<>(); // projects, employers, alerts, red alerts, cases
        for (Risk r : projectRisks) {
            String key = regionUnder(parent, r.regionCode());
            byGrade.computeIfAbsent(key, k -> new long[Grade.values().length])[r.grade().ordinal()]++;
            grade.merge(key, r.grade(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            int[] c = counts.computeIfAbsent(key, k -> new int[5]);
            c[0]++;
            c[4] += openCases.getOrDefault(r.id(), 0);
        }
        for (Risk r : employerRisks) {
            if (r.factors().isEmpty() || r.regionCode() == null) {
                continue;
            }
            String key = regionUnder(parent, r.regionCode());
            byGrade.computeIfAbsent(key, k -> new long[Grade.values().length]);
            grade.merge(key, r.grade(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            counts.computeIfAbsent(key, k -> new int[5])[1]++;
        }
        for (Alerts.Alert a : open) {
            String key = regionUnder(parent, a.regionCode());
            byGrade.computeIfAbsent(key, k -> new long[Grade.values().length]);
            grade.merge(key, Grade.of(a.severity()), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            int[] c = counts.computeIfAbsent(key, k -> new int[5]);
            c[2]++;
            if (a.severity() == Severity.RED) {
                c[3]++;
            }
        }
        List<RegionRisk> list = new ArrayList<>();
        byGrade.forEach((code, n) -> {
            int[] c = counts.get(code);
            list.add(new RegionRisk(code, grade.getOrDefault(code, Grade.GREEN), c[0], n, c[1], c[2], c[3], c[4]));
        });
        list.sort(Comparator.comparing(RegionRisk::grade).reversed().thenComparing(RegionRisk::regionCode));
        return list;
    }

    /** The region one level below the parent that a code belongs to (the parent itself for its own level). */
    static String regionUnder(String parent, String code) {
        if (code == null || parent == null) {
            return code;
        }
        RegionCode top;
        RegionCode x;
        try {
            top = RegionCode.of(parent);
            x = RegionCode.of(code);
        } catch (org.wageguard.shared.InvalidIdentifierException e) {
            return code;
        }
        if (!top.contains(x) || x.value().equals(parent)) {
            return x.value().equals(parent) ? parent : code;
        }
        while (x.parent().isPresent() && !x.parent().get().value().equals(parent)) {
            x = x.parent().get();
        }
        return x.parent().isPresent() ? x.value() : parent;
    }

    private static final Comparator<Risk> ORDER = Comparator.comparing(Risk::grade).reversed()
            .thenComparing(r -> -r.factors().size()).thenComparing(Risk::name);

    private static Factor alert(Alerts.Alert a) {
        return new Factor(Grade.of(a.severity()), text("monitoring.risk.alert", text("monitoring.severity." + a.severity()),
                text("monitoring.rule." + a.rule().name() + ".name"), periodLabel(a.period()), a.reason()),
                "/monitoring/alerts/" + a.id());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String periodLabel(String period) {
        return "STANDING".equals(period) ? text("monitoring.period.standing") : period;
    }

    private static void caseFactor(int n, String link, List<Factor> factors) {
        if (n > 0) {
            factors.add(new Factor(n >= 2 ? Grade.ORANGE : Grade.YELLOW, text("monitoring.risk.cases", n), link));
        }
    }

    private static void listingFactors(long employerId, String name, Set<Long> blacklisted, Set<Long> attention,
            List<Factor> factors) {
        if (blacklisted.contains(employerId)) {
            factors.add(new Factor(Grade.RED, text("monitoring.risk.blacklisted", name), "/employers/" + employerId));
        } else if (attention.contains(employerId)) {
            factors.add(new Factor(Grade.ORANGE, text("monitoring.risk.attention", name), "/employers/" + employerId));
        }
    }

    private static Risk risk(SubjectKind kind, long id, String name, String region, Long dept, List<Factor> factors) {
        factors.sort(Comparator.comparing(Factor::grade).reversed());
        Grade grade = factors.stream().map(Factor::grade).max(Comparator.naturalOrder()).orElse(Grade.GREEN);
        return new Risk(kind, id, name, region, dept, grade, factors);
    }
}
