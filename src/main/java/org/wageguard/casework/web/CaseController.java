package org.wageguard.casework.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.wageguard.casework.CaseApprovals;
import org.wageguard.casework.CaseDecisions;
import org.wageguard.casework.CaseDocuments;
import org.wageguard.casework.CaseEnforcement;
import org.wageguard.casework.CaseHandling;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseParties;
import org.wageguard.casework.CaseQueries;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.casework.ClueTracking;
import org.wageguard.casework.CaseStatus;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Outcome;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.Employers;
import org.wageguard.identity.Downloads;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Listing;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.leadership.LeadershipGroup;
import org.wageguard.shared.RegionCode;

/** The case list, my work, a case page with its timeline, and every step of its handling. */
@Controller
class CaseController {

    private final CaseQueries queries;
    private final CaseHandling handling;
    private final Departments departments;
    private final MessageSource messages;
    private final CaseDocuments documents;

    private final CaseLedger ledger;
    private final CaseParties parties;
    private final Employers employers;
    private final CodeTables codeTables;
    private final OperationLog operationLog;
    private final LeadershipGroup leadership;
    private final CaseDecisions decisions;
    private final CaseApprovals approvals;
    private final CaseEnforcement enforcement;
    private final ClueTracking tracking;

    CaseController(CaseQueries queries, CaseHandling handling, Departments departments, MessageSource messages,
            CaseDocuments documents, CaseLedger ledger, CodeTables codeTables, OperationLog operationLog,
            CaseParties parties, Employers employers, LeadershipGroup leadership, CaseDecisions decisions,
            CaseApprovals approvals, CaseEnforcement enforcement, ClueTracking tracking) {
        this.decisions = decisions;
        this.approvals = approvals;
        this.enforcement = enforcement;
        this.leadership = leadership;
        this.tracking = tracking;
        this.parties = parties;
        this.employers = employers;
        this.ledger = ledger;
        this.codeTables = codeTables;
        this.operationLog = operationLog;
        this.documents = documents;
        this.queries = queries;
        this.handling = handling;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping("/cases")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String list(CaseListParams params, @RequestParam(defaultValue = "1") int page, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        var filter = params.filter();
        model.addAttribute("filter", params);
        model.addAttribute("page", queries.list(me.scope(), filter, page, Listing.DEFAULT_SIZE,
                p -> params.link("/cases", p)));
        model.addAttribute("ledgerLink", params.link("/cases/ledger.xlsx", null));
        model.addAttribute("trail", queries.moneyTrail(me.scope(), filter));
        model.addAttribute("summaryAge", queries.summaryAgeSeconds());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("departments", handlingDepartments(me));
        model.addAttribute("sectors", codeTables.sectors().stream().filter(s -> "SECTION".equals(s.level())).toList());
        return "casework/cases";
    }

    /** The case ledger (台账): every case the list's filters select, to Excel, with Chinese column names. */
    @GetMapping("/cases/ledger.xlsx")
    @PreAuthorize("hasAuthority('casework:case:view')")
    ResponseEntity<byte[]> ledger(CaseListParams params) {
        OfficerPrincipal me = CurrentOfficer.get();
        byte[] xlsx = ledger.toXlsx(queries.all(me.scope(), params.filter()));
        operationLog.record("CASE_LEDGER_EXPORT", "case", null, "导出案件台账：" + params.link("", null));
        return Downloads.xlsx(text("case.ledger.file"), xlsx);
    }

    private java.util.List<Departments.Department> handlingDepartments(OfficerPrincipal me) {
        return departments.inRegion(RegionCode.of(me.regionCode()).subtreePrefix()).stream()
                .filter(d -> d.kind() == Departments.Kind.INDUSTRY || d.kind() == Departments.Kind.MEMBER_UNIT
                        || d.kind() == Departments.Kind.LIAISON).toList();
    }

    @GetMapping("/cases/mine")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String mine(Model model) {
        model.addAttribute("rows", myWork(CurrentOfficer.get()));
        return "casework/my-work";
    }

    /** My work as a ledger (台账): the same cases as the page, in the same order, with the case ledger's columns. */
    @GetMapping("/cases/mine.xlsx")
    @PreAuthorize("hasAuthority('casework:case:view')")
    ResponseEntity<byte[]> mineLedger() {
        return Downloads.xlsx(text("case.mine.file"), ledger.toXlsx("case.mine.file", myWork(CurrentOfficer.get())));
    }

    /** What waits for the officer: the cases whose next step is theirs. */
    private java.util.List<CaseQueries.CaseRow> myWork(OfficerPrincipal me) {
        return queries.myWork(me.scope(), me.permissions(), me.departmentId());
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String detail(@PathVariable long id, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        CaseQueries.Detail detail = queries.detail(me.scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("c", detail);
        model.addAttribute("open", CaseStatus.valueOf(detail.row().status()).open());
        model.addAttribute("claimants", queries.claimants(id));
        model.addAttribute("employerBlacklisted", queries.employerId(id).flatMap(employers::find)
                .map(org.wageguard.employer.EmployerSummary::blacklisted).orElse(false));
        model.addAttribute("timeline", queries.timeline(id));
        model.addAttribute("followUps", tracking.followUps(id));
        model.addAttribute("rechecks", tracking.rechecks(id));
        model.addAttribute("assignments", queries.assignments(id));
        model.addAttribute("orders", queries.orders(id));
        model.addAttribute("supervisions", queries.supervisions(id));
        model.addAttribute("liable", parties.liable(id));
        model.addAttribute("persons", parties.persons(id));
        model.addAttribute("bases", CaseParties.Basis.values());
        model.addAttribute("personRoles", CaseParties.PersonRole.values());
        model.addAttribute("referrals", CaseParties.Referral.values());
        model.addAttribute("liableChoices", me.hasPermission("casework:case:handle") ? employers.choices(me.scope(),
                java.util.Set.of(EmployerType.OWNER, EmployerType.GENERAL_CONTRACTOR, EmployerType.SUBCONTRACTOR,
                        EmployerType.LABOR_SERVICE)) : java.util.List.of());
        // A named reporter (举报人) is known only to the officers who handle the case.
        model.addAttribute("reporterHidden", "REPORT".equals(detail.row().kind())
                && !me.hasPermission("casework:case:handle") && !me.hasPermission("casework:case:accept"));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("departments", handlingDepartments(me));
        model.addAttribute("duties", leadership.duties(RegionCode.of(me.regionCode()).subtreePrefix()));
        model.addAttribute("today", handling.today());
        model.addAttribute("paysWorkers", detail.row().outcome() == null || Outcome.valueOf(detail.row().outcome()).paysWorkers());
        model.addAttribute("transferApplies", documents.transferApplies(id, handling.today()));
        var approvalList = approvals.of(id);
        model.addAttribute("approvals", approvalList);
        model.addAttribute("pendingKinds", approvalList.stream().filter(CaseApprovals.Approval::pending)
                .map(CaseApprovals.Approval::kind).toList());
        model.addAttribute("approvableKinds", java.util.Arrays.stream(CaseApprovals.Kind.values())
                .filter(k -> me.hasPermission(k.permission())).map(Enum::name).toList());
        model.addAttribute("approvalKinds", approvalList.stream().map(CaseApprovals.Approval::kind).distinct().toList());
        model.addAttribute("decidedKinds", approvalList.stream().filter(a -> !a.pending())
                .map(CaseApprovals.Approval::kind).distinct().toList());
        model.addAttribute("decisions", enforcement.decisions(id));
        model.addAttribute("chain", enforcement.chain(id).orElse(null));
        model.addAttribute("draws", enforcement.draws(id));
        return "casework/case";
    }

    /** One endpoint per step; each checks scope here and state and permission in the aggregate. */
    @PostMapping("/cases/{id}/{step}")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String note, @RequestParam(required = false) String inspectors,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) Outcome outcome,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) Long dutyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) Long decisionId, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            switch (step) {
                case "accept" -> handling.accept(id, version, me);
                case "refuse" -> handling.refuse(id, version, me, note);
                case "coordinate" -> handling.coordinate(id, version, me);
                case "file" -> approvals.requestFiling(id, version, me, inspectors);
                case "extend" -> approvals.requestExtension(id, version, me, note);
                case "request-close" -> approvals.requestClosing(id, version, me, note);
                case "challenge" -> {
                    if (decisionId == null) {
                        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                    }
                    enforcement.recordChallenge(id, decisionId, me, on, note);
                }
                case "draw" -> enforcement.drawDeposit(id, me, amount, on);
                case "order" -> handling.serveOrder(id, version, me, number, servedOn, deadline, amount);
                case "resolve" -> {
                    if (outcome == null) {
                        throw new CaseRuleException(text("case.outcome.required"));
                    }
                    handling.resolve(id, version, me, outcome, note, amount);
                }
                case "verify" -> handling.verifyPayment(id, version, me);
                case "close" -> handling.close(id, version, me);
                case "end-tracking" -> handling.endTracking(id, version, me, note);
                case "withdraw" -> handling.withdraw(id, version, me, note);
                case "log" -> handling.log(id, me, note);
                case "contact" -> handling.contact(id, me, note);
                case "assign" -> {
                    if (departmentId == null || days == null) {
                        throw new CaseRuleException(text("case.assign.required"));
                    }
                    handling.assign(id, version, me, departmentId, days, dutyId);
                }
                case "supervise" -> handling.supervise(id, me, note);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    /**
     * The approver's decision on a pending request (立案、延期、结案审批): approve, or refuse with the reason. Only an
     * account holding an approver's permission reaches it; the service checks the permission of the kind and the scope.
     */
    @PostMapping("/cases/{id}/approvals/{approvalId}/{decision}")
    @PreAuthorize("hasAnyAuthority('casework:approval:file','casework:approval:extend','casework:approval:close')")
    String approvalDecision(@PathVariable long id, @PathVariable long approvalId, @PathVariable String decision,
            @RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!decision.equals("approve") && !decision.equals("refuse")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            approvals.decide(id, approvalId, version, me, decision.equals("approve"), note);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#approvals";
    }

    @PostMapping("/cases/{id}/assignments/{assignmentId}/{step}")
    @PreAuthorize("hasAuthority('casework:case:view')")
    String assignmentStep(@PathVariable long id, @PathVariable long assignmentId, @PathVariable String step,
            @RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            switch (step) {
                case "answer" -> handling.answer(id, assignmentId, version, me, note);
                case "rework" -> handling.rework(id, assignmentId, version, me, note);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/liable")
    @PreAuthorize("hasAuthority('casework:case:handle')")
    String liable(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) Long employerId,
            @RequestParam(required = false) CaseParties.Basis basis, RedirectAttributes redirect) {
        return partyStep(id, redirect, () -> {
            if (employerId == null || basis == null) {
                throw new CaseRuleException(text("case.liable.required"));
            }
            parties.setLiable(id, version, CurrentOfficer.get(), employerId, basis);
        });
    }

    @PostMapping("/cases/{id}/persons")
    @PreAuthorize("hasAuthority('casework:case:handle')")
    String addPerson(@PathVariable long id, @RequestParam(defaultValue = "LEGAL_REPRESENTATIVE") CaseParties.PersonRole role,
            @RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
            RedirectAttributes redirect) {
        return partyStep(id, redirect, () -> parties.addPerson(id, CurrentOfficer.get(), role, name, idNumber));
    }

    @PostMapping("/cases/{id}/persons/{personId}/referral")
    @PreAuthorize("hasAuthority('casework:case:refer')")
    String referral(@PathVariable long id, @PathVariable long personId, @RequestParam CaseParties.Referral status,
            @RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return partyStep(id, redirect, () -> parties.setReferral(id, personId, version, CurrentOfficer.get(), status, note));
    }

    private String partyStep(long id, RedirectAttributes redirect, Runnable step) {
        queries.detail(CurrentOfficer.get().scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            step.run();
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#parties";
    }

    @PostMapping("/cases/{id}/claimants/{claimantId}/payment")
    @PreAuthorize("hasAuthority('casework:case:close')")
    String payment(@PathVariable long id, @PathVariable long claimantId, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) String evidence, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            handling.recordPayment(id, claimantId, version, me, amount, paidOn, evidence);
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#claimants";
    }

    /**
     * The payments table (issue 18): every worker's line saved at once, each line against its worker's version; a line
     * another officer saved in between refuses the whole table and hands back what was typed.
     */
    @PostMapping("/cases/{id}/payments")
    @PreAuthorize("hasAuthority('casework:case:close')")
    String payments(@PathVariable long id, @RequestParam(name = "claimant", required = false) java.util.List<Long> claimant,
            @RequestParam java.util.Map<String, String> form, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            java.util.List<CaseHandling.PaymentLine> lines = new java.util.ArrayList<>();
            int row = 0;
            for (Long k : claimant == null ? java.util.List.<Long>of() : claimant) {
                String name = "第 " + (++row) + " 行";
                String version = form.get("version_" + k);
                String manner = form.get("manner_" + k);
                lines.add(new CaseHandling.PaymentLine(k, blank(version) ? -1 : Integer.parseInt(version.trim()),
                        money(form.get("confirmed_" + k), name), money(form.get("amount_" + k), name),
                        day(form.get("paidOn_" + k), name),
                        blank(manner) ? null : CaseHandling.PaymentManner.valueOf(manner), form.get("evidence_" + k),
                        form.get("reason_" + k)));
            }
            int saved = handling.recordPayments(id, me, lines);
            redirect.addFlashAttribute("flash", messages.getMessage("case.payments.saved", new Object[] { saved }, Locale.SIMPLIFIED_CHINESE));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#claimants";
    }

    /** Adds a worker to an existing case (a case from an alert names none at first). */
    @PostMapping("/cases/{id}/claimants")
    @PreAuthorize("hasAuthority('casework:case:handle')")
    String addClaimant(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String amount, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            BigDecimal claimed = money(amount, name == null ? "" : name);
            handling.addClaimant(id, version, me, new org.wageguard.casework.Intake.Claimant(name, idNumber, claimed));
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id + "#claimants";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private BigDecimal money(String value, String row) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new CaseRuleException(messages.getMessage("case.payments.badAmount", new Object[] { row, value },
                    Locale.SIMPLIFIED_CHINESE));
        }
    }

    private LocalDate day(String value, String row) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CaseRuleException(messages.getMessage("case.payments.badDate", new Object[] { row, value },
                    Locale.SIMPLIFIED_CHINESE));
        }
    }

    /** A case's document as a printable PDF; the order and the transfer letter are labor inspection's own. */
    @GetMapping("/cases/{id}/documents/{kind}.pdf")
    @PreAuthorize("hasAuthority('casework:case:view')")
    Object document(@PathVariable long id, @PathVariable String kind, @RequestParam(required = false) String of,
            Model model, jakarta.servlet.http.HttpServletResponse response) {
        OfficerPrincipal me = CurrentOfficer.get();
        queries.detail(me.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CaseDocuments.Kind k;
        try {
            k = CaseDocuments.Kind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if ((k == CaseDocuments.Kind.ORDER && !me.hasPermission("casework:case:order"))
                || (k == CaseDocuments.Kind.TRANSFER && !me.hasPermission("casework:case:refer"))) {
            throw new org.springframework.security.access.AccessDeniedException(k.name());
        }
        if (CaseDecisions.writes(k) && !me.hasPermission(CaseDecisions.permission(k, of))) {
            throw new org.springframework.security.access.AccessDeniedException(k.name());
        }
        try {
            byte[] pdf = CaseDecisions.writes(k) ? decisions.pdf(id, k, of == null ? null : of.toUpperCase(Locale.ROOT).replace('-', '_'),
                    handling.today()) : documents.pdf(id, k, handling.today());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename(k.name().toLowerCase(Locale.ROOT) + "-" + id + ".pdf").build().toString())
                    .body(pdf);
        } catch (CaseRuleException e) {
            // A document the case does not call for is refused on a page in Chinese, with the way back to the case.
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("caseId", id);
            model.addAttribute("message", e.getMessage());
            return new org.springframework.web.servlet.ModelAndView("casework/document-refused", model.asMap(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
