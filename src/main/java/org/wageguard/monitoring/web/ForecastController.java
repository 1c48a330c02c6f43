package org.wageguard.monitoring.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.monitoring.FestivalForecasts;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The festival exposure forecast (春节前欠薪风险测算) of the leadership office and the labor inspectors: the totals, the
 * towns and industry departments, the ranked projects, the winter campaign's weeks, a project's worker rows, the
 * Excel ledger. Every figure is read within the officer's data scope; a project outside it answers 404.
 */
@Controller
class ForecastController {

    private final FestivalForecasts forecasts;
    private final MessageSource messages;
    private final OperationLog operationLog;

    ForecastController(FestivalForecasts forecasts, MessageSource messages, OperationLog operationLog) {
        this.forecasts = forecasts;
        this.messages = messages;
        this.operationLog = operationLog;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** The as-of day typed (yyyy-MM-dd), today when blank; a bad one is reported and today used. */
    private LocalDate asOf(String raw, Model model) {
        if (raw == null || raw.isBlank()) {
            return forecasts.today();
        }
        try {
            LocalDate day = LocalDate.parse(raw.strip());
            if (day.isAfter(forecasts.today())) {
                model.addAttribute("error", text("monitoring.forecast.futureDate", raw.strip()));
                return forecasts.today();
            }
            return day;
        } catch (DateTimeParseException e) {
            model.addAttribute("error", text("monitoring.forecast.badDate", raw.strip()));
            return forecasts.today();
        }
    }

    @GetMapping("/monitoring/forecast")
    @PreAuthorize("hasAuthority('monitoring:forecast:view')")
    String forecast(@RequestParam(required = false) String asOf, @RequestParam(required = false) String region,
            @RequestParam(required = false) Long department, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate day = asOf(asOf, model);
        String prefix = null;
        try {
            prefix = FestivalForecasts.prefixOf(region);
            if (prefix != null) {
                model.addAttribute("region", region.strip());
            }
        } catch (InvalidIdentifierException e) {
            model.addAttribute("error", text("monitoring.risk.badRegion", region));
        }
        FestivalForecasts.Forecast f = forecasts.forecast(me.scope(), me.regionCode(), prefix, day);
        List<FestivalForecasts.ProjectExposure> projects = department == null ? f.projects()
                : f.projects().stream().filter(p -> p.departmentId() == department).toList();
        model.addAttribute("f", f);
        model.addAttribute("department", department);
        model.addAttribute("projects", projects);
        model.addAttribute("parentRegion", me.regionCode());
        model.addAttribute("weeks", forecasts.weeks(me.scope(), prefix, f.campaignStart(), day, f.festival()));
        model.addAttribute("threshold", forecasts.parameters(me.regionCode(), day).decimal("exposureYuan"));
        model.addAttribute("asOfText", asOf == null || asOf.isBlank() ? "" : day.toString());
        return "monitoring/forecast";
    }

    @GetMapping("/monitoring/forecast/projects/{id}")
    @PreAuthorize("hasAuthority('monitoring:forecast:view')")
    String project(@PathVariable long id, @RequestParam(required = false) String asOf, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        if (!forecasts.covers(me.scope(), id)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        LocalDate day = asOf(asOf, model);
        model.addAttribute("p", forecasts.project(me.scope(), me.regionCode(), id, day).orElse(null));
        model.addAttribute("workers", forecasts.workers(me.scope(), id, day));
        model.addAttribute("asOf", day);
        model.addAttribute("asOfText", asOf == null || asOf.isBlank() ? "" : day.toString());
        model.addAttribute("festival", forecasts.festivalAfter(day).orElse(day));
        model.addAttribute("projectId", id);
        return "monitoring/forecast-project";
    }

    @GetMapping("/monitoring/forecast.xlsx")
    @PreAuthorize("hasAuthority('monitoring:forecast:view')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String asOf, @RequestParam(required = false) String region,
            Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        LocalDate day = asOf(asOf, model);
        String prefix;
        try {
            prefix = FestivalForecasts.prefixOf(region);
        } catch (InvalidIdentifierException e) {
            prefix = null;
        }
        FestivalForecasts.Forecast f = forecasts.forecast(me.scope(), me.regionCode(), prefix, day);
        List<List<?>> rows = new ArrayList<>();
        int rank = 1;
        for (FestivalForecasts.ProjectExposure p : f.projects()) {
            rows.add(List.of(rank++, p.code(), p.name(), p.contractorName(), forecasts.regionName(p.townCode()), p.departmentName(),
                    p.workersOwed(), p.unpaidDays(), p.monthsOwing(), p.exposure(),
                    p.accountBalance() == null ? "" : p.accountBalance(), p.deposit(), p.guarantee(), p.openCases(),
                    p.openAlerts(), p.earnedByFestival(), p.atRiskFestival(), p.earnedByTarget(), p.atRiskTarget(),
                    p.overThreshold() ? text("monitoring.forecast.over") : ""));
        }
        List<String> headers = List.of("rank", "code", "project", "contractor", "town", "department", "workersOwed",
                "unpaidDays", "monthsOwing", "exposure", "account", "deposit", "guarantee", "openCases", "openAlerts",
                "earnedByFestival", "atRiskFestival", "earnedByTarget", "atRiskTarget", "over").stream()
                .map(k -> text("monitoring.forecast.col." + k)).toList();
        operationLog.record("FORECAST_EXPORT", "project", null, "导出春节前欠薪风险测算（测算日 " + day + "）");
        return org.wageguard.identity.Downloads.xlsx(text("monitoring.forecast.file", day.toString()),
                LedgerWorkbook.toXlsx(text("monitoring.forecast.sheet"), headers, rows));
    }
}
