package org.wageguard.employer.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.Employers;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.employer.internal.CreditRecords;
import org.wageguard.employer.internal.EmployerChecks;
import org.wageguard.employer.internal.EmployerLedger;
import org.wageguard.employer.internal.EmployerRefresh;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Dictionaries;
import org.wageguard.identity.Listing;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The employer ledger (用人单位台账): search and filters, paging, the Excel export of exactly what is filtered, and
 * one employer's page with its arrears history and credit listings. All within the reader's data scope: an
 * employer outside it answers 404.
 */
@Controller
@RequestMapping("/employers")
class EmployerController {

    private final EmployerLedger ledger;
    private final EmployerChecks checks;
    private final CreditRecords credit;
    private final Employers employers;
    private final Dictionaries dictionaries;
    private final Support support;
    private final EmployerRefresh refresh;

    EmployerController(EmployerLedger ledger, EmployerChecks checks, CreditRecords credit, Employers employers,
            Dictionaries dictionaries, Support support, EmployerRefresh refresh) {
        this.refresh = refresh;
        this.ledger = ledger;
        this.checks = checks;
        this.credit = credit;
        this.employers = employers;
        this.dictionaries = dictionaries;
        this.support = support;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('employer:employer:view')")
    String list(@ModelAttribute("filter") EmployerLedger.Filter filter, @RequestParam(defaultValue = "1") int page,
            Model model) {
        var scope = CurrentOfficer.get().scope();
        model.addAttribute("page", ledger.list(scope, filter, page, Listing.DEFAULT_SIZE,
                p -> query("/employers", filter).queryParam("page", p).encode().toUriString()));
        model.addAttribute("exportLink", query("/employers/export", filter).encode().toUriString());
        model.addAttribute("ref", checks.reference(scope));
        model.addAttribute("types", EmployerType.values());
        model.addAttribute("statuses", OperatingStatus.values());
        return "employer/employers";
    }

    /** The 台账 as Excel: the filtered list, Chinese headers, the phone masked as on screen. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('employer:employer:view')")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") EmployerLedger.Filter filter) {
        List<EmployerLedger.EmployerView> rows = ledger.all(CurrentOfficer.get().scope(), filter);
        List<String> headers = Arrays.asList(support.text("employer.export.headers").split(","));
        byte[] xlsx = LedgerWorkbook.toXlsx(support.text("employer.export.sheet"), headers, rows.stream()
                .map(e -> Arrays.<Object>asList(e.creditCode(), e.name(), dictionaries.label(e.type()),
                        e.industryCode() + " " + e.industryName(), e.regionName(), e.departmentName(), e.address(),
                        e.legalRepresentative(), e.contactPerson(), e.contactPhoneMasked(),
                        support.yesNo(e.laborIntensive()), support.yesNo(e.keyEnterprise()), dictionaries.label(e.operatingStatus()), e.employeeCount(),
                        e.gridCode(), credit(e), e.lastArrears()))
                .toList());
        support.log("EMPLOYER_EXPORT", null, "导出用人单位台账 " + rows.size() + " 家");
        return support.download(xlsx, support.text("employer.export.file") + "-" + support.today() + ".xlsx");
    }

    private String credit(EmployerLedger.EmployerView e) {
        return e.blacklisted() ? dictionaries.label(CreditListKind.BLACKLIST)
                : e.keyAttention() ? dictionaries.label(CreditListKind.KEY_ATTENTION) : "";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('employer:employer:view')")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("employer", support.visible(id));
        model.addAttribute("refresh", refresh.find(CurrentOfficer.get().scope(), id).orElse(null));
        model.addAttribute("arrears", credit.arrears(id));
        model.addAttribute("listings", credit.listings(id));
        LocalDate today = support.today();
        model.addAttribute("today", today);
        model.addAttribute("standing", employers.standing(id, today));
        return "employer/employer";
    }

    private static UriComponentsBuilder query(String path, EmployerLedger.Filter f) {
        return UriComponentsBuilder.fromPath(path).queryParam("keyword", blank(f.keyword()))
                .queryParam("type", f.type() == null ? "" : f.type().name())
                .queryParam("industryCode", blank(f.industryCode()))
                .queryParam("departmentId", f.departmentId() == null ? "" : f.departmentId())
                .queryParam("status", f.status() == null ? "" : f.status().name())
                .queryParam("regionCode", blank(f.regionCode()))
                .queryParam("keyEnterprise", Boolean.TRUE.equals(f.keyEnterprise()) ? "true" : "");
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
