package org.wageguard.payroll.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.wageguard.identity.OperationLog;
import org.wageguard.payroll.PaySlips;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;

/**
 * A project-month's pay slips (工资清单, Decree 724 Art. 15) for the contractor to print and hand out, with the pay
 * sheet's unsigned lines shown as a finding (Art. 30: the pay sheet is signed by the workers).
 */
@Controller
class PaySlipController {

    private final Projects projects;
    private final PaySlips slips;
    private final OperationLog operationLog;

    PaySlipController(Projects projects, PaySlips slips, OperationLog operationLog) {
        this.projects = projects;
        this.slips = slips;
        this.operationLog = operationLog;
    }

    private ProjectSummary project(long id) {
        return ProjectMonthPages.visible(projects, id);
    }

    @GetMapping("/payroll/projects/{id}/slips")
    @PreAuthorize("hasAuthority('payroll:findings:view')")
    String page(@PathVariable long id, @RequestParam(required = false) String month, Model model) {
        ProjectSummary project = project(id);
        List<YearMonth> months = slips.months(id);
        YearMonth selected = ProjectMonthPages.month(month, months.isEmpty() ? null : months.get(0));
        model.addAttribute("project", project);
        model.addAttribute("months", months);
        model.addAttribute("month", selected);
        model.addAttribute("slips", selected == null ? List.of() : slips.slips(id, selected));
        model.addAttribute("unsigned", selected == null ? List.of() : slips.unsignedSheets(selected, id));
        return "payroll/slips";
    }

    @GetMapping("/payroll/projects/{id}/slips.pdf")
    @PreAuthorize("hasAuthority('payroll:findings:view')")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam String month) {
        ProjectSummary project = project(id);
        YearMonth m = ProjectMonthPages.month(month, null);
        byte[] pdf = slips.pdf(project.name(), project.generalContractorName(), m, slips.slips(id, m));
        operationLog.record("PAY_SLIPS_PRINT", "project", id, "打印工资清单 " + project.code() + " " + m);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("工资清单-" + project.code() + "-" + m + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
