package org.wageguard.payroll.reconciliation.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a generated data set as the four CSV files, rendering canonical rows the way real exports differ: a
 * lower-case {@code x}, card numbers in groups of four, Chinese statuses and 是/否, {@code 3000} for
 * {@code 3000.00}; with {@code messy} also Chinese or upper-case headers in any order with an unknown column,
 * a byte order mark, names quoted with commas, quotes and line breaks, and blank rows.
 */
public final class CsvWriter implements Rows, Closeable {

    private static final String[][] ROSTER = {{"project_code", "项目编号"}, {"worker_id_number", "身份证号"},
        {"worker_name", "姓名"}, {"bank_card", "工资卡号"}, {"contract_signed", "是否签订劳动合同"}, {"entry_date", "进场日期"}};
    private static final String[][] ATTENDANCE = {{"project_code", "项目编号"}, {"worker_id_number", "身份证号"},
        {"date", "日期"}, {"hours", "工时"}};
    private static final String[][] PAYROLL = {{"project_code", "项目编号"}, {"month", "工资月份"},
        {"worker_id_number", "身份证号"}, {"worker_name", "姓名"}, {"days_worked", "出勤天数"}, {"gross_wage", "应发工资"},
        {"deductions", "扣款"}, {"net_wage", "实发工资"}, {"pay_date", "发放日期"}};
    private static final String[][] DISBURSEMENTS = {{"project_code", "项目编号"}, {"transaction_id", "交易流水号"},
        {"bank_card", "收款卡号"}, {"payee_name", "收款人姓名"}, {"payee_id_number", "收款人身份证号"}, {"amount", "金额"},
        {"value_date", "交易日期"}, {"status", "状态"}, {"month", "工资所属月份"}};

    private final boolean messy;
    private final SplittableRandom random;
    private final Table roster;
    private final Table attendance;
    private final Table payroll;
    private final Table disbursements;

    public CsvWriter(Path dir, boolean messy, long seed) throws IOException {
        Files.createDirectories(dir);
        this.messy = messy;
        this.random = new SplittableRandom(seed);
        roster = new Table(dir.resolve("roster.csv"), ROSTER);
        attendance = new Table(dir.resolve("attendance.csv"), ATTENDANCE);
        payroll = new Table(dir.resolve("payroll.csv"), PAYROLL);
        disbursements = new Table(dir.resolve("disbursements.csv"), DISBURSEMENTS);
    }

    @Override
    public void roster(Roster r) {
        roster.row(r.project(), id(r.id()), name(r.name()), card(r.card()), yesNo(r.contractSigned()), r.entryDate());
    }

    @Override
    public void attendance(Attendance r) {
        attendance.row(r.project(), id(r.id()), r.date(), random.nextInt(8) == 0 ? "8.5" : "8");
    }

    @Override
    public void payroll(Payroll r) {
        payroll.row(r.project(), r.month(), id(r.id()), name(r.name()), Integer.toString(r.days()),
                money(r.grossFen()), money(r.grossFen() - r.netFen()), money(r.netFen()), r.payDate());
    }

    @Override
    public void disbursement(Disbursement r) {
        disbursements.row(r.project(), r.transactionId(), card(r.card()), name(r.payeeName()),
                r.payeeId() == null ? "" : id(r.payeeId()), money(r.amountFen()), r.valueDate(), status(r.status()),
                r.month());
    }

    private String id(String id) {
        return id.endsWith("X") && random.nextBoolean() ? id.substring(0, 17) + "x" : id;
    }

    private String card(String card) {
        if (random.nextInt(20) != 0) {
            return card;
        }
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < card.length(); i += 4) {
            spaced.append(i == 0 ? "" : " ").append(card, i, Math.min(card.length(), i + 4));
        }
        return spaced.toString();
    }

    private String name(String name) {
        if (!messy || random.nextInt(10) != 0) {
            return name;
        }
        return switch (random.nextInt(3)) {
            case 0 -> name + ",小名";
            case 1 -> name + "\n（曾用名）";
            default -> "\"" + name + "\"";
        };
    }

    private String yesNo(boolean yes) {
        return switch (random.nextInt(4)) {
            case 0 -> yes ? "是" : "否";
            case 1 -> yes ? "y" : "n";
            default -> yes ? "Y" : "N";
        };
    }

    private String status(String status) {
        int k = random.nextInt(6);
        if (k == 0) {
            return switch (status) {
                case "SUCCESS" -> "成功";
                case "FAILED" -> "失败";
                default -> "退回";
            };
        }
        return k == 1 ? status.toLowerCase() : status;
    }

    private String money(long fen) {
        String yuan = fen / 100 + "." + (fen % 100 < 10 ? "0" : "") + fen % 100;
        if (fen % 100 == 0 && random.nextBoolean()) {
            return Long.toString(fen / 100);
        }
        return fen % 10 == 0 && random.nextInt(4) == 0 ? yuan.substring(0, yuan.length() - 1) : yuan;
    }

    @Override
    public void close() throws IOException {
        roster.close();
        attendance.close();
        payroll.close();
        disbursements.close();
    }

    /** One file: its header as chosen, the column order, and the writer. */
    private final class Table implements Closeable {
        private final Writer out;
        private final int[] order;
        private final boolean unknownColumn;
        private final StringBuilder line = new StringBuilder(256);

        Table(Path file, String[][] columns) throws IOException {
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                    1 << 20);
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                indices.add(i);
            }
            if (messy) {
                Collections.shuffle(indices, new java.util.Random(random.nextLong()));
            }
            order = indices.stream().mapToInt(Integer::intValue).toArray();
            unknownColumn = messy && random.nextBoolean();
            if (messy && random.nextBoolean()) {
                out.write('\uFEFF');
            }
            List<String> header = new ArrayList<>();
            for (int i : order) {
                String name = columns[i][0];
                header.add(!messy ? name : switch (random.nextInt(3)) {
                    case 0 -> columns[i][1];
                    case 1 -> name.toUpperCase();
                    default -> name;
                });
            }
            if (unknownColumn) {
                header.add("备注");
            }
            write(header.toArray(String[]::new));
        }

        void row(String... cells) {
            String[] ordered = new String[order.length + (unknownColumn ? 1 : 0)];
            for (int i = 0; i < order.length; i++) {
                ordered[i] = cells[order[i]];
            }
            if (unknownColumn) {
                ordered[order.length] = random.nextInt(5) == 0 ? "核对过,无误" : "";
            }
            write(ordered);
            if (messy && random.nextInt(50) == 0) {
                write(new String[]{random.nextBoolean() ? "" : " ", ""});
            }
        }

        private void write(String[] cells) {
            line.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                String c = cells[i];
                if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                    line.append('"').append(c.replace("\"", "\"\"")).append('"');
                } else {
                    line.append(c);
                }
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** {@code java ... CsvWriter --workers 1000000 --dir DIR [--seed 1] [--months 1]}: writes a data set. */
    public static void main(String[] args) throws IOException {
        int workers = 10_000;
        Path dir = Path.of("target/bench-data");
        long seed = 1;
        int months = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--workers" -> workers = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--months" -> months = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DataSetGenerator.Config base = DataSetGenerator.Config.of(workers, seed);
        DataSetGenerator.Config config = new DataSetGenerator.Config(workers, base.workersPerProject(),
                base.firstMonth(), months, base.anomalyRate(), seed);
        try (CsvWriter writer = new CsvWriter(dir, false, seed)) {
            DataSetGenerator.generate(config, writer);
        }
    }
}
