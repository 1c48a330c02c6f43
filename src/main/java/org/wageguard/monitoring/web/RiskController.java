package org.wageguard.monitoring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.monitoring.RiskGrades;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The risk list of projects and employers with the factors behind each grade, the overview by region (town or county
 * under the officer's region) that filters the lists, and its Excel ledger.
 */
@Controller
class RiskController {

    private final RiskGrades grades;
    private final MessageSource messages;
    private final OperationLog operationLog;

    RiskController(RiskGrades grades, MessageSource messages, OperationLog operationLog) {
        this.grades = grades;
        this.messages = messages;
        this.operationLog = operationLog;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    @GetMapping("/monitoring/risk")
    @PreAuthorize("hasAuthority('monitoring:alert:view')")
    String risk(@RequestParam(required = false) RiskGrades.Grade grade,
            @RequestParam(required = false) String region, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        RiskGrades.Overview overview = grades.overview(me.scope(), me.regionCode());
        String prefix = null;
        if (region != null && !region.isBlank()) {
            try {
                prefix = RegionCode.of(region).subtreePrefix();
                model.addAttribute("region", region.strip());
            } catch (InvalidIdentifierException e) {
                model.addAttribute("error", text("monitoring.risk.badRegion", region));
            }
        }
        String within = prefix;
        List<RiskGrades.Risk> projects = overview.projects().stream()
                .filter(r -> within == null || r.regionCode() != null && r.regionCode().startsWith(within)).toList();
        List<RiskGrades.Risk> employers = overview.employers().stream()
                .filter(r -> within == null || r.regionCode() != null && r.regionCode().startsWith(within)).toList();
        model.addAttribute("grade", grade);
        model.addAttribute("grades", RiskGrades.Grade.values());
        model.addAttribute("regions", overview.regions());
        model.addAttribute("parentRegion", me.regionCode());
        model.addAttribute("projectCounts", counts(projects));
        model.addAttribute("projects", grade == null ? projects : projects.stream().filter(r -> r.grade() == grade).toList());
        model.addAttribute("employers", grade == null ? employers : employers.stream().filter(r -> r.grade() == grade).toList());
        return "monitoring/risk";
    }

    private static long[] counts(List<RiskGrades.Risk> risks) {
        long[] n = new long[RiskGrades.Grade.values().length];
        risks.forEach(r -> n[r.grade().ordinal()]++);
        return n;
    }

    @GetMapping("/monitoring/risk.xlsx")
    @PreAuthorize("hasAuthority('monitoring:alert:view')")
    ResponseEntity<byte[]> export() {
        OfficerPrincipal me = CurrentOfficer.get();
        List<List<?>> rows = new ArrayList<>();
        List<RiskGrades.Risk> all = new ArrayList<>(grades.projects(me.scope()));
        all.addAll(grades.employers(me.scope(), true));
        for (RiskGrades.Risk r : all) {
            rows.add(List.of(text("monitoring.subject." + r.kind().name()), r.name(), r.regionCode(),
                    text("monitoring.grade." + r.grade().name()), r.factors().size(),
                    String.join("\n", r.factors().stream().map(RiskGrades.Factor::text).toList())));
        }
        List<String> headers = List.of("monitoring.col.subjectKind", "monitoring.col.subject", "monitoring.col.region",
                "monitoring.col.grade", "monitoring.col.factorCount", "monitoring.col.factors").stream().map(this::text).toList();
        operationLog.record("RISK_EXPORT", "alert", null, "导出风险等级台账");
        return org.wageguard.identity.Downloads.xlsx(text("monitoring.risk.file"), LedgerWorkbook.toXlsx(text("monitoring.risk.title"), headers, rows));
    }
}
