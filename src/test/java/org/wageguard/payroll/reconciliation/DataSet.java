package org.wageguard.payroll.reconciliation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small data set written as the four CSV texts, row by row, for scenario tests. */
final class DataSet {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private final StringBuilder roster = new StringBuilder(
            "project_code,worker_id_number,worker_name,bank_card,contract_signed,entry_date\n");
    private final StringBuilder attendance = new StringBuilder("project_code,worker_id_number,date\n");
    private final StringBuilder payroll = new StringBuilder(
            "project_code,month,worker_id_number,worker_name,days_worked,gross_wage,net_wage,pay_date,signed\n");
    private final StringBuilder disbursements = new StringBuilder(
            "project_code,transaction_id,bank_card,payee_name,payee_id_number,amount,value_date,status,month\n");

    DataSet roster(String project, String id, String card, String contract) {
        roster.append(row(project, id, "工人", card, contract, "2024-01-01"));
        return this;
    }

    DataSet roster(String project, String id, String card) {
        return roster(project, id, card, "Y");
    }

    /** One attendance row for each day of the month from {@code firstDay} to {@code lastDay}. */
    DataSet attendance(String project, String id, String month, int firstDay, int lastDay) {
        for (int d = firstDay; d <= lastDay; d++) {
            attendance.append(row(project, id, month + String.format("-%02d", d)));
        }
        return this;
    }

    DataSet payroll(String project, String month, String id, int days, String net, String payDate) {
        payroll.append(row(project, month, id, "工人", Integer.toString(days), net, net, payDate, ""));
        return this;
    }

    /** A pay-sheet line the worker signed (本人签字确认 Y). */
    DataSet signedPayroll(String project, String month, String id, int days, String net, String payDate) {
        payroll.append(row(project, month, id, "工人", Integer.toString(days), net, net, payDate, "Y"));
        return this;
    }

    /** A disbursement; {@code payeeId} may be empty (attribution by card). */
    DataSet pay(String project, String tx, String card, String payeeId, String amount, String valueDate, String status,
                String month) {
        disbursements.append(row(project, tx, card, "收款人", payeeId, amount, valueDate, status, month));
        return this;
    }

    /** One CSV line, quoting the cells that need it (RFC 4180). */
    private static String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (line.length() > 0) {
                line.append(',');
            }
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return line.append('\n').toString();
    }

    ReconciliationInput input() {
        return new ReconciliationInput(csv("roster.csv", roster), csv("attendance.csv", attendance),
                csv("payroll.csv", payroll), csv("disbursements.csv", disbursements));
    }

    List<Finding> reconcile() {
        return new ReconciliationEngine(ReconciliationParameters.defaults().withToday(TODAY), 1).reconcile(input());
    }

    List<Finding> reconcile(ReconciliationParameters parameters) {
        return new ReconciliationEngine(parameters, 1).reconcile(input());
    }

    /** The findings of one rule. */
    List<Finding> findings(Rule rule) {
        List<Finding> of = new ArrayList<>();
        for (Finding f : reconcile()) {
            if (f.rule() == rule) {
                of.add(f);
            }
        }
        return of;
    }

    void writeTo(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("roster.csv"), roster);
        Files.writeString(dir.resolve("attendance.csv"), attendance);
        Files.writeString(dir.resolve("payroll.csv"), payroll);
        Files.writeString(dir.resolve("disbursements.csv"), disbursements);
    }

    private static CsvSource csv(String name, CharSequence text) {
        return CsvSource.of(name, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
