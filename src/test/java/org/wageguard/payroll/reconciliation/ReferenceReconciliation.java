package org.wageguard.payroll.reconciliation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wageguard.payroll.reconciliation.bench.Rows;

/**
 * The 15 rules written a second time, as plainly as FORMATS.md states them, over canonical rows held in lists
 * and string-keyed maps: slow, obviously faithful, and sharing no code with the engine. The property test
 * holds the engine to it.
 */
final class ReferenceReconciliation {

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private ReferenceReconciliation() {
    }

    /** Findings as keys {@code rule|severity|project|worker|month}, one entry per finding. */
    static List<String> findings(List<Rows.Roster> roster, List<Rows.Attendance> attendance,
                                 List<Rows.Payroll> payroll, List<Rows.Disbursement> disbursements, LocalDate today,
                                 long excessiveFen) {
        List<String> out = new ArrayList<>();
        // Roster: the later row for a (project, worker) replaces the earlier and takes its position.
        Map<String, Rows.Roster> rosterRow = new HashMap<>();
        Map<String, Integer> rosterPosition = new HashMap<>();
        for (int i = 0; i < roster.size(); i++) {
            Rows.Roster r = roster.get(i);
            rosterRow.put(key(r.project(), r.id()), r);
            rosterPosition.put(key(r.project(), r.id()), i);
        }
        Map<String, String> cardOwner = new HashMap<>();
        Map<String, Integer> ownerPosition = new HashMap<>();
        Map<String, Set<String>> cardHolders = new LinkedHashMap<>();
        for (Map.Entry<String, Rows.Roster> e : rosterRow.entrySet()) {
            Rows.Roster r = e.getValue();
            String card = key(r.project(), r.card());
            cardHolders.computeIfAbsent(card, k -> new HashSet<>()).add(r.id());
            int position = rosterPosition.get(e.getKey());
            if (!ownerPosition.containsKey(card) || ownerPosition.get(card) < position) {
                ownerPosition.put(card, position);
                cardOwner.put(card, r.id());
            }
        }
        Map<String, Set<String>> attendanceDates = new HashMap<>();
        Set<String> attended = new HashSet<>();
        for (Rows.Attendance a : attendance) {
            attendanceDates.computeIfAbsent(key(a.project(), a.id(), a.date().substring(0, 7)), k -> new HashSet<>())
                    .add(a.date());
            attended.add(key(a.project(), a.id()));
        }
        Map<String, Rows.Payroll> payrollLine = new HashMap<>();
        Set<String> onPayroll = new HashSet<>();
        for (Rows.Payroll p : payroll) {
            payrollLine.put(key(p.project(), p.id(), p.month()), p);
            onPayroll.add(key(p.project(), p.id()));
        }
        Map<String, List<Rows.Disbursement>> attributed = new HashMap<>();
        Set<String> payees = new HashSet<>();
        for (Rows.Disbursement d : disbursements) {
            String worker = d.payeeId() != null ? d.payeeId() : cardOwner.get(key(d.project(), d.card()));
            if (worker == null) {
                out.add(finding(Rule.UNMATCHED_PAYMENT, d.project(), "", d.month()));
                continue;
            }
            if (d.payeeId() != null) {
                payees.add(key(d.project(), d.payeeId()));
            }
            attributed.computeIfAbsent(key(d.project(), worker, d.month()), k -> new ArrayList<>()).add(d);
        }

        Set<String> workers = new LinkedHashSet<>();
        workers.addAll(rosterRow.keySet());
        workers.addAll(attended);
        workers.addAll(onPayroll);
        workers.addAll(payees);
        for (String pw : workers) {
            String[] parts = pw.split("\\|");
            if (!valid(parts[1], today)) {
                out.add(finding(Rule.INVALID_ID_NUMBER, parts[0], parts[1], ""));
            }
            if ((attended.contains(pw) || onPayroll.contains(pw)) && !rosterRow.containsKey(pw)) {
                out.add(finding(Rule.NOT_ON_ROSTER, parts[0], parts[1], ""));
            }
            if (attended.contains(pw) && rosterRow.containsKey(pw) && !rosterRow.get(pw).contractSigned()) {
                out.add(finding(Rule.NO_CONTRACT, parts[0], parts[1], ""));
            }
        }

        Set<String> months = new LinkedHashSet<>();
        months.addAll(attendanceDates.keySet());
        months.addAll(payrollLine.keySet());
        months.addAll(attributed.keySet());
        Map<String, Set<String>> cardMonthWorkers = new LinkedHashMap<>();
        for (String pwm : months) {
            String[] parts = pwm.split("\\|");
            String project = parts[0];
            String worker = parts[1];
            String month = parts[2];
            int days = attendanceDates.getOrDefault(pwm, Set.of()).size();
            Rows.Payroll line = payrollLine.get(pwm);
            List<Rows.Disbursement> all = attributed.getOrDefault(pwm, List.of());
            List<Rows.Disbursement> success = all.stream().filter(d -> d.status().equals("SUCCESS")).toList();
            long paid = success.stream().mapToLong(Rows.Disbursement::amountFen).sum();
            Rows.Roster rosterOf = rosterRow.get(key(project, worker));
            if (line != null && days == 0) {
                out.add(finding(Rule.GHOST_PAYROLL, project, worker, month));
            }
            if (days > 0 && line != null && days != line.days()) {
                out.add(finding(Rule.DAYS_MISMATCH, project, worker, month));
            }
            if (days > 0 && paid == 0) {
                out.add(finding(Rule.UNPAID, project, worker, month));
            }
            if (line != null && paid > 0 && paid < line.netFen() - 1) {
                out.add(finding(Rule.UNDERPAID, project, worker, month));
            }
            if (success.stream().anyMatch(d -> rosterOf == null || !d.card().equals(rosterOf.card()))) {
                out.add(finding(Rule.PAID_TO_OTHER_CARD, project, worker, month));
            }
            if (line != null && success.stream().anyMatch(d -> d.valueDate().compareTo(line.payDate()) > 0)) {
                out.add(finding(Rule.LATE_PAYMENT, project, worker, month));
            }
            boolean unrepaid = all.stream().filter(d -> !d.status().equals("SUCCESS")).anyMatch(f ->
                    success.stream().noneMatch(s -> s.valueDate().compareTo(f.valueDate()) >= 0));
            if (unrepaid) {
                out.add(finding(Rule.FAILED_NOT_REPAID, project, worker, month));
            }
            boolean duplicate = false;
            for (int i = 0; i < success.size() && !duplicate; i++) {
                for (int j = i + 1; j < success.size() && !duplicate; j++) {
                    Rows.Disbursement a = success.get(i);
                    Rows.Disbursement b = success.get(j);
                    duplicate = a.card().equals(b.card()) && a.amountFen() == b.amountFen()
                            && a.valueDate().equals(b.valueDate()) && !a.transactionId().equals(b.transactionId());
                }
            }
            if (duplicate) {
                out.add(finding(Rule.DUPLICATE_PAYMENT, project, worker, month));
            }
            if (paid > excessiveFen) {
                out.add(finding(Rule.EXCESSIVE_PAY, project, worker, month));
            }
            for (Rows.Disbursement d : success) {
                cardMonthWorkers.computeIfAbsent(key(project, d.card(), month), k -> new HashSet<>()).add(worker);
            }
        }
        cardMonthWorkers.forEach((pcm, ws) -> {
            if (ws.size() >= 2) {
                String[] parts = pcm.split("\\|");
                out.add(finding(Rule.SHARED_CARD, parts[0], "", parts[2]));
            }
        });
        cardHolders.forEach((pc, ws) -> {
            if (ws.size() >= 2) {
                out.add(finding(Rule.SHARED_ROSTER_CARD, pc.split("\\|")[0], "", ""));
            }
        });
        return out;
    }

    static String finding(Rule rule, String project, String worker, String month) {
        return String.join("|", rule.name(), rule.severity().code(), project, worker, month);
    }

    /** GB 11643 as DOMAIN.md §7 states it, with the birth date between 1900-01-01 and today. */
    static boolean valid(String id, LocalDate today) {
        if (!id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.parse(id.substring(6, 14), BIRTH);
            if (birth.isBefore(LocalDate.of(1900, 1, 1)) || birth.isAfter(today)) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11) == id.charAt(17);
    }

    private static String key(String... parts) {
        return String.join("|", parts);
    }
}
