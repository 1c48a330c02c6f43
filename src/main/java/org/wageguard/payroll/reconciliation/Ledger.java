package org.wageguard.payroll.reconciliation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The data set keyed for the rules: one entry per worker of a project (roster row, flags) and one per worker
 * and month (attendance days, pay sheet line, what the bank paid), all in primitive arrays indexed by dense
 * ids. Built once from the loaded rows, in linear time; then every rule is a pass over it.
 */
final class Ledger {

    private static final byte ON_ROSTER = 1;
    private static final byte CONTRACT_SIGNED = 2;
    private static final byte ATTENDED = 4;
    private static final byte ON_PAYROLL = 8;

    private static final byte HAS_PAYROLL_LINE = 1;
    private static final byte SIGNED_RECEIPT = 2;

    private final Keys keys;
    private final Cards cards;
    private final Cards transactions;
    private final DisbursementRows disbursements;

    /** Worker id + 1 by project and ID code. */
    private final GroupedKeys workerIds = new GroupedKeys();
    private int workers;
    private int[] workerProject = new int[64];
    private long[] workerCode = new long[64];
    private byte[] workerFlags = new byte[64];
    /** The card of the worker's surviving roster row, or -1. */
    private int[] rosterCard = new int[64];
    /** Position of the worker's surviving roster row in the file. */
    private int[] rosterRow = new int[64];
    private int[] firstSlot = new int[64];

    private int slots;
    private int[] slotWorker = new int[64];
    private int[] slotNext = new int[64];
    private int[] slotMonth = new int[64];
    private byte[] slotFlags = new byte[64];
    private int[] attendanceDays = new int[64];
    private int[] payrollDays = new int[64];
    private long[] netWage = new long[64];
    private int[] payDate = new int[64];
    private long[] paid = new long[64];
    /** Latest SUCCESS value date, 0 for none, and the disbursement that carries it. */
    private int[] lastSuccess = new int[64];
    private int[] lastSuccessRow = new int[64];
    /** Latest FAILED or RETURNED value date, 0 for none, and the disbursement that carries it. */
    private int[] lastFailure = new int[64];
    private int[] lastFailureRow = new int[64];
    /** A SUCCESS disbursement to a card other than the roster card, or -1. */
    private int[] otherCardRow = new int[64];
    /** Two SUCCESS disbursements alike in card, amount and date, or -1. */
    private int[] duplicateFirst = new int[64];
    private int[] duplicateSecond = new int[64];
    /** The worker-month's SUCCESS disbursements as a chain through {@link #nextSuccess}, -1 ending it. */
    private int[] firstSuccess = new int[64];
    private int[] nextSuccess = new int[0];

    /** Latest roster worker per card (attribution by card), and how many roster workers list it. */
    private int[] cardOwner = new int[0];
    private int[] rosterWorkersOfCard = new int[0];

    /**
     * SUCCESS payments per (card, month): the first two distinct workers they were attributed to, in entries
     * chained per card (a card is paid in few months).
     */
    private int[] cardFirstEntry = new int[0];
    private int cardEntries;
    private int[] entryNext = new int[64];
    private int[] entryCard = new int[64];
    private int[] entryMonth = new int[64];
    private int[] entryFirstWorker = new int[64];
    private int[] entrySecondWorker = new int[64];

    private final List<Integer> unmatched = new ArrayList<>();

    Ledger(Loader loaded) {
        this.keys = loaded.keys;
        this.cards = loaded.cards;
        this.transactions = loaded.transactions;
        this.disbursements = loaded.disbursements;
        addRoster(loaded.roster);
        loaded.roster = null;
        while (!loaded.attendance.isEmpty()) {
            loaded.attendance.remove(loaded.attendance.size() - 1).forEach(this::addAttendance);
        }
        addPayroll(loaded.payroll);
        loaded.payroll = null;
        addDisbursements(loaded.disbursements);
    }

