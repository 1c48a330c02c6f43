package org.wageguard.payroll.reconciliation.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * The 15 rules of FORMATS.md written as SQL and run by DuckDB on the same four CSV files, as the bench's
 * reference for both the findings and the time. It assumes readable input (the engine's job is to refuse the
 * rest) and writes {@code rule,severity,project_code,worker_id_number,month,detail} with an empty detail.
 *
 * <p>{@code java -cp ... DuckDbReconcile --dir DATA_DIR --out findings.csv [--threads 2]}
 */
public final class DuckDbReconcile {

    private DuckDbReconcile() {
    }

    public static void main(String[] args) throws SQLException {
        Path dir = null;
        Path out = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]).toAbsolutePath();
                case "--out" -> out = Path.of(args[i + 1]).toAbsolutePath();
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null || out == null) {
            throw new IllegalArgumentException("usage: --dir DATA_DIR --out findings.csv");
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute("SET threads = " + threads);
            sql.execute("SET preserve_insertion_order = true");
            for (String statement : statements(dir, out, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))) {
                sql.execute(statement);
            }
        }
    }

    static List<String> statements(Path dir, Path out, LocalDate today) {
        String csv = "read_csv('%s', header = true, all_varchar = true, quote = '\"', escape = '\"')";
        String roster = csv.formatted(dir.resolve("roster.csv"));
        String attendance = csv.formatted(dir.resolve("attendance.csv"));
        String payroll = csv.formatted(dir.resolve("payroll.csv"));
        String disbursements = csv.formatted(dir.resolve("disbursements.csv"));
        String card = "replace(replace(trim(bank_card), ' ', ''), chr(9), '')";
        return List.of(
                // Row order matters for "the later row replaces the earlier and takes its position".
                "CREATE TEMP TABLE roster_rows AS SELECT trim(project_code) AS p, upper(trim(worker_id_number)) AS w, "
                        + card + " AS card, upper(trim(contract_signed)) IN ('Y', '是') AS signed FROM " + roster,
                "CREATE TEMP TABLE roster AS SELECT p, w, arg_max(card, rowid) AS card, arg_max(signed, rowid) AS signed,"
                        + " max(rowid) AS pos FROM roster_rows GROUP BY p, w",
                "CREATE TEMP TABLE card_owner AS SELECT p, card, arg_max(w, pos) AS w, count(*) AS holders"
                        + " FROM roster GROUP BY p, card",
                "CREATE TEMP TABLE att AS SELECT p, w, m, count(DISTINCT d) AS days FROM (SELECT trim(project_code) AS p,"
                        + " upper(trim(worker_id_number)) AS w, substr(trim(date), 1, 7) AS m, trim(date) AS d FROM "
                        + attendance + ") GROUP BY p, w, m",
                "CREATE TEMP TABLE payroll_rows AS SELECT trim(project_code) AS p, upper(trim(worker_id_number)) AS w,"
                        + " trim(month) AS m, CAST(trim(days_worked) AS DECIMAL(18, 2)) AS days,"
                        + " CAST(trim(net_wage) AS DECIMAL(18, 2)) AS net, trim(pay_date) AS pay_date FROM " + payroll,
                "CREATE TEMP TABLE pay AS SELECT p, w, m, arg_max(days, rowid) AS days, arg_max(net, rowid) AS net,"
                        + " arg_max(pay_date, rowid) AS pay_date FROM payroll_rows GROUP BY p, w, m",
                "CREATE TEMP TABLE disb AS SELECT trim(project_code) AS p, trim(transaction_id) AS tx, " + card
                        + " AS card, nullif(upper(trim(payee_id_number)), '') AS payee,"
                        + " CAST(trim(amount) AS DECIMAL(18, 2)) AS amount, trim(value_date) AS vd,"
                        + " CASE WHEN upper(trim(status)) IN ('SUCCESS', '成功') THEN 'S' ELSE 'F' END AS st,"
                        + " trim(month) AS m FROM " + disbursements,
                "CREATE TEMP TABLE paid_rows AS SELECT d.*, coalesce(d.payee, o.w) AS w FROM disb d"
                        + " LEFT JOIN card_owner o ON o.p = d.p AND o.card = d.card AND d.payee IS NULL",
                "CREATE TEMP TABLE paid AS SELECT p, w, m, sum(amount) FILTER (WHERE st = 'S') AS paid,"
                        + " max(vd) FILTER (WHERE st = 'S') AS last_success, max(vd) FILTER (WHERE st = 'F') AS last_failure"
                        + " FROM paid_rows WHERE w IS NOT NULL GROUP BY p, w, m",
                "CREATE TEMP TABLE workers AS SELECT p, w FROM roster UNION SELECT p, w FROM att UNION"
                        + " SELECT p, w FROM pay UNION SELECT p, payee FROM disb WHERE payee IS NOT NULL",
                "CREATE TEMP TABLE worker_months AS SELECT p, w, m FROM att UNION SELECT p, w, m FROM pay"
                        + " UNION SELECT p, w, m FROM paid",
                "CREATE TEMP TABLE wm AS SELECT k.p, k.w, k.m, coalesce(a.days, 0) AS days, y.days AS payroll_days,"
                        + " y.net, y.pay_date, y.p IS NOT NULL AS has_line, coalesce(d.paid, 0) AS paid, d.last_success,"
                        + " d.last_failure FROM worker_months k LEFT JOIN att a USING (p, w, m) LEFT JOIN pay y USING (p, w, m)"
                        + " LEFT JOIN paid d USING (p, w, m)",
                "CREATE TEMP TABLE findings AS "
                        + "SELECT 'INVALID_ID_NUMBER' AS rule, 'yellow' AS severity, p, w, NULL AS m FROM workers WHERE NOT ("
                        + validId("w", today) + ")"
                        + " UNION ALL SELECT 'NOT_ON_ROSTER', 'orange', p, w, NULL FROM (SELECT p, w FROM att UNION"
                        + " SELECT p, w FROM pay) x WHERE NOT EXISTS (SELECT 1 FROM roster r WHERE r.p = x.p AND r.w = x.w)"
                        + " UNION ALL SELECT 'NO_CONTRACT', 'yellow', r.p, r.w, NULL FROM roster r WHERE NOT r.signed"
                        + " AND EXISTS (SELECT 1 FROM att a WHERE a.p = r.p AND a.w = r.w)"
                        + " UNION ALL SELECT 'GHOST_PAYROLL', 'orange', p, w, m FROM wm WHERE has_line AND days = 0"
                        + " UNION ALL SELECT 'DAYS_MISMATCH', 'orange', p, w, m FROM wm WHERE days > 0 AND has_line"
                        + " AND days <> payroll_days"
                        + " UNION ALL SELECT 'UNPAID', 'red', p, w, m FROM wm WHERE days > 0 AND paid = 0"
                        + " UNION ALL SELECT 'UNDERPAID', 'red', p, w, m FROM wm WHERE has_line AND paid > 0"
                        + " AND paid < net - 0.01"
                        + " UNION ALL SELECT DISTINCT 'PAID_TO_OTHER_CARD', 'red', d.p, d.w, d.m FROM paid_rows d"
                        + " LEFT JOIN roster r ON r.p = d.p AND r.w = d.w WHERE d.st = 'S' AND d.w IS NOT NULL"
                        + " AND (r.card IS NULL OR r.card <> d.card)"
                        + " UNION ALL SELECT 'SHARED_CARD', 'red', p, NULL, m FROM paid_rows WHERE st = 'S' AND w IS NOT NULL"
                        + " GROUP BY p, card, m HAVING count(DISTINCT w) >= 2"
                        + " UNION ALL SELECT 'SHARED_ROSTER_CARD', 'red', p, NULL, NULL FROM card_owner WHERE holders >= 2"
                        + " UNION ALL SELECT 'UNMATCHED_PAYMENT', 'orange', p, NULL, m FROM paid_rows WHERE w IS NULL"
                        + " UNION ALL SELECT 'LATE_PAYMENT', 'yellow', p, w, m FROM wm WHERE has_line"
                        + " AND last_success > pay_date"
                        + " UNION ALL SELECT 'FAILED_NOT_REPAID', 'red', p, w, m FROM wm WHERE last_failure IS NOT NULL"
                        + " AND (last_success IS NULL OR last_success < last_failure)"
                        + " UNION ALL SELECT DISTINCT 'DUPLICATE_PAYMENT', 'orange', p, w, m FROM paid_rows"
                        + " WHERE st = 'S' AND w IS NOT NULL GROUP BY p, w, m, card, amount, vd HAVING count(DISTINCT tx) >= 2"
                        + " UNION ALL SELECT 'EXCESSIVE_PAY', 'red', p, w, m FROM wm WHERE paid > 50000",
                "COPY (SELECT rule, severity, p AS project_code, coalesce(w, '') AS worker_id_number,"
                        + " coalesce(m, '') AS month, '' AS detail FROM findings) TO '" + out + "' (HEADER, DELIMITER ',')");
    }

    /** GB 11643 in SQL: shape, a real birth date from 1900-01-01 to today, and the weighted check. */
    private static String validId(String w, LocalDate today) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            sum.append(i == 0 ? "" : " + ").append("CAST(substr(").append(w).append(", ").append(i + 1)
                    .append(", 1) AS INTEGER) * ").append(weights[i]);
        }
        return "coalesce(regexp_full_match(" + w + ", '[0-9]{17}[0-9X]')"
                + " AND try_strptime(substr(" + w + ", 7, 8), '%Y%m%d')::DATE BETWEEN DATE '1900-01-01' AND DATE '"
                + today + "'"
                + " AND substr('10X98765432', ((" + sum + ") % 11) + 1, 1) = substr(" + w + ", 18, 1), false)";
    }
}
