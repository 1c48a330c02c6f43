package org.wageguard.reporting.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.wageguard.reporting.Statistics;
import org.wageguard.reporting.Statistics.Dimension;
import org.wageguard.shared.imports.LedgerWorkbook;

/** The statistics tables: a period's cases crossed by two dimensions, on screen and as an Excel ledger. */
@Controller
class StatisticsController {

    private static final List<String> CHANNELS = List.of("WALK_IN", "HOTLINE", "PLATFORM", "PORTAL", "LETTER_VISIT", "GRID",
            "INSPECTION", "ALERT");

    private final Statistics statistics;
    private final MessageSource messages;
    private final OperationLog operationLog;

    StatisticsController(Statistics statistics, MessageSource messages, OperationLog operationLog) {
        this.statistics = statistics;
        this.messages = messages;
        this.operationLog = operationLog;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    private Statistics.Table table(LocalDate start, LocalDate to, Dimension rows, Dimension columns) {
        LocalDate end = to == null ? LocalDate.now() : to;
        // Without a start: from 2021-01-01 (the seed's year), at most the five years a report may cover.
        LocalDate from = start == null ? ReportPeriods.clip(LocalDate.of(2021, 1, 1), end) : start;
        if (!ReportPeriods.valid(from, end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, text("summary.badPeriod"));
        }
        if (rows == columns) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, text("statistics.sameDimension"));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        CHANNELS.forEach(c -> labels.put(c, text("enum.Channel." + c)));
        return statistics.table(CurrentOfficer.get().regionCode(), from, end, rows, columns, labels);
    }

    @GetMapping("/reports/statistics")
    @PreAuthorize("hasAuthority('reporting:summary:view')")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DEPARTMENT") Dimension rows, @RequestParam(defaultValue = "SECTOR") Dimension columns,
            Model model) {
        model.addAttribute("t", table(from, to, rows, columns));
        model.addAttribute("dimensions", Dimension.values());
        return "reporting/statistics";
    }

    @GetMapping("/reports/statistics.xlsx")
    @PreAuthorize("hasAuthority('reporting:summary:view')")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DEPARTMENT") Dimension rows, @RequestParam(defaultValue = "SECTOR") Dimension columns) {
        Statistics.Table t = table(from, to, rows, columns);
        List<List<?>> data = new ArrayList<>();
        for (Statistics.Header r : t.rowHeaders()) {
            for (Statistics.Header c : t.columnHeaders()) {
                Statistics.Cell cell = t.cell(r.key(), c.key());
                if (cell != null) {
                    Statistics.Measures m = cell.measures();
                    data.add(List.of(r.label(), c.label(), m.cases(), m.workers(), m.claimed(), m.recovered(), m.paidOut()));
                }
            }
        }
        Statistics.Measures m = t.total();
        data.add(List.of(text("statistics.total"), "", m.cases(), m.workers(), m.claimed(), m.recovered(), m.paidOut()));
        List<String> headers = List.of(text("statistics.dim." + rows), text("statistics.dim." + columns),
                text("statistics.cases"), text("statistics.workers"), text("statistics.claimed"),
                text("statistics.recovered"), text("statistics.paidOut"));
        operationLog.record("STATISTICS_EXPORT", "case", null, "导出统计报表：" + from + "—" + t.to() + " " + rows + "×" + columns);
        String name = text("statistics.file", from, t.to());
        return Downloads.xlsx(name, LedgerWorkbook.toXlsx(text("statistics.title"), headers, data));
    }
}