    private int worker(int project, long code) {
        int w = workerIds.putIfAbsent(project, code, workers + 1) - 1;
        if (w == workers) {
            int n = w + 1;
            workerProject = WorkerKeys.grow(workerProject, n);
            workerCode = WorkerKeys.grow(workerCode, n);
            workerFlags = WorkerKeys.grow(workerFlags, n);
            rosterCard = WorkerKeys.grow(rosterCard, n);
            rosterRow = WorkerKeys.grow(rosterRow, n);
            firstSlot = WorkerKeys.grow(firstSlot, n);
            workerProject[w] = project;
            workerCode[w] = code;
            rosterCard[w] = -1;
            rosterRow[w] = -1;
            firstSlot[w] = -1;
            workers = n;
        }
        return w;
    }

    private int slot(int w, int month) {
        for (int s = firstSlot[w]; s >= 0; s = slotNext[s]) {
            if (slotMonth[s] == month) {
                return s;
            }
        }
        int s = slots++;
        if (s == slotNext.length) {
            int n = s + (s >> 1) + 16;
            slotWorker = Arrays.copyOf(slotWorker, n);
            firstSuccess = Arrays.copyOf(firstSuccess, n);
            slotNext = Arrays.copyOf(slotNext, n);
            slotMonth = Arrays.copyOf(slotMonth, n);
            slotFlags = Arrays.copyOf(slotFlags, n);
            attendanceDays = Arrays.copyOf(attendanceDays, n);
            payrollDays = Arrays.copyOf(payrollDays, n);
            netWage = Arrays.copyOf(netWage, n);
            payDate = Arrays.copyOf(payDate, n);
            paid = Arrays.copyOf(paid, n);
            lastSuccess = Arrays.copyOf(lastSuccess, n);
            lastSuccessRow = Arrays.copyOf(lastSuccessRow, n);
            lastFailure = Arrays.copyOf(lastFailure, n);
            lastFailureRow = Arrays.copyOf(lastFailureRow, n);
            otherCardRow = Arrays.copyOf(otherCardRow, n);
            duplicateFirst = Arrays.copyOf(duplicateFirst, n);
            duplicateSecond = Arrays.copyOf(duplicateSecond, n);
        }
        slotMonth[s] = month;
        slotWorker[s] = w;
        firstSuccess[s] = -1;
        slotNext[s] = firstSlot[w];
        firstSlot[w] = s;
        otherCardRow[s] = -1;
        duplicateFirst[s] = -1;
        return s;
    }

    private void addRoster(RosterRows rows) {
        for (int i = 0; i < rows.size; i++) {
            // A repeated (project, worker) row replaces the earlier one and takes its own, later, position.
            int w = worker(rows.project[i], rows.worker[i]);
            rosterCard[w] = rows.card[i];
            rosterRow[w] = i;
            workerFlags[w] = (byte) (workerFlags[w] | ON_ROSTER);
            workerFlags[w] = (byte) (rows.contractSigned[i] ? workerFlags[w] | CONTRACT_SIGNED
                    : workerFlags[w] & ~CONTRACT_SIGNED);
        }
        cardOwner = new int[cards.size()];
        rosterWorkersOfCard = new int[cards.size()];
        Arrays.fill(cardOwner, -1);
        for (int w = 0; w < workers; w++) {
            int c = rosterCard[w];
            if (c >= 0) {
                rosterWorkersOfCard[c]++;
                if (cardOwner[c] < 0 || rosterRow[w] > rosterRow[cardOwner[c]]) {
                    cardOwner[c] = w;
                }
            }
        }
    }

    private void addAttendance(int project, long code, int month, int dayBits) {
        int w = worker(project, code);
        workerFlags[w] |= ATTENDED;
        int s = slot(w, month);
        attendanceDays[s] |= dayBits;
    }

