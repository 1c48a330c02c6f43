package org.wageguard.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Listing;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.monitoring.AlertStatus;
import org.wageguard.monitoring.Alerts;
import org.wageguard.monitoring.MonitoringRuleException;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleEvaluation;
import org.wageguard.monitoring.Severity;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.imports.LedgerWorkbook;

import tools.jackson.databind.json.JsonMapper;

/** The alert board, its Excel ledger and chart, one alert with its evidence and lifecycle actions. */
@Controller
class AlertController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Alerts alerts;
    private final RuleEvaluation evaluation;
    private final Departments departments;
    private final MessageSource messages;
    private final OperationLog operationLog;
    private final Clock clock;

    AlertController(Alerts alerts, RuleEvaluation evaluation, Departments departments, MessageSource messages,
            OperationLog operationLog, Clock clock) {
        this.alerts = alerts;
        this.evaluation = evaluation;
        this.departments = departments;
        this.messages = messages;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** {@code all}: every status; without it and without a status the board shows what is still to be handled. */
    record BoardParams(Severity severity, RuleCode rule, String region, Long departmentId, AlertStatus status,
            Boolean all, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Long projectId) {

        Alerts.Filter filter() {
            return new Alerts.Filter(severity, rule, region, departmentId, status, projectId, null,
                    !Boolean.TRUE.equals(all), from, to);
        }

        BoardParams with(Severity s, RuleCode r, Long department) {
            return new BoardParams(s, r, region, department, status, all, from, to, projectId);
        }

        String link(String path, Integer page) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
            if (severity != null) {
                b.queryParam("severity", severity);
            }
            if (rule != null) {
                b.queryParam("rule", rule);
            }
            if (region != null && !region.isBlank()) {
                b.queryParam("region", region.trim());
            }
            if (departmentId != null) {
                b.queryParam("departmentId", departmentId);
            }
            if (status != null) {
                b.queryParam("status", status);
            }
            if (Boolean.TRUE.equals(all)) {
                b.queryParam("all", true);
            }
            if (from != null) {
                b.queryParam("from", from);
            }
            if (to != null) {
                b.queryParam("to", to);
            }
            if (projectId != null) {
                b.queryParam("projectId", projectId);
            }
            if (page != null) {
                b.queryParam("page", page);
            }
            return b.build().encode().toUriString();
        }
    }

    @GetMapping("/monitoring/alerts")
    @PreAuthorize("hasAuthority('monitoring:alert:view')")
    String board(BoardParams params, @RequestParam(defaultValue = "1") int page, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("params", params);
        model.addAttribute("page", alerts.list(me.scope(), params.filter(), page, Listing.DEFAULT_SIZE,
                p -> params.link("/monitoring/alerts", p)));
        model.addAttribute("exportLink", params.link("/monitoring/alerts.xlsx", null));
        model.addAttribute("counts", alerts.unresolvedBySeverity(me.scope()));
        model.addAttribute("rules", RuleCode.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("departments", departments.inRegion(RegionCode.of(me.regionCode()).subtreePrefix()));
        model.addAttribute("today", LocalDate.now(clock));
        List<Alerts.Count> counts = alerts.countsByRuleAndDepartment(me.scope(), params.filter());
        model.addAttribute("ruleChart", ruleChart(counts, params));
        model.addAttribute("departmentChart", departmentChart(counts, params));
        return "monitoring/alerts";
    }

    /** Alerts by rule, stacked by severity; a segment opens the board filtered to that rule and severity. */
    private String ruleChart(List<Alerts.Count> counts, BoardParams params) {
        List<String> labels = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (RuleCode r : RuleCode.values()) {
            if (counts.stream().anyMatch(c -> c.rule() == r)) {
                codes.add(r.name());
                labels.add(r.name() + " " + text("monitoring.rule." + r.name() + ".name"));
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (Severity s : Severity.values()) {
            List<Long> values = new ArrayList<>();
            List<String> links = new ArrayList<>();
            for (String code : codes) {
                values.add(counts.stream().filter(c -> c.rule().name().equals(code) && c.severity() == s)
                        .mapToLong(Alerts.Count::alerts).sum());
                links.add(params.with(s, RuleCode.valueOf(code), params.departmentId()).link("/monitoring/alerts", null));
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", text("monitoring.severity." + s.name()));
            one.put("severity", s.name());
            one.put("values", values);
            one.put("links", links);
            series.add(one);
        }
        return JSON.writeValueAsString(Map.of("labels", labels, "series", series));
    }

    private String departmentChart(List<Alerts.Count> counts, BoardParams params) {
        Map<String, Long> byDept = new TreeMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Alerts.Count c : counts) {
            String name = c.departmentName().isBlank() ? text("monitoring.board.noDepartment") : c.departmentName();
            byDept.merge(name, c.alerts(), Long::sum);
            if (c.departmentId() != null) {
                ids.put(name, c.departmentId());
            }
        }
        List<String> labels = new ArrayList<>(byDept.keySet());
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> links = labels.stream().map(l -> ids.containsKey(l)
                ? params.with(params.severity(), params.rule(), ids.get(l)).link("/monitoring/alerts", null) : "").toList();
        series.add(Map.of("name", text("monitoring.board.alerts"), "severity", "", "values",
                labels.stream().map(byDept::get).toList(), "links", links));
        return JSON.writeValueAsString(Map.of("labels", labels, "series", series));
    }

    @GetMapping("/monitoring/alerts.xlsx")
    @PreAuthorize("hasAuthority('monitoring:alert:view')")
    ResponseEntity<byte[]> export(BoardParams params) {
        OfficerPrincipal me = CurrentOfficer.get();
        List<List<?>> rows = new ArrayList<>();
        for (Alerts.Alert a : alerts.all(me.scope(), params.filter())) {
            rows.add(List.of(a.id(), a.rule().name(), text("monitoring.rule." + a.rule().name() + ".name"),
                    text("monitoring.severity." + a.severity().name()), text("monitoring.status." + a.status().name()),
                    text("monitoring.subject." + a.subjectKind().name()), a.subjectName(),
                    "STANDING".equals(a.period()) ? text("monitoring.period.standing") : a.period(), a.reason(),
                    a.departmentName() == null ? "" : a.departmentName(), a.regionCode(), a.dueOn(),
                    a.escalatedOn() == null ? "" : a.escalatedOn(), a.raisedCount(),
                    a.resolution() != null ? a.resolution() : a.dismissalReason() != null ? a.dismissalReason() : ""));
        }
        List<String> headers = List.of("monitoring.col.id", "monitoring.col.rule", "monitoring.col.ruleName",
                "monitoring.col.severity", "monitoring.col.status", "monitoring.col.subjectKind", "monitoring.col.subject",
                "monitoring.col.period", "monitoring.col.reason", "monitoring.col.department", "monitoring.col.region",
                "monitoring.col.due", "monitoring.col.escalated", "monitoring.col.raised", "monitoring.col.outcome")
                .stream().map(this::text).toList();
        operationLog.record("ALERT_EXPORT", "alert", null, "导出预警台账：" + params.link("", null));
        return org.wageguard.identity.Downloads.xlsx(text("monitoring.board.file"), LedgerWorkbook.toXlsx(text("monitoring.board.title"), headers, rows));
    }

    @GetMapping("/monitoring/alerts/{id}")
    @PreAuthorize("hasAuthority('monitoring:alert:view')")
    String alert(@PathVariable long id, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        Alerts.Alert a = alerts.find(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("a", a);
        model.addAttribute("evidence", a.evidence());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("me", me.username());
        return "monitoring/alert";
    }

    @PostMapping("/monitoring/alerts/{id}/{action}")
    @PreAuthorize("hasAuthority('monitoring:alert:handle')")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam int version,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        try {
            switch (action) {
                case "acknowledge" -> alerts.acknowledge(me.scope(), id, version, me.username());
                case "resolve" -> alerts.resolve(me.scope(), id, version, text, me.username());
                case "dismiss" -> {
                    if (!alerts.dismiss(me.scope(), id, version, text, me.username())) {
                        redirect.addFlashAttribute("flash", text("monitoring.flash.dismissRequested"));
                        return "redirect:/monitoring/alerts/" + id;
                    }
                }
                case "approve" -> alerts.approveDismissal(me.scope(), id, version, me.username());
                case "reject" -> alerts.rejectDismissal(me.scope(), id, version, me.username());
                case "case" -> {
                    if (!me.hasPermission("casework:case:register")) {
                        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
                    }
                    long caseId = alerts.toCase(me.scope(), id, version, me.username());
                    redirect.addFlashAttribute("flash", text("monitoring.flash.case"));
                    return "redirect:/cases/" + caseId;
                }
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("flash", text("monitoring.flash." + action));
        } catch (MonitoringRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/alerts/" + id;
    }

    @PostMapping("/monitoring/run")
    @PreAuthorize("hasAuthority('monitoring:rule:edit') or hasAuthority('monitoring:credit:manage')")
    String run(RedirectAttributes redirect) {
        RuleEvaluation.Outcome o = evaluation.evaluateAll();
        operationLog.record("MONITORING_RUN", "alert", null, "手动运行预警规则：" + o);
        redirect.addFlashAttribute("flash", o.ran()
                ? text("monitoring.flash.run", o.created(), o.updated(), o.resolved(), o.escalated())
                : text("monitoring.flash.busy"));
        return "redirect:/monitoring/alerts";
    }
}
