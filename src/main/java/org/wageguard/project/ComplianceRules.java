package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The status of each compliance item derived from its facts (never typed in by hand), with the reason in
 * Chinese. One rule per item, as the inspection checklist of Decree 724 Art. 39 reads. Real-name management and bank
 * payroll are derived from the data the system keeps (the roster and attendance, the bank's disbursements), not from
 * what an officer ticks; each reason names the figures it was derived from and the article.
 */
public final class ComplianceRules {

    /** Days after the construction contract within which the special account must be opened (MOHRSS 2021 No. 53). */
    public static final int SPECIAL_ACCOUNT_DAYS = 30;

    /** 《保障农民工工资支付条例》 (State Council Decree 724), as cited in the reasons. */
    public static final String DECREE = "《保障农民工工资支付条例》";

    /** How many finished months back the bank-payroll item checks that wages arrived (Decree 724 Art. 31). */
    public static final int BANK_PAYROLL_MONTHS = 3;

    /**
     * What the rules need to know about the project besides the item's own facts: the real-name figures (null: no
     * roster in the system), the months of bank payroll, the subcontractors with their authorisations of the general
     * contractor to pay their workers.
     */
    public record ProjectContext(LocalDate contractDate, String wageOfficerName, DepositPolicy.Requirement deposit,
            RealNameStanding.Figures realName, List<BankPayrollStanding.Month> payrollMonths,
            List<ProjectParties.Subcontractor> subcontractors) {

        public ProjectContext(LocalDate contractDate, String wageOfficerName, DepositPolicy.Requirement deposit) {
            this(contractDate, wageOfficerName, deposit, null, List.of(), List.of());
        }
    }

    public record Evaluation(ComplianceStatus status, String reason, boolean flagged) {
    }

    private ComplianceRules() {
    }

    public static Evaluation evaluate(ComplianceKind kind, ComplianceFacts f, ProjectContext project, LocalDate today) {
        if (f.notApplicable()) {
            return new Evaluation(ComplianceStatus.NOT_APPLICABLE, "经认定不适用" + (f.note() == null ? "" : "：" + f.note()), false);
        }
        return switch (kind) {
            case SPECIAL_ACCOUNT -> specialAccount(f, project, today);
            case WAGE_DEPOSIT -> wageDeposit(f, project, today);
            case REAL_NAME -> realName(project);
            case BANK_PAYROLL -> bankPayroll(f, project);
            case NOTICE_BOARD -> noticeBoard(f);
            case PAYMENT_GUARANTEE -> guarantee(f, today);
        };
    }

    static Evaluation specialAccount(ComplianceFacts f, ProjectContext p, LocalDate today) {
        LocalDate deadline = p.contractDate().plusDays(SPECIAL_ACCOUNT_DAYS);
        if (f.establishedOn() == null || !present(f.accountNumber())) {
            long overdue = ChronoUnit.DAYS.between(deadline, today);
            return new Evaluation(ComplianceStatus.MISSING, "未开设农民工工资专用账户"
                    + (overdue > 0 ? "，已超过合同签订后" + SPECIAL_ACCOUNT_DAYS + "日的期限 " + overdue + " 日" : ""),
                    overdue > 0);
        }
        if (f.establishedOn().isAfter(deadline)) {
            return new Evaluation(ComplianceStatus.PRESENT, "已开户（" + f.bankName() + "），但开户日期 " + f.establishedOn()
                    + " 晚于合同签订后" + SPECIAL_ACCOUNT_DAYS + "日（应不晚于 " + deadline + "）", true);
        }
        return ok("已于 " + f.establishedOn() + " 在" + f.bankName() + "开设专用账户");
    }

    static Evaluation wageDeposit(ComplianceFacts f, ProjectContext p, LocalDate today) {
        DepositPolicy.Requirement required = p.deposit();
        if (required != null && required.exempt()) {
            return new Evaluation(ComplianceStatus.NOT_APPLICABLE, "免于存储：" + required.reasoning()
                    .get(required.reasoning().size() - 1), false);
        }
        BigDecimal lodged = f.amount() == null ? BigDecimal.ZERO : f.amount();
        if (f.establishedOn() == null || lodged.signum() == 0) {
            return missing("未存储工资保证金" + (required == null ? "" : "（应存储 " + DepositPolicy.yuan(required.amount()) + " 元）"));
        }
        if (f.form() != GuaranteeForm.CASH && f.validUntil() != null && f.validUntil().isBefore(today)) {
            return new Evaluation(ComplianceStatus.EXPIRED, "保函/保险已于 " + f.validUntil() + " 到期", true);
        }
        if (required != null && lodged.compareTo(required.amount()) < 0) {
            return new Evaluation(ComplianceStatus.MISSING, "已存储 " + DepositPolicy.yuan(lodged) + " 元，不足应存储的 "
                    + DepositPolicy.yuan(required.amount()) + " 元", true);
        }
        return ok("已存储 " + DepositPolicy.yuan(lodged) + " 元（" + (f.form() == null ? "" : label(f.form())) + "）");
    }

    /**
     * 实名制管理 (Decree 724 Art. 28): a wage officer on the project and a roster the system keeps current — the
     * roster's workers with attendance (coverage) and days with attendance updates (update rate) of the last finished
     * month reach the real-name standard. Nothing typed in decides it.
     */
    static Evaluation realName(ProjectContext p) {
        List<String> lacking = new ArrayList<>();
        if (!present(p.wageOfficerName())) {
            lacking.add("未配备劳资专管员");
        }
        RealNameStanding.Figures r = p.realName();
        String article = "（" + DECREE + "第二十八条）";
        if (r == null) {
            lacking.add("系统中没有该项目的实名制花名册（花名册导入后自动判断）");
            return missing(String.join("；", lacking) + article);
        }
        String figures = "据系统中的花名册和考勤，" + r.month().getYear() + "年" + r.month().getMonthValue() + "月在册 "
                + r.rostered() + " 人、有考勤 " + r.attended() + " 人（覆盖率 " + r.coverageRate().toPlainString()
                + "%），考勤更新 " + r.daysWithUpdates() + "/" + r.days() + " 天（更新率 " + r.updateRate().toPlainString()
                + "%）";
        if (!r.meetsStandard()) {
            lacking.add(figures + "，未达到" + r.standard());
            return missing(String.join("；", lacking) + article);
        }
        return lacking.isEmpty() ? ok("劳资专管员 " + p.wageOfficerName() + "；" + figures + "，达到" + r.standard() + article)
                : missing(String.join("；", lacking) + "（" + figures + "）" + article);
    }

    /**
     * 银行代发 (Decree 724 Art. 31): an agreement with a bank, and wages actually arriving through the special account
     * month by month — in each finished month of the last {@link #BANK_PAYROLL_MONTHS} with attendance, every worker
     * who attended received a successful disbursement for the month. The general contractor pays a subcontractor's
     * workers on its behalf only with the subcontractor's authorisation (委托代发) signed by the month's end: without
     * it, what the special account paid them does not count as the general contractor's bank payroll.
     */
    static Evaluation bankPayroll(ComplianceFacts f, ProjectContext p) {
        String article = "（" + DECREE + "第三十一条）";
        if (f.establishedOn() == null || !present(f.bankName())) {
            return missing("未签订银行代发工资协议" + article);
        }
        String agreement = "已与" + f.bankName() + "签订代发工资协议（" + f.establishedOn() + "）";
        if (p.payrollMonths().isEmpty()) {
            return ok(agreement + "；近" + BANK_PAYROLL_MONTHS + "个已结束月份没有考勤，尚无可核对的代发到账" + article);
        }
        Map<String, ProjectParties.Subcontractor> subcontractors = p.subcontractors().stream()
                .filter(s -> s.creditCode() != null)
                .collect(Collectors.toMap(ProjectParties.Subcontractor::creditCode, Function.identity(), (a, b) -> a));
        List<String> months = new ArrayList<>();
        Set<String> unauthorised = new LinkedHashSet<>();
        boolean short_ = false;
        for (BankPayrollStanding.Month m : p.payrollMonths()) {
            int attended = 0;
            int paid = 0;
            for (BankPayrollStanding.Paid e : m.byEmployer()) {
                attended += e.attended();
                ProjectParties.Subcontractor s = e.employerCreditCode() == null ? null
                        : subcontractors.get(e.employerCreditCode());
                if (s != null && !s.authorisedBy(m.month().atEndOfMonth())) {
                    if (e.attended() > 0) {
                        unauthorised.add(s.name());
                    }
                    continue;
                }
                paid += Math.min(e.paid(), e.attended());
            }
            short_ |= paid < attended;
            months.add(m.month() + " 有考勤 " + attended + " 人、代发到账 " + paid + " 人");
        }
        String figures = "据专用账户代发流水，" + String.join("；", months);
        String authorisation = unauthorised.isEmpty() ? "" : "；分包单位" + String.join("、", unauthorised)
                + "未委托总承包单位代发，其工人的工资不计入代发";
        if (short_) {
            return new Evaluation(ComplianceStatus.MISSING, cut(figures + authorisation + "，工资未按月全部代发到农民工本人账户"
                    + article), true);
        }
        return ok(cut(agreement + "；" + figures + authorisation + article));
    }

    /**
     * 维权信息告示牌 (Decree 724 Art. 34): the board shows the pay day and the local minimum wage (2), the complaint
     * hotline, the channel to apply for labour-dispute mediation and arbitration and the channel to apply for legal
     * aid (3).
     */
    static Evaluation noticeBoard(ComplianceFacts f) {
        List<String> lacking = new ArrayList<>();
        String article = "（" + DECREE + "第三十四条）";
        if (f.establishedOn() == null) {
            lacking.add("未设置维权信息告示牌");
        } else {
            if (!present(f.boardPayDay())) lacking.add("缺工资支付日");
            if (!present(f.boardMinimumWage())) lacking.add("缺当地最低工资标准");
            if (!present(f.boardHotline())) lacking.add("缺举报投诉电话");
            if (!present(f.boardArbitration())) lacking.add("缺劳动争议调解仲裁申请渠道");
            if (!present(f.boardLegalAid())) lacking.add("缺法律援助申请渠道");
        }
        return lacking.isEmpty() ? ok(cut("告示牌已设置（工资支付日 " + f.boardPayDay() + "，投诉电话 " + f.boardHotline()
                + "，调解仲裁 " + f.boardArbitration() + "，法律援助 " + f.boardLegalAid() + "）" + article))
                : missing(String.join("；", lacking) + article);
    }

    static Evaluation guarantee(ComplianceFacts f, LocalDate today) {
        if (f.establishedOn() == null || f.amount() == null || f.amount().signum() == 0) {
            return missing("建设单位未提供工程款支付担保");
        }
        if (f.validUntil() != null && f.validUntil().isBefore(today)) {
            return new Evaluation(ComplianceStatus.EXPIRED, "工程款支付担保已于 " + f.validUntil() + " 到期", true);
        }
        return ok("担保金额 " + DepositPolicy.yuan(f.amount()) + " 元" + (f.validUntil() == null ? "" : "，有效至 " + f.validUntil()));
    }

    private static String label(GuaranteeForm form) {
        return switch (form) {
            case CASH -> "现金";
            case BANK_GUARANTEE -> "银行保函";
            case INSURANCE -> "保证保险";
        };
    }

    static String cut(String reason) {
        return reason.length() > 400 ? reason.substring(0, 399) + "…" : reason;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Evaluation ok(String reason) {
        return new Evaluation(ComplianceStatus.PRESENT, reason, false);
    }

    private static Evaluation missing(String reason) {
        return new Evaluation(ComplianceStatus.MISSING, reason, false);
    }
}