    private void addPayroll(PayrollRows rows) {
        for (int i = 0; i < rows.size; i++) {
            int w = worker(rows.project[i], rows.worker[i]);
            workerFlags[w] |= ON_PAYROLL;
            int s = slot(w, rows.month[i]);
            // A repeated (project, worker, month) line replaces the earlier one.
            slotFlags[s] |= HAS_PAYROLL_LINE;
            slotFlags[s] = (byte) (rows.signed[i] ? slotFlags[s] | SIGNED_RECEIPT : slotFlags[s] & ~SIGNED_RECEIPT);
            payrollDays[s] = rows.days[i];
            netWage[s] = rows.net[i];
            payDate[s] = rows.payDate[i];
        }
    }

    private void addDisbursements(DisbursementRows rows) {
        nextSuccess = new int[rows.size];
        cardFirstEntry = new int[cards.size()];
        Arrays.fill(cardFirstEntry, -1);
        for (int i = 0; i < rows.size; i++) {
            int w = attributedWorker(rows, i);
            if (w < 0) {
                unmatched.add(i);
                continue;
            }
            int s = slot(w, rows.month[i]);
            int date = rows.valueDate[i];
            if (rows.status[i] != Values.SUCCESS) {
                if (date > lastFailure[s]) {
                    lastFailure[s] = date;
                    lastFailureRow[s] = i;
                }
                continue;
            }
            paid[s] += rows.amount[i];
            if (date > lastSuccess[s]) {
                lastSuccess[s] = date;
                lastSuccessRow[s] = i;
            }
            int card = rows.card[i];
            if (card != rosterCard[w] && otherCardRow[s] < 0) {
                otherCardRow[s] = i;
            }
            noteCardMonth(card, rows.month[i], w);
            if (duplicateFirst[s] < 0) {
                // Alike = same card, value date and amount; transaction ids are unique within a project.
                for (int j = firstSuccess[s]; j >= 0; j = nextSuccess[j]) {
                    if (rows.card[j] == card && rows.valueDate[j] == date && rows.amount[j] == rows.amount[i]) {
                        duplicateFirst[s] = j;
                        duplicateSecond[s] = i;
                        break;
                    }
                }
                // Once a duplicate is found the chain is no longer needed, which also keeps a worker-month
                // with thousands of distinct payments the only case of a long walk.
                nextSuccess[i] = firstSuccess[s];
                firstSuccess[s] = i;
            }
        }
        nextSuccess = null;
    }

    private int attributedWorker(DisbursementRows rows, int i) {
        long payee = rows.payee[i];
        if (payee != IdNumbers.NONE) {
            return worker(rows.project[i], payee);
        }
        int card = rows.card[i];
        return card < cardOwner.length ? cardOwner[card] : -1;
    }

    private void noteCardMonth(int card, int month, int w) {
        for (int e = cardFirstEntry[card]; e >= 0; e = entryNext[e]) {
            if (entryMonth[e] == month) {
                if (entryFirstWorker[e] != w && entrySecondWorker[e] < 0) {
                    entrySecondWorker[e] = w;
                }
                return;
            }
        }
        int e = cardEntries++;
        if (e == entryNext.length) {
            int n = e + (e >> 1) + 16;
            entryNext = Arrays.copyOf(entryNext, n);
            entryCard = Arrays.copyOf(entryCard, n);
            entryMonth = Arrays.copyOf(entryMonth, n);
            entryFirstWorker = Arrays.copyOf(entryFirstWorker, n);
            entrySecondWorker = Arrays.copyOf(entrySecondWorker, n);
        }
        entryNext[e] = cardFirstEntry[card];
        cardFirstEntry[card] = e;
        entryCard[e] = card;
        entryMonth[e] = month;
        entryFirstWorker[e] = w;
        entrySecondWorker[e] = -1;
    }

