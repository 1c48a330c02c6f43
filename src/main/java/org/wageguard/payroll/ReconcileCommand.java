package org.wageguard.payroll;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.wageguard.payroll.reconciliation.FindingCounts;
import org.wageguard.payroll.reconciliation.FindingsCsv;
import org.wageguard.payroll.reconciliation.ReconciliationEngine;
import org.wageguard.payroll.reconciliation.ReconciliationInput;
import org.wageguard.payroll.reconciliation.ReconciliationParameters;
import org.wageguard.payroll.reconciliation.UnreadableInputException;

/**
 * {@code java -jar wageguard.jar reconcile --dir DATA_DIR --out findings.csv}: reconciles the four CSV files of a
 * directory without Spring, a database or a server. Exit 0 when reconciled, 2 when the input or the usage is
 * wrong. Findings go to a temporary file that replaces {@code --out} only on success, so a failed run leaves no
 * findings file behind (a stale one from an earlier run is removed: it would not be this input's findings).
 */
public final class ReconcileCommand {

    static final String USAGE = """
            用法：java -jar wageguard.jar reconcile --dir 数据目录 --out findings.csv [--excessive-pay 50000]
              --dir            含 roster.csv、attendance.csv、payroll.csv、disbursements.csv 的目录
              --out            对账结果文件（CSV）
              --excessive-pay  单人单月收款超过此金额（元）即为 EXCESSIVE_PAY，默认 50000""";

    private ReconcileCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        Path target = null;
        BigDecimal excessivePay = ReconciliationParameters.DEFAULT_EXCESSIVE_PAY_YUAN;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (!arg.equals("--dir") && !arg.equals("--out") && !arg.equals("--excessive-pay")) {
                return usage(err, "不认识的参数“" + args[i] + "”");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return usage(err, "参数 " + arg + " 缺少取值");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--dir" -> dir = Path.of(value);
                case "--out" -> target = Path.of(value);
                default -> {
                    try {
                        excessivePay = new BigDecimal(value);
                        new ReconciliationParameters(excessivePay, java.time.LocalDate.now());
                    } catch (IllegalArgumentException e) {
                        return usage(err, "--excessive-pay 须为不小于零、最多两位小数的金额，而不是“" + value + "”");
                    }
                }
            }
        }
        if (dir == null || target == null) {
            return usage(err, dir == null ? "缺少 --dir 数据目录" : "缺少 --out 结果文件");
        }
        if (!Files.isDirectory(dir)) {
            err.println("无法对账：数据目录 " + dir + " 不存在或不是目录");
            return 2;
        }
        ReconciliationEngine engine = new ReconciliationEngine(
                ReconciliationParameters.defaults().withExcessivePayYuan(excessivePay));
        return reconcile(engine, dir, target.toAbsolutePath(), out, err);
    }

    private static int reconcile(ReconciliationEngine engine, Path dir, Path target, PrintStream out,
                                 PrintStream err) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            // Not createTempFile: its owner-only permissions would stay on the findings file after the move.
            temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            FindingCounts counts;
            try (FindingsCsv csv = new FindingsCsv(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16))) {
                counts = engine.reconcile(ReconciliationInput.directory(dir), csv::write);
            }
            move(temp, target);
            out.println(counts.summary() + "，已写入 " + target);
            return 0;
        } catch (UnreadableInputException e) {
            deleteQuietly(temp);
            deleteQuietly(target);
            err.println(e.getMessage());
            err.println("未写出对账结果。");
            return 2;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temp);
            err.println("无法写出对账结果 " + target + "：" + e.getMessage());
            return 1;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // Best effort: the message about the input matters more than a leftover temporary file.
            }
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }
}
