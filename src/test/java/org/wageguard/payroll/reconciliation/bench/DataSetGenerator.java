package org.wageguard.payroll.reconciliation.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a province's month (or months) of roster, attendance, pay sheets and bank disbursements, project
 * by project, streaming rows to a {@link Rows} listener. Most workers are in order; a small share, set by
 * {@code anomalyRate}, carry the anomalies every rule looks for, and a few sit at a rule's edge (one fen short,
 * repaid the same day, exactly at the threshold). Everything is a pure function of the seed.
 */
public final class DataSetGenerator {

    /**
     * @param workers           workers in all
     * @param workersPerProject workers of one project (the last project may have fewer)
     * @param firstMonth        the first payroll month
     * @param months            how many months
     * @param anomalyRate       how likely each kind of anomaly is per worker or worker-month
     */
    public record Config(int workers, int workersPerProject, YearMonth firstMonth, int months, double anomalyRate,
                         long seed) {

        public static Config of(int workers, long seed) {
            return new Config(workers, 500, YearMonth.of(2026, 9), 1, 0.004, seed);
        }
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    private final Config config;
    private final Rows out;
    private long transactions;

    private DataSetGenerator(Config config, Rows out) {
        this.config = config;
        this.out = out;
    }

    public static void generate(Config config, Rows out) {
        new DataSetGenerator(config, out).run();
    }

    /** One worker of one project, as the generator decided it. */
    private record Worker(String id, String name, String card, boolean onRoster, boolean contractSigned,
                          boolean replacedRosterRow, String rosterCard) {
    }

    private void run() {
        int projects = (config.workers() + config.workersPerProject() - 1) / config.workersPerProject();
        for (int p = 0; p < projects; p++) {
            String project = String.format("XM%06d", p + 1);
            List<Worker> workers = new ArrayList<>();
            int from = p * config.workersPerProject();
            int to = Math.min(config.workers(), from + config.workersPerProject());
            for (int w = from; w < to; w++) {
                workers.add(worker(w, workers.isEmpty() ? null : workers.get(workers.size() - 1)));
            }
            // A few workers of the previous project work here too, under the same ID and card.
            for (int w = Math.max(0, from - config.workersPerProject()); w < from; w++) {
                if (random(w, 7).nextDouble() < config.anomalyRate()) {
                    workers.add(worker(w, null));
                }
            }
            roster(project, workers);
            for (int m = 0; m < config.months(); m++) {
                month(project, p, workers, config.firstMonth().plusMonths(m));
            }
        }
    }

    private SplittableRandom random(long a, long b) {
        return new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b);
    }

    private boolean chance(SplittableRandom r) {
        return r.nextDouble() < config.anomalyRate();
    }