    /** Runs every rule, handing each finding to the sink. */
    void reconcile(ReconciliationParameters parameters, Consumer<Finding> sink) {
        Context context = new Context(parameters);
        WorkerView worker = new WorkerView(context);
        MonthView month = new MonthView(context);
        WorkerPolicy[] workerPolicies = WorkerPolicy.values();
        WorkerMonthPolicy[] monthPolicies = WorkerMonthPolicy.values();
        for (int w = 0; w < workers; w++) {
            worker.at(w);
            for (WorkerPolicy policy : workerPolicies) {
                if (policy.breached(worker)) {
                    sink.accept(new Finding(policy.rule(), worker.project(), worker.id(), null, policy.detail(worker)));
                }
            }
        }
        // In slot order, not worker by worker: the slot arrays are then read front to back.
        for (int s = 0; s < slots; s++) {
            int w = slotWorker[s];
            month.at(w, s);
            for (WorkerMonthPolicy policy : monthPolicies) {
                if (policy.breached(month)) {
                    worker.at(w);
                    sink.accept(new Finding(policy.rule(), worker.project(), worker.id(), month.month(),
                            policy.detail(month)));
                }
            }
        }
        sharedRosterCards(context, sink);
        sharedCards(context, sink);
        unmatchedPayments(context, sink);
    }

    private void sharedRosterCards(Context context, Consumer<Finding> sink) {
        Map<Integer, List<String>> holders = new HashMap<>();
        for (int w = 0; w < workers; w++) {
            int c = rosterCard[w];
            if (c >= 0 && rosterWorkersOfCard[c] > 1) {
                holders.computeIfAbsent(c, k -> new ArrayList<>()).add(keys.idNumber(workerCode[w]));
            }
        }
        for (int c = 0; c < rosterWorkersOfCard.length; c++) {
            if (rosterWorkersOfCard[c] > 1) {
                List<String> ids = holders.get(c);
                sink.accept(new Finding(Rule.SHARED_ROSTER_CARD, context.project(workerProject[cardOwner[c]]), null,
                        null, "卡号 " + cards.string(c) + " 是花名册中 " + ids.size() + " 名工人的工资卡："
                        + listed(ids)));
            }
        }
    }

    private void sharedCards(Context context, Consumer<Finding> sink) {
        for (int e = 0; e < cardEntries; e++) {
            if (entrySecondWorker[e] >= 0) {
                int first = entryFirstWorker[e];
                int month = entryMonth[e];
                sink.accept(new Finding(Rule.SHARED_CARD, context.project(workerProject[first]), null, yearMonth(month),
                        "卡号 " + cards.string(entryCard[e]) + " 收到 " + Values.month(month) + " 两名及以上工人的成功代发，含 "
                                + keys.idNumber(workerCode[first]) + "、"
                                + keys.idNumber(workerCode[entrySecondWorker[e]])));
            }
        }
    }

    private void unmatchedPayments(Context context, Consumer<Finding> sink) {
        DisbursementRows rows = disbursements;
        for (int i : unmatched) {
            sink.accept(new Finding(Rule.UNMATCHED_PAYMENT, context.project(rows.project[i]), null,
                    yearMonth(rows.month[i]), "流水号 " + transactions.string(rows.transaction[i]) + "（卡号 "
                    + cards.string(rows.card[i]) + "，金额 " + Values.yuan(rows.amount[i]) + " 元，交易日期 "
                    + Values.date(rows.valueDate[i]) + "，状态 " + Values.statusName(rows.status[i])
                    + "）没有收款人身份证号，卡号也不是花名册中任何工人的工资卡，无法对应到工人"));
        }
    }

    private static String listed(List<String> ids) {
        return ids.size() <= 10 ? String.join("、", ids) : String.join("、", ids.subList(0, 10)) + " 等";
    }

    static YearMonth yearMonth(int yyyymm) {
        return YearMonth.of(yyyymm / 100, yyyymm % 100);
    }

    /** What the views share: parameters and printed project codes. */
    final class Context {
        final long excessivePayFen;
        final int today;
        private final String[] projectCodes;

        Context(ReconciliationParameters parameters) {
            excessivePayFen = parameters.excessivePayFen();
            today = parameters.today().getYear() * 10000 + parameters.today().getMonthValue() * 100
                    + parameters.today().getDayOfMonth();
            projectCodes = new String[keys.projectCount()];
        }

