package org.wageguard.payroll.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.payroll.PayrollLedger;
import org.wageguard.payroll.Reconciliations;
import org.wageguard.payroll.Reconciliations.StoredFinding;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.imports.LedgerWorkbook;
import org.wageguard.workforce.Rosters;
import org.wageguard.workforce.Workers;

/** A project-month's findings by severity, each finding's evidence rows, the Excel export, and a worker's months. */
@Controller
class FindingsController {

    private final Projects projects;
    private final Reconciliations reconciliations;
    private final PayrollLedger ledger;
    private final Rosters rosters;
    private final Workers workers;

    FindingsController(Projects projects, Reconciliations reconciliations, PayrollLedger ledger, Rosters rosters,
            Workers workers) {
        this.projects = projects;
        this.reconciliations = reconciliations;
        this.ledger = ledger;
        this.rosters = rosters;
        this.workers = workers;
    }

    private ProjectSummary project(long id) {
        return ProjectMonthPages.visible(projects, id);
    }

    @GetMapping("/payroll/projects/{id}")
    @PreAuthorize("hasAuthority('payroll:findings:view')")
    String findings(@PathVariable long id, @RequestParam(required = false) String month, Model model) {
        ProjectSummary project = project(id);
        List<YearMonth> months = reconciliations.months(id);
        YearMonth selected = ProjectMonthPages.month(month, months.isEmpty() ? null : months.get(months.size() - 1));
        model.addAttribute("project", project);
        model.addAttribute("months", months);
        model.addAttribute("month", selected);
        if (selected != null) {
            List<StoredFinding> findings = reconciliations.findings(id, selected);
            Map<String, List<StoredFinding>> bySeverity = new LinkedHashMap<>();
            for (String s : List.of("red", "orange", "yellow")) {
                bySeverity.put(s, findings.stream().filter(f -> f.severity().equals(s)).toList());
            }
            model.addAttribute("bySeverity", bySeverity);
            model.addAttribute("run", reconciliations.run(id, selected).orElse(null));
            model.addAttribute("coverage", rosters.coverage(id, selected));
            model.addAttribute("lines", ledger.lines(id, selected, false));
            model.addAttribute("cashParts", reconciliations.signedCashParts(id, selected));
        }
        return "payroll/findings";
    }

    @GetMapping("/payroll/projects/{id}/findings/{findingId}")
    @PreAuthorize("hasAuthority('payroll:findings:view')")
    String evidence(@PathVariable long id, @PathVariable long findingId, Model model) {
        ProjectSummary project = project(id);
        StoredFinding finding = reconciliations.finding(id, findingId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        YearMonth month = finding.month();
        var payments = ledger.disbursements(id, month);
        List<PayrollLedger.Payment> related = new ArrayList<>();
        if (finding.workerId() != null) {
            var cards = rosters.projectsOf(finding.workerId(), List.of(id));
            var rosterCardHashes = new LinkedHashSet<String>();
            rosters.cardHash(finding.workerId(), id).ifPresent(rosterCardHashes::add);
            payments.stream().filter(p -> finding.workerId().equals(p.payeeWorkerId())
                    || p.payeeIdNumber() == null && rosterCardHashes.contains(p.cardHash())).forEach(related::add);
            model.addAttribute("employment", cards);
            model.addAttribute("attendance", rosters.attendanceDays(finding.workerId(), id, month));
            model.addAttribute("lines", ledger.linesOf(finding.workerId(), id, month));
        } else {
            payments.stream().filter(p -> p.cardHash().equals(finding.cardHash())
                    || finding.transactionIds().contains(p.transactionId())).forEach(related::add);
            model.addAttribute("cardHolders", finding.cardHash() == null ? List.of() : rosters.withCard(id, finding.cardHash()));
        }
        model.addAttribute("project", project);
        model.addAttribute("finding", finding);
        model.addAttribute("payments", related);
        return "payroll/evidence";
    }

    @GetMapping("/payroll/projects/{id}/findings.xlsx")
    @PreAuthorize("hasAuthority('payroll:findings:view')")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam String month) {
        ProjectSummary project = project(id);
        YearMonth m = ProjectMonthPages.month(month, null);
        List<List<?>> rows = new ArrayList<>();
        for (StoredFinding f : reconciliations.findings(id, m)) {
            rows.add(java.util.Arrays.asList(severity(f.severity()), f.rule().title(), f.rule().name(), project.code(),
                    f.workerName(), f.findingMonth() == null ? null : f.findingMonth().toString(), f.detail()));
        }
        byte[] xlsx = LedgerWorkbook.toXlsx("对账发现", List.of("级别", "规则", "规则代码", "项目编号", "工人", "月份", "说明"), rows);
        return PayrollImportController.download(xlsx, project.code() + "-" + m + "-对账发现.xlsx");
    }

    static String severity(String code) {
        return switch (code) {
            case "red" -> "红色";
            case "orange" -> "橙色";
            default -> "黄色";
        };
    }

    @GetMapping("/payroll/workers/{id}")
    @PreAuthorize("hasAuthority('payroll:findings:view')")
    String worker(@PathVariable long id, Model model) {
        var scope = CurrentOfficer.get().scope();
        var projectIds = new LinkedHashSet<>(workers.projectIdsInScope(scope, id));
        projectIds.addAll(ledger.payrollProjectIdsInScope(scope, id));
        if (projectIds.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Long> ids = List.copyOf(projectIds);
        Map<Long, ProjectSummary> byId = ids.stream().map(projects::summary).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(ProjectSummary::id, Function.identity()));
        var attendance = rosters.monthsOf(id, ids).stream()
                .collect(Collectors.toMap(m -> m.projectId() + "|" + m.month(), m -> m.days()));
        var findings = reconciliations.findingsOf(id, ids).stream()
                .collect(Collectors.groupingBy(f -> f.projectId() + "|" + f.month()));
        List<WorkerMonthRow> rows = ledger.monthsOf(id, ids).stream().map(m -> {
            String key = m.projectId() + "|" + m.month();
            return new WorkerMonthRow(m, byId.get(m.projectId()), attendance.getOrDefault(key, 0),
                    findings.getOrDefault(key, List.of()));
        }).toList();
        model.addAttribute("worker", workers.summary(id).orElseThrow());
        model.addAttribute("months", rows);
        return "payroll/worker";
    }

    /** One line of a worker's months: attendance days beside the pay sheet and the money that arrived. */
    record WorkerMonthRow(PayrollLedger.WorkerMonth wage, ProjectSummary project, int attended,
            List<StoredFinding> findings) {
    }
}
