package org.wageguard.reporting.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.reporting.Dashboard;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard: charts whose every segment opens the list of its rows, with the same figures as tables. */
@Controller
class DashboardController {

    private static final List<String> CHANNELS = List.of("WALK_IN", "HOTLINE", "PLATFORM", "PORTAL", "LETTER_VISIT", "GRID",
            "INSPECTION", "ALERT");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dashboard dashboard;
    private final MessageSource messages;

    DashboardController(Dashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/reports/dashboard")
    @PreAuthorize("hasAuthority('reporting:summary:view')")
    String page(@RequestParam(defaultValue = "2021-01-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate end = to == null ? LocalDate.now() : to;
        if (from.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    messages.getMessage("summary.badPeriod", null, Locale.SIMPLIFIED_CHINESE));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        CHANNELS.forEach(c -> labels.put(c, messages.getMessage("enum.Channel." + c, null, c, Locale.SIMPLIFIED_CHINESE)));
        Map<String, String> severities = new LinkedHashMap<>();
        for (String sev : List.of("RED", "ORANGE", "YELLOW")) {
            severities.put(sev, messages.getMessage("dashboard.severity." + sev, null, Locale.SIMPLIFIED_CHINESE));
        }
        Map<String, String> items = new LinkedHashMap<>();
        for (String kind : List.of("REAL_NAME", "SPECIAL_ACCOUNT", "BANK_PAYROLL", "WAGE_DEPOSIT", "NOTICE_BOARD",
                "PAYMENT_GUARANTEE")) {
            items.put(kind, messages.getMessage("enum.ComplianceKind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE));
        }
        Dashboard.Figures f = dashboard.figures(CurrentOfficer.get().regionCode(), from, end, labels, severities, items);
        model.addAttribute("f", f);
        // The work summary and the statistics cover at most five years: their buttons pass the last five of the period.
        model.addAttribute("reportFrom", ReportPeriods.clip(from, end));
        model.addAttribute("summaryAge", dashboard.maxLagSeconds());
        model.addAttribute("monthChart", chart("bar", f.byMonth(), s -> s.cases()));
        model.addAttribute("recoveredChart", chart("line", f.byMonth(), s -> s.recovered()));
        model.addAttribute("sectorChart", chart("pie", f.bySector(), s -> s.cases()));
        model.addAttribute("channelChart", chart("pie", f.byChannel(), s -> s.cases()));
        model.addAttribute("departmentChart", chart("bar", f.byDepartment(), s -> s.cases()));
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("type", "bar");
        rates.put("labels", f.compliance().stream().map(Dashboard.Rate::label).toList());
        rates.put("values", f.compliance().stream().map(Dashboard.Rate::percent).toList());
        rates.put("links", f.compliance().stream().map(Dashboard.Rate::link).toList());
        model.addAttribute("complianceChart", JSON.writeValueAsString(rates));
        return "reporting/dashboard";
    }

    /** A chart's data as JSON for static/js/reporting-dashboard.js (no inline script under the CSP). */
    private static String chart(String type, List<Dashboard.Segment> segments, Function<Dashboard.Segment, Object> value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("labels", segments.stream().map(Dashboard.Segment::label).toList());
        data.put("values", segments.stream().map(value).toList());
        data.put("links", segments.stream().map(s -> s.link() == null ? "" : s.link()).toList());
        return JSON.writeValueAsString(data);
    }
}