        String project(int p) {
            String code = projectCodes[p];
            if (code == null) {
                code = keys.projectCode(p);
                projectCodes[p] = code;
            }
            return code;
        }
    }

    /** One worker of one project, as the worker policies see it. */
    final class WorkerView {
        private final Context context;
        private int w;

        WorkerView(Context context) {
            this.context = context;
        }

        void at(int worker) {
            w = worker;
        }

        String project() {
            return context.project(workerProject[w]);
        }

        String id() {
            return keys.idNumber(workerCode[w]);
        }

        boolean validId() {
            long code = workerCode[w];
            return code >= 0 && IdNumbers.isValid(code, context.today);
        }

        String idProblem() {
            long code = workerCode[w];
            return code >= 0 ? IdNumbers.problem(code, context.today) : "不是 17 位数字加一位校验码（0–9 或 X）";
        }

        boolean onRoster() {
            return (workerFlags[w] & ON_ROSTER) != 0;
        }

        boolean contractSigned() {
            return (workerFlags[w] & CONTRACT_SIGNED) != 0;
        }

        boolean attended() {
            return (workerFlags[w] & ATTENDED) != 0;
        }

        boolean onPayroll() {
            return (workerFlags[w] & ON_PAYROLL) != 0;
        }

        int attendanceDays() {
            int total = 0;
            for (int s = firstSlot[w]; s >= 0; s = slotNext[s]) {
                total += Integer.bitCount(attendanceDays[s]);
            }
            return total;
        }

        int payrollLines() {
            int total = 0;
            for (int s = firstSlot[w]; s >= 0; s = slotNext[s]) {
                total += slotFlags[s] & HAS_PAYROLL_LINE;
            }
            return total;
        }
    }

    /** One worker's month, as the worker-month policies see it. */
    final class MonthView {
        private final Context context;
        private int w;
        private int s;

        MonthView(Context context) {
            this.context = context;
        }

        void at(int worker, int slot) {
            w = worker;
            s = slot;
        }

        YearMonth month() {
            return yearMonth(slotMonth[s]);
        }

        String monthText() {
            return Values.month(slotMonth[s]);
        }

        int attendanceDays() {
            return Integer.bitCount(attendanceDays[s]);
        }

        boolean hasPayrollLine() {
            return (slotFlags[s] & HAS_PAYROLL_LINE) != 0;
        }

        /** The worker signed the pay sheet's line for the month: a receipt of its net wage (cash part included). */
        boolean signedReceipt() {
            return (slotFlags[s] & SIGNED_RECEIPT) != 0;
        }

        int payrollDays() {
            return payrollDays[s];
        }

        long netWageFen() {
            return netWage[s];
        }

        int payDate() {
            return payDate[s];
        }

        long paidFen() {
            return paid[s];
        }

        long excessivePayFen() {
            return context.excessivePayFen;
        }

        int lastSuccessDate() {
            return lastSuccess[s];
        }

        int lastFailureDate() {
            return lastFailure[s];
        }

        /** Disbursements the details name: -1 when there is none. */
        int lastSuccessRow() {
            return lastSuccess[s] > 0 ? lastSuccessRow[s] : -1;
        }

        int lastFailureRow() {
            return lastFailure[s] > 0 ? lastFailureRow[s] : -1;
        }

        int otherCardRow() {
            return otherCardRow[s];
        }

        int duplicateFirstRow() {
            return duplicateFirst[s];
        }

        int duplicateSecondRow() {
            return duplicateSecond[s];
        }

        /** The worker's roster card, or null when the worker has no roster row. */
        String rosterCard() {
            return rosterCard[w] >= 0 ? cards.string(rosterCard[w]) : null;
        }

        String transaction(int row) {
            return transactions.string(disbursements.transaction[row]);
        }

        String card(int row) {
            return cards.string(disbursements.card[row]);
        }

        long amount(int row) {
            return disbursements.amount[row];
        }

        int valueDate(int row) {
            return disbursements.valueDate[row];
        }

        String status(int row) {
            return Values.statusName(disbursements.status[row]);
        }
    }
}
