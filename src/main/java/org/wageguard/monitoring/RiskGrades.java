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

/**
 * Risk grades of projects and employers — green, yellow, orange, red — computed when asked from open alerts, open
 * cases, compliance gaps and credit listings, with every contributing factor named so that an officer can say why a
 * project is red. The grade is the most serious factor's.
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
        List<Alerts.Alert> open = alerts.unresolved(scope);
        Map<Long, Integer> openCases = cases.openByProject();
        Map<Long, Map<ComplianceKind, ComplianceItems.Item>> matrix = compliance
                .matrix(list.stream().map(ProjectSummary::id).toList());
        LocalDate today = LocalDate.now(clock);
        Set<Long> blacklisted = employers.listedOn(CreditListKind.BLACKLIST, today);
        Set<Long> attention = employers.listedOn(CreditListKind.KEY_ATTENTION, today);
        List<Risk> risks = new ArrayList<>();
        for (ProjectSummary p : list) {
            List<Factor> factors = new ArrayList<>();
            open.stream().filter(a -> a.projectId() != null && a.projectId() == p.id()).forEach(a -> factors.add(alert(a)));
            caseFactor(openCases.getOrDefault(p.id(), 0), "/cases?keyword=" + encode(p.name()), factors);
            List<String> gaps = matrix.getOrDefault(p.id(), Map.of()).values().stream()
                    .filter(i -> i.status() == ComplianceStatus.MISSING || i.status() == ComplianceStatus.EXPIRED)
                    .map(i -> text("monitoring.compliance." + i.kind().name())).toList();
            if (!gaps.isEmpty()) {
                factors.add(new Factor(gaps.size() >= 3 ? Grade.ORANGE : Grade.YELLOW,
                        text("monitoring.risk.compliance", gaps.size(), String.join("、", gaps)),
                        "/projects/" + p.id()));
            }
            listingFactors(p.generalContractorId(), p.generalContractorName(), blacklisted, attention, factors);
            risks.add(risk(SubjectKind.PROJECT, p.id(), p.name(), p.regionCode(), p.departmentId(), factors));
        }
        risks.sort(ORDER);
        return risks;
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

    /** One project's grade (for its page and the journey "why is it red"). */
    public java.util.Optional<Risk> project(DataScope scope, long projectId) {
        return projects(scope).stream().filter(r -> r.id() == projectId).findFirst();
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
