package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of each compliance item derived from its facts (never typed in by hand), with the reason in
 * Chinese. One rule per item, as the inspection checklist of Decree 724 Art. 39 reads.
 */
public final class ComplianceRules {

    /** Days after the construction contract within which the special account must be opened (MOHRSS 2021 No. 53). */
    public static final int SPECIAL_ACCOUNT_DAYS = 30;

    /** What the rules need to know about the project besides the item's own facts. */
    public record ProjectContext(LocalDate contractDate, String wageOfficerName, DepositPolicy.Requirement deposit) {
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
            case REAL_NAME -> realName(f, project);
            case BANK_PAYROLL -> f.establishedOn() != null && present(f.bankName())
                    ? ok("已与" + f.bankName() + "签订代发工资协议（" + f.establishedOn() + "）")
                    : missing("未签订银行代发工资协议");
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

    static Evaluation realName(ComplianceFacts f, ProjectContext p) {
        List<String> lacking = new ArrayList<>();
        if (!present(p.wageOfficerName())) {
            lacking.add("未配备劳资专管员");
        }
        if (!f.rosterKept()) {
            lacking.add("未建立实名制花名册");
        }
        return lacking.isEmpty() ? ok("劳资专管员 " + p.wageOfficerName() + "，实名制花名册已建立")
                : missing(String.join("；", lacking));
    }

    static Evaluation noticeBoard(ComplianceFacts f) {
        List<String> lacking = new ArrayList<>();
        if (f.establishedOn() == null) {
            lacking.add("未设置维权信息告示牌");
        } else {
            if (!present(f.boardPayDay())) lacking.add("缺工资支付日");
            if (!present(f.boardMinimumWage())) lacking.add("缺当地最低工资标准");
            if (!present(f.boardHotline())) lacking.add("缺举报投诉电话");
        }
        return lacking.isEmpty() ? ok("告示牌已设置（工资支付日 " + f.boardPayDay() + "，投诉电话 " + f.boardHotline() + "）")
                : missing(String.join("；", lacking));
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
