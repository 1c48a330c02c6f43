package org.wageguard.payroll.reconciliation;

import java.util.List;
import java.util.Locale;

/** The four input files of FORMATS.md and their columns, in the order the readers index them. */
enum Sheet {
    ROSTER("roster.csv", List.of(
            required("project_code", "项目编号"), required("worker_id_number", "身份证号"),
            required("worker_name", "姓名"), optional("phone", "手机号"), required("bank_card", "工资卡号"),
            optional("bank_name", "开户行"), optional("team", "班组"),
            optional("employer_credit_code", "用工单位信用代码"), required("contract_signed", "是否签订劳动合同"),
            required("entry_date", "进场日期"), optional("exit_date", "退场日期"))),
    ATTENDANCE("attendance.csv", List.of(
            required("project_code", "项目编号"), required("worker_id_number", "身份证号"),
            required("date", "日期"), optional("hours", "工时"))),
    PAYROLL("payroll.csv", List.of(
            required("project_code", "项目编号"), required("month", "工资月份"),
            required("worker_id_number", "身份证号"), required("worker_name", "姓名"),
            required("days_worked", "出勤天数"), required("gross_wage", "应发工资"), optional("deductions", "扣款"),
            required("net_wage", "实发工资"), required("pay_date", "发放日期"), optional("signed", "本人签字确认"))),
    DISBURSEMENTS("disbursements.csv", List.of(
            required("project_code", "项目编号"), required("transaction_id", "交易流水号"),
            required("bank_card", "收款卡号"), required("payee_name", "收款人姓名"),
            optional("payee_id_number", "收款人身份证号"), required("amount", "金额"),
            required("value_date", "交易日期"), required("status", "状态"), required("month", "工资所属月份")));

    // Column indices, in the order of the lists above.
    static final int R_PROJECT = 0, R_WORKER = 1, R_NAME = 2, R_CARD = 4, R_CONTRACT = 8, R_ENTRY = 9, R_EXIT = 10;
    static final int A_PROJECT = 0, A_WORKER = 1, A_DATE = 2;
    static final int P_PROJECT = 0, P_MONTH = 1, P_WORKER = 2, P_NAME = 3, P_DAYS = 4, P_GROSS = 5,
            P_DEDUCTIONS = 6, P_NET = 7, P_PAY_DATE = 8, P_SIGNED = 9;
    static final int D_PROJECT = 0, D_TRANSACTION = 1, D_CARD = 2, D_PAYEE_NAME = 3, D_PAYEE_ID = 4, D_AMOUNT = 5,
            D_VALUE_DATE = 6, D_STATUS = 7, D_MONTH = 8;

    private final String fileName;
    private final List<Column> columns;

    Sheet(String fileName, List<Column> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    String fileName() {
        return fileName;
    }

    List<Column> columns() {
        return columns;
    }

    record Column(String name, String alias, boolean required) {

        String label() {
            return alias + "（" + name + "）";
        }

        /** By English name or Chinese alias, case-insensitively; also the template form {@code 别名（name）}. */
        boolean matches(String header) {
            String h = normalise(header);
            if (names(h)) {
                return true;
            }
            int open = Math.max(h.lastIndexOf('('), h.lastIndexOf('（'));
            if (open < 0 || !(h.endsWith(")") || h.endsWith("）"))) {
                return false;
            }
            String outer = h.substring(0, open).strip();
            String inner = h.substring(open + 1, h.length() - 1).strip();
            return names(outer) && (inner.isEmpty() || names(inner)) || outer.isEmpty() && names(inner);
        }

        private boolean names(String h) {
            return h.equals(name) || h.equals(alias);
        }

        private static String normalise(String s) {
            String t = s.replace("\uFEFF", "").replace('\u3000', ' ').strip();
            if (t.startsWith("*") || t.startsWith("＊")) {
                t = t.substring(1).strip();
            }
            return t.toLowerCase(Locale.ROOT);
        }
    }

    private static Column required(String name, String alias) {
        return new Column(name, alias, true);
    }

    private static Column optional(String name, String alias) {
        return new Column(name, alias, false);
    }
}
