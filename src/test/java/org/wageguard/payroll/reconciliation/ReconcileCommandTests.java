package org.wageguard.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wageguard.payroll.reconciliation.TestIds.id;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wageguard.payroll.ReconcileCommand;

/** {@code reconcile --dir DATA_DIR --out findings.csv}: exit codes, messages, and the findings file. */
class ReconcileCommandTests {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReconcileCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path dataWithFindings() throws IOException {
        Path dir = tmp.resolve("data");
        ReconciliationRuleTests.cleanWorkerA()
                .roster("P1", id(2), "6222000000000002", "N").attendance("P1", id(2), "2024-03", 1, 2)
                .pay("P1", "T,\"9\"", "6222000000000009", "", "1", "2024-04-10", "FAILED", "2024-03")
                .writeTo(dir);
        return dir;
    }

    @Test
    void reconciledInputExitsZeroWithTheFindingsFileAndASummaryLine() throws IOException {
        Path dir = dataWithFindings();
        Path findings = tmp.resolve("out/findings.csv");
        assertThat(run("--dir", dir.toString(), "--out", findings.toString())).isZero();
        List<String> lines = Files.readAllLines(findings);
        assertThat(lines.get(0)).isEqualTo("rule,severity,project_code,worker_id_number,month,detail");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("NO_CONTRACT,yellow,P1," + id(2) + ",,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("UNPAID,red,P1," + id(2) + ",2024-03,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("UNMATCHED_PAYMENT,orange,P1,,2024-03,\"")
                .contains("T,\"\"9\"\""));
        assertThat(lines).hasSize(4);
        assertThat(stdout().lines()).hasSize(1);
        assertThat(stdout()).contains("共 3 条").contains("UNPAID 1").contains("NO_CONTRACT 1")
                .contains("UNMATCHED_PAYMENT 1").contains("EXCESSIVE_PAY 0");
        assertThat(stderr()).isEmpty();
        try (Stream<Path> files = Files.list(findings.getParent())) {
            assertThat(files).containsExactly(findings);
        }
    }

    @Test
    void noFindingsStillWritesTheHeader() throws IOException {
        Path dir = tmp.resolve("clean");
        ReconciliationRuleTests.cleanWorkerA().writeTo(dir);
        Path findings = tmp.resolve("findings.csv");
        assertThat(run("--dir=" + dir, "--out=" + findings)).isZero();
        assertThat(Files.readAllLines(findings)).containsExactly(FindingsCsv.HEADER);
    }

    @Test
    void theThresholdOfExcessivePayIsAnOption() throws IOException {
        Path dir = tmp.resolve("clean");
        ReconciliationRuleTests.cleanWorkerA().writeTo(dir);
        Path findings = tmp.resolve("findings.csv");
        assertThat(run("--dir", dir.toString(), "--out", findings.toString(), "--excessive-pay", "4999.99")).isZero();
        assertThat(Files.readAllLines(findings)).hasSize(2).last().asString().startsWith("EXCESSIVE_PAY,red,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"roster.csv", "attendance.csv", "payroll.csv", "disbursements.csv"})
    void aMissingFileExitsTwoNamingItAndWritesNothing(String missing) throws IOException {
        Path dir = dataWithFindings();
        Files.delete(dir.resolve(missing));
        assertUnreadable(dir, missing, "文件不存在");
    }

    @Test
    void aMissingRequiredColumnExitsTwo() throws IOException {
        Path dir = dataWithFindings();
        replace(dir.resolve("roster.csv"), "bank_card", "card");
        assertUnreadable(dir, "roster.csv", "第 1 行", "缺少必需列", "bank_card");
    }

    @Test
    void brokenQuotingExitsTwo() throws IOException {
        Path dir = dataWithFindings();
        append(dir.resolve("attendance.csv"), "P1,\"" + id(1) + ",2024-03-30\n");
        assertUnreadable(dir, "attendance.csv", "第 26 行", "引号");
    }

    @Test
    void anEmptyRequiredCellExitsTwo() throws IOException {
        Path dir = dataWithFindings();
        append(dir.resolve("payroll.csv"), "P1,2024-04," + id(1) + ",张三,,1,1,2024-05-10\n");
        assertUnreadable(dir, "payroll.csv", "第 3 行", "出勤天数", "days_worked", "必填项为空");
    }

    @Test
    void aRepeatedTransactionIdExitsTwo() throws IOException {
        Path dir = dataWithFindings();
        append(dir.resolve("disbursements.csv"), "P1,T1,6222000000000001,收款人,,1,2024-04-10,SUCCESS,2024-03\n");
        assertUnreadable(dir, "disbursements.csv", "第 4 行", "transaction_id", "重复", "第 2 行");
    }

    @Test
    void aValueThatDoesNotParseExitsTwo() throws IOException {
        Path dir = dataWithFindings();
        append(dir.resolve("disbursements.csv"), "P1,T5,6222000000000001,收款人,,1,2024-04-31,SUCCESS,2024-03\n");
        assertUnreadable(dir, "disbursements.csv", "第 4 行", "value_date", "2024-04-31", "不是真实的日期");
    }

    @Test
    void aFailedRunRemovesAStaleFindingsFile() throws IOException {
        Path dir = dataWithFindings();
        Path findings = tmp.resolve("findings.csv");
        Files.writeString(findings, "stale");
        replace(dir.resolve("payroll.csv"), "2024-04-10", "2024-04-31");
        assertThat(run("--dir", dir.toString(), "--out", findings.toString())).isEqualTo(2);
        assertThat(findings).doesNotExist();
    }

    @Test
    void badUsageExitsTwoWithAChineseUsageMessage() {
        assertThat(run("--dir", tmp.toString())).isEqualTo(2);
        assertThat(stderr()).contains("缺少 --out").contains("用法");
        err.reset();
        assertThat(run("--out", tmp.resolve("f.csv").toString())).isEqualTo(2);
        assertThat(stderr()).contains("缺少 --dir");
        err.reset();
        assertThat(run("--dir", tmp.toString(), "--out")).isEqualTo(2);
        assertThat(stderr()).contains("缺少取值");
        err.reset();
        assertThat(run("--dir", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("数据目录").contains("不存在");
        err.reset();
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(stderr()).contains("不认识的参数");
        assertThat(tmp.resolve("f.csv")).doesNotExist();
    }

    private void assertUnreadable(Path dir, String... expected) throws IOException {
        Path findings = tmp.resolve("result/findings.csv");
        assertThat(run("--dir", dir.toString(), "--out", findings.toString())).isEqualTo(2);
        assertThat(stderr()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();
        if (Files.exists(findings.getParent())) {
            try (Stream<Path> files = Files.list(findings.getParent())) {
                assertThat(files).isEmpty();
            }
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        Files.writeString(file, Files.readString(file).replace(from, to));
    }
}