    private Worker worker(int w, Worker previous) {
        SplittableRandom r = random(w, 1);
        // Distinct for every w below 14.6 million: 13 is prime to the 14,600 days counted from 1960.
        java.time.LocalDate birth = java.time.LocalDate.of(1960, 1, 1).plusDays(w / 1000 * 13L % 14_600);
        String first17 = String.format("430981%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), w % 1000);
        String id = withCheck(first17);
        if (chance(r)) {
            id = first17 + (id.charAt(17) == '0' ? '1' : '0');
        }
        String card = String.format("6222%012d", w * 7L + 3);
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        boolean onRoster = !chance(r);
        boolean contract = r.nextDouble() >= config.anomalyRate() * 3;
        boolean replaced = chance(r);
        String rosterCard = previous != null && chance(r) ? previous.card() : card;
        return new Worker(id, name, card, onRoster, contract, replaced, rosterCard);
    }

    private void roster(String project, List<Worker> workers) {
        List<Rows.Roster> later = new ArrayList<>();
        for (Worker w : workers) {
            if (!w.onRoster()) {
                continue;
            }
            Rows.Roster row = new Rows.Roster(project, w.id(), w.name(), w.rosterCard(), w.contractSigned(),
                    "2026-03-01");
            if (w.replacedRosterRow()) {
                // An outdated row first; the row that counts comes later in the file, and takes that position.
                out.roster(new Rows.Roster(project, w.id(), w.name(), "6223" + w.card().substring(4), true,
                        "2025-03-01"));
                later.add(row);
            } else {
                out.roster(row);
            }
        }
        later.forEach(out::roster);
    }

    private void month(String project, int p, List<Worker> workers, YearMonth month) {
        int n = workers.size();
        int[] days = new int[n];
        boolean[] ghost = new boolean[n];
        int length = month.lengthOfMonth();
        for (int i = 0; i < n; i++) {
            SplittableRandom r = random(p * 100_003L + i, month.getYear() * 12L + month.getMonthValue());
            ghost[i] = chance(r);
            if (ghost[i]) {
                continue;
            }
            int absence = 2 + r.nextInt(8);
            for (int d = 1; d <= length; d++) {
                if (r.nextInt(length) >= absence) {
                    days[i] |= 1 << (d - 1);
                }
            }
        }
        String prefix = month.toString();
        for (int d = 1; d <= length; d++) {
            String date = prefix + (d < 10 ? "-0" : "-") + d;
            for (int i = 0; i < n; i++) {
                if ((days[i] & 1 << (d - 1)) != 0) {
                    out.attendance(new Rows.Attendance(project, workers.get(i).id(), date));
                }
            }
        }
        String payDate = month.plusMonths(1).atDay(10).toString();
        for (int i = 0; i < n; i++) {
            pay(project, workers, i, month, Integer.bitCount(days[i]), ghost[i], payDate, random(p * 100_003L + i,
                    month.getYear() * 12L + month.getMonthValue() + 1_000_000));
        }
        SplittableRandom r = random(p, month.getYear() * 12L + month.getMonthValue() + 2_000_000);
        if (chance(r) || r.nextDouble() < 0.02) {
            String[] statuses = {"SUCCESS", "FAILED", "RETURNED"};
            out.disbursement(new Rows.Disbursement(project, transaction(), String.format("6299%012d", r.nextLong(1L << 40)),
                    "某某", null, 100_00 + r.nextInt(500_000), payDate, statuses[r.nextInt(3)], month.toString()));
        }
    }

    private void pay(String project, List<Worker> workers, int i, YearMonth month, int attended, boolean ghost,
                     String payDate, SplittableRandom r) {
        Worker w = workers.get(i);
        String m = month.toString();
        int days = ghost ? 1 + r.nextInt(20) : attended;
        if (!ghost && chance(r)) {
            days += r.nextBoolean() ? 1 : -1;
        }
        long rate = 200_00 + r.nextInt(200) * 100L + (r.nextInt(10) == 0 ? r.nextInt(100) : 0);
        long net = days * rate;
        if (chance(r) && chance(r) || r.nextDouble() < config.anomalyRate() / 4) {
            net = 50_000_00 + (r.nextBoolean() ? 1 : 0);
        }
        long gross = net + (r.nextInt(4) == 0 ? r.nextInt(50_000) : 0);
        boolean line = ghost || !chance(r);
        if (line) {
            if (chance(r)) {
                out.payroll(new Rows.Payroll(project, m, w.id(), w.name(), days + 3, gross * 2, net * 2, payDate));
            }
            out.payroll(new Rows.Payroll(project, m, w.id(), w.name(), days, gross, net, payDate));
        }
        if (attended == 0 && !line) {
            return;
        }
        // Most banks send the payee's ID; attribution by card covers the rest.
        String payee = r.nextInt(10) < 7 ? w.id() : null;
        String card = w.rosterCard();
        if (!w.onRoster() || w.replacedRosterRow()) {
            payee = w.id();
        }
        int scenario = r.nextDouble() < config.anomalyRate() * 14 ? 1 + r.nextInt(14) : 0;
        switch (scenario) {
            case 1 -> { } // unpaid
            case 2 -> paid(project, card, w, payee, net, payDate, "FAILED", m);
            case 3 -> paid(project, card, w, payee, Math.max(1, net - 2 - r.nextInt(100_000)), payDate, "SUCCESS", m);
            case 4 -> paid(project, card, w, payee, net - 1, payDate, "SUCCESS", m);
            case 5 -> paid(project, "6288" + w.card().substring(4), w, w.id(), net, payDate, "SUCCESS", m);
            case 6 -> {
                Worker other = workers.get((i + 1) % workers.size());
                paid(project, other.rosterCard(), w, w.id(), net, payDate, "SUCCESS", m);
            }
            case 7 -> paid(project, card, w, payee, net, month.plusMonths(1).atDay(11 + r.nextInt(15)).toString(),
                    "SUCCESS", m);
            case 8 -> {
                paid(project, card, w, payee, net, payDate, "RETURNED", m);
                paid(project, card, w, payee, net, payDate, "SUCCESS", m);
            }
            case 9 -> {
                paid(project, card, w, payee, net, month.plusMonths(1).atDay(5).toString(), "FAILED", m);
                paid(project, card, w, payee, net, payDate, "SUCCESS", m);
            }
            case 10 -> {
                paid(project, card, w, payee, net, payDate, "SUCCESS", m);
                paid(project, card, w, payee, net, month.plusMonths(1).atDay(12).toString(), "FAILED", m);
            }
            case 11 -> {
                paid(project, card, w, payee, net, payDate, "SUCCESS", m);
                paid(project, card, w, payee, net, payDate, "SUCCESS", m);
            }
            case 12 -> {
                paid(project, card, w, payee, net / 2, payDate, "SUCCESS", m);
                paid(project, card, w, payee, net - net / 2, payDate, "SUCCESS", m);
            }
            case 13 -> paid(project, card, w, payee, 60_000_00, payDate, "SUCCESS", m);
            case 14 -> paid(project, card, w, payee, net, month.plusMonths(2).atDay(1).toString(), "SUCCESS",
                    month.plusMonths(1).toString());
            default -> paid(project, card, w, payee, net, payDate, "SUCCESS", m);
        }
    }

    private void paid(String project, String card, Worker w, String payee, long amount, String date, String status,
                      String month) {
        out.disbursement(new Rows.Disbursement(project, transaction(), card, w.name(), payee, amount, date, status,
                month));
    }

    private String transaction() {
        return String.format("TX%012d", ++transactions);
    }

    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECKS.charAt(sum % 11);
    }
}
