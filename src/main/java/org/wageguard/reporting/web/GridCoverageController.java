package org.wageguard.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.Downloads;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.reporting.GridCoverage;
import org.wageguard.shared.imports.LedgerWorkbook;

/** Coverage figures per grid for a period, on screen and as Excel with Chinese headers. */
@Controller
class GridCoverageController {

    private final GridCoverage coverage;
    private final MessageSource messages;
    private final OperationLog operationLog;
    private final Clock clock;

    GridCoverageController(GridCoverage coverage, MessageSource messages, OperationLog operationLog, Clock clock) {
        this.coverage = coverage;
        this.messages = messages;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    record Period(LocalDate from, LocalDate to) {
    }

    @GetMapping("/reports/grids")
    @PreAuthorize("hasAuthority('reporting:grid:view')")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        Period p = period(from, to);
        List<GridCoverage.Row> rows = coverage.rows(CurrentOfficer.get().scope(), p.from(), p.to());
        model.addAttribute("rows", rows);
        model.addAttribute("total", total(rows));
        model.addAttribute("stations", coverage.stations(CurrentOfficer.get().scope(), p.from(), p.to()));
        model.addAttribute("period", p);
        model.addAttribute("months", coverage.months());
        return "reporting/grid-coverage";
    }

    @GetMapping("/reports/grids.xlsx")
    @PreAuthorize("hasAuthority('reporting:grid:view')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period p = period(from, to);
        List<GridCoverage.Row> rows = coverage.rows(CurrentOfficer.get().scope(), p.from(), p.to());
        List<String> headers = Arrays.asList(text("gridCoverage.headers").split(","));
        byte[] xlsx = LedgerWorkbook.toXlsx(text("gridCoverage.sheet"), headers, java.util.stream.Stream
                .concat(rows.stream(), java.util.stream.Stream.of(total(rows)))
                .map(r -> Arrays.<Object>asList(r.code(), r.name(), r.regionName(), r.workers(), r.employers(),
                        r.onTime(), r.onTimeRate(), r.clues()))
                .toList());
        operationLog.record("GRID_COVERAGE_EXPORT", "grid", null, "导出网格覆盖统计 " + p.from() + " 至 " + p.to());
        return Downloads.xlsx(text("gridCoverage.file") + "-" + p.from() + "-" + p.to() + ".xlsx", xlsx);
    }

    /** The period of the clues: this year to today unless given. */
    private Period period(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, text("summary.badPeriod"));
        }
        return new Period(start, end);
    }

    private GridCoverage.Row total(List<GridCoverage.Row> rows) {
        return new GridCoverage.Row("", text("gridCoverage.total"), "",
                rows.stream().mapToInt(GridCoverage.Row::workers).sum(),
                rows.stream().mapToInt(GridCoverage.Row::employers).sum(),
                rows.stream().mapToInt(GridCoverage.Row::onTime).sum(), rows.stream().mapToInt(GridCoverage.Row::clues).sum());
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
