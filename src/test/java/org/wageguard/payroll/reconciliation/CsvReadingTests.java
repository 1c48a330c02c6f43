package org.wageguard.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wageguard.payroll.reconciliation.TestIds.id;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The reading rules of FORMATS.md: what is accepted as the same data, and what makes input unreadable. */
class CsvReadingTests {

    static final String A = id(1);
    static final String B = id(2);

    static final String ROSTER = "project_code,worker_id_number,worker_name,bank_card,contract_signed,entry_date\n"
            + "P1," + A + ",张三,6222000000000001,Y,2024-01-01\n";
    static final String ATTENDANCE = "project_code,worker_id_number,date\nP1," + A + ",2024-03-01\n";
    static final String PAYROLL = "project_code,month,worker_id_number,worker_name,days_worked,gross_wage,net_wage,"
            + "pay_date\nP1,2024-03," + A + ",张三,1,300,300,2024-04-10\n";
    static final String DISBURSEMENTS = "project_code,transaction_id,bank_card,payee_name,amount,value_date,status,"
            + "month\nP1,T1,6222000000000001,张三,300,2024-04-10,SUCCESS,2024-03\n";

    static List<Finding> reconcile(String roster, String attendance, String payroll, String disbursements) {
        return engine().reconcile(input(roster, attendance, payroll, disbursements));
    }

    static ReconciliationEngine engine() {
        return new ReconciliationEngine(ReconciliationParameters.defaults().withToday(DataSet.TODAY), 1);
    }

    static ReconciliationInput input(String roster, String attendance, String payroll, String disbursements) {
        return new ReconciliationInput(csv("roster.csv", roster), csv("attendance.csv", attendance),
                csv("payroll.csv", payroll), csv("disbursements.csv", disbursements));
    }

    static CsvSource csv(String name, String text) {
        return CsvSource.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBaselineReconcilesClean() {
        assertThat(reconcile(ROSTER, ATTENDANCE, PAYROLL, DISBURSEMENTS)).isEmpty();
    }

    @Test
    void chineseAliasesAnyCaseAnyOrderUnknownColumnsAndAByteOrderMark() {
        String roster = "\uFEFF进场日期,备注,身份证号,项目编号,姓名,工资卡号,是否签订劳动合同\r\n"
                + "2024-01-01,随便,\t" + A + " , P1 ,张三,6222 0000 0000 0001,是\r\n";
        String attendance = "Worker_ID_Number,DATE,Project_Code,工时\n" + A + ",2024-03-01,P1,8\n";
        String payroll = "工资月份,身份证号,姓名,出勤天数,应发工资,实发工资,发放日期,项目编号,本人签字确认,扣款\n"
                + "2024-03," + A + ",张三,1.0,300,300.00,2024-04-10,P1,n,\n";
        String disbursements = "项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n"
                + "P1,T1,6222000000000001,张三,,300.0,2024-04-10,成功,2024-03\n";
        assertThat(reconcile(roster, attendance, payroll, disbursements)).isEmpty();
    }

    @Test
    void templateHeadersWithBothNamesAndAnAsteriskAreAccepted() {
        String attendance = "*项目编号（project_code）,身份证号(worker_id_number),日期\nP1," + A + ",2024-03-01\n";
        assertThat(reconcile(ROSTER, attendance, PAYROLL, DISBURSEMENTS)).isEmpty();
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        String roster = "project_code,worker_id_number,worker_name,bank_card,contract_signed,entry_date,team\n"
                + "\"P,1\",\"" + A + "\",\"张\n三 \"\"老三\"\"\",\"6222000000000001\",Y,2024-01-01,\"一班,\r\n二班\"\n";
        String attendance = "project_code,worker_id_number,date\n\"P,1\"," + A + ",2024-03-01\n";
        List<Finding> findings = reconcile(roster, attendance, PAYROLL.replace("P1,", "\"P,1\","),
                DISBURSEMENTS.replace("P1,", "\"P,1\","));
        assertThat(findings).isEmpty();
    }

    @Test
    void rowsOfEmptyCellsAndBlankLinesAreSkipped() {
        String attendance = "project_code,worker_id_number,date\n\n , ,\nP1," + A + ",2024-03-01\n,,\n\n";
        assertThat(reconcile(ROSTER, attendance, PAYROLL, DISBURSEMENTS)).isEmpty();
    }

    @Test
    void aFileWithoutAFinalLineBreakIsReadToTheEnd() {
        String attendance = "project_code,worker_id_number,date\nP1," + A + ",2024-03-01\nP1," + A + ",2024-03-02";
        assertThat(reconcile(ROSTER, attendance, PAYROLL, DISBURSEMENTS)).extracting(Finding::rule)
                .containsExactly(Rule.DAYS_MISMATCH);
    }

    @Test
    void statusAndYesNoIgnoreCaseAndAmountsCompareAsNumbers() {
        String roster = ROSTER.replace(",Y,", ",y,");
        String disbursements = DISBURSEMENTS.replace("SUCCESS", "success").replace(",300,", ",300.00,");
        assertThat(reconcile(roster, ATTENDANCE, PAYROLL, disbursements)).isEmpty();
    }

    @Test
    void cellsFromASpreadsheetOrTheDatabaseGoThroughTheSameRules() {
        CellSource roster = CellSource.of("花名册.xlsx", List.of("项目编号", "身份证号", "姓名", "工资卡号", "是否签订劳动合同", "进场日期"),
                List.of(Arrays.asList(" P1 ", A.substring(0, 17) + A.substring(17).toLowerCase(), "张三",
                        "6222 0000 0000 0001", "是", "2024-01-01"), Arrays.asList(null, "", null, "", "", "")));
        ReconciliationInput input = new ReconciliationInput(roster, csv("attendance.csv", ATTENDANCE),
                csv("payroll.csv", PAYROLL), csv("disbursements.csv", DISBURSEMENTS));
        assertThat(engine().reconcile(input)).isEmpty();
        CellSource bad = CellSource.of("花名册.xlsx", List.of("项目编号", "身份证号", "姓名", "工资卡号", "是否签订劳动合同", "进场日期"),
                List.of(List.of("P1", A, "张三", "6222", "也许", "2024-01-01")));
        assertThatThrownBy(() -> engine().reconcile(new ReconciliationInput(bad, csv("attendance.csv", ATTENDANCE),
                csv("payroll.csv", PAYROLL), csv("disbursements.csv", DISBURSEMENTS))))
                .isInstanceOfSatisfying(UnreadableInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("花名册.xlsx");
                    assertThat(e.row()).isEqualTo(2);
                    assertThat(e.column()).contains("contract_signed");
                });
    }

    @Test
    void aTransactionIdMayRepeatAcrossProjects() {
        String disbursements = DISBURSEMENTS + "P2,T1,6222000000000001,张三,300,2024-04-10,SUCCESS,2024-03\n";
        assertThat(reconcile(ROSTER, ATTENDANCE, PAYROLL, disbursements)).extracting(Finding::rule)
                .containsExactly(Rule.UNMATCHED_PAYMENT);
    }

    @ParameterizedTest(name = "{0} {1} → row {2}, column {3}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            attendance.csv    | P1,ID,2024-02-30          | 2 | date            | 不是真实的日期
            attendance.csv    | P1,ID,2024/03/01          | 2 | date            | 不是真实的日期
            attendance.csv    | P1,ID,2024-3-1            | 2 | date            | 不是真实的日期
            attendance.csv    | P1,,2024-03-01            | 2 | worker_id_number| 必填项为空
            payroll.csv       | P1,2024-13,ID,张三,1,300,300,2024-04-10      | 2 | month       | 不是真实的月份
            payroll.csv       | P1,2024-03,ID,张三,1.5,300,300,2024-04-10    | 2 | days_worked | 不是非负整数
            payroll.csv       | P1,2024-03,ID,张三,1,300,-1,2024-04-10       | 2 | net_wage    | 金额
            payroll.csv       | P1,2024-03,ID,张三,1,300,300.001,2024-04-10  | 2 | net_wage    | 金额
            payroll.csv       | P1,2024-03,ID,张三,1,三百,300,2024-04-10     | 2 | gross_wage  | 金额
            disbursements.csv | P1,T2,6222,张三,300,2024-04-10,PAID,2024-03  | 3 | status      | SUCCESS
            disbursements.csv | P1,T1,6222,张三,300,2024-04-10,FAILED,2024-03| 3 | transaction_id | 重复
            roster.csv        | P1,ID,张三,6222,maybe,2024-01-01             | 3 | contract_signed | Y 或 N
            roster.csv        | P1,ID,张三,,Y,2024-01-01                     | 3 | bank_card   | 必填项为空
            """)
    void aValueThatDoesNotParseMakesTheInputUnreadable(String file, String row, long rowNumber, String column,
                                                       String reason) {
        String line = row.replace("ID", A) + "\n";
        String roster = file.equals("roster.csv") ? ROSTER + line : ROSTER;
        String attendance = file.equals("attendance.csv") ? "project_code,worker_id_number,date\n" + line : ATTENDANCE;
        String payroll = file.equals("payroll.csv") ? PAYROLL.substring(0, PAYROLL.indexOf('\n') + 1) + line : PAYROLL;
        String disbursements = file.equals("disbursements.csv") ? DISBURSEMENTS + line : DISBURSEMENTS;
        assertThatThrownBy(() -> reconcile(roster, attendance, payroll, disbursements))
                .isInstanceOfSatisfying(UnreadableInputException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.row()).isEqualTo(rowNumber);
                    assertThat(e.column()).contains(column.strip());
                    assertThat(e.getMessage()).contains(reason.strip()).contains(file).contains("第 " + rowNumber + " 行");
                });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "P1,\"ID,2024-03-01\n",
        "P1,\"ID\"x,2024-03-01\n",
        "P1,ID\"x\",2024-03-01\n",
        "P1,\"ID,2024-03-01\nP1,ID,2024-03-02\n"})
    void brokenQuotingMakesTheInputUnreadable(String row) {
        String attendance = "project_code,worker_id_number,date\nP1,ID,2024-03-02\n" + row.replace("ID", A);
        assertThatThrownBy(() -> reconcile(ROSTER, attendance, PAYROLL, DISBURSEMENTS))
                .isInstanceOfSatisfying(UnreadableInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("attendance.csv");
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("引号");
                });
    }

    @Test
    void aMissingRequiredColumnMakesTheInputUnreadable() {
        String payroll = PAYROLL.replace("net_wage", "net");
        assertThatThrownBy(() -> reconcile(ROSTER, ATTENDANCE, payroll, DISBURSEMENTS))
                .isInstanceOfSatisfying(UnreadableInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("payroll.csv");
                    assertThat(e.row()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("缺少必需列").contains("net_wage").contains("实发工资");
                });
    }

    @Test
    void anEmptyFileMakesTheInputUnreadable() {
        assertThatThrownBy(() -> reconcile(ROSTER, "", PAYROLL, DISBURSEMENTS))
                .isInstanceOfSatisfying(UnreadableInputException.class,
                        e -> assertThat(e.getMessage()).contains("attendance.csv").contains("表头"));
    }

    @Test
    void anOptionalColumnThatIsPresentMustParse() {
        String payroll = "project_code,month,worker_id_number,worker_name,days_worked,gross_wage,net_wage,pay_date,"
                + "deductions,signed\nP1,2024-03," + A + ",张三,1,300,300,2024-04-10,,Q\n";
        assertThatThrownBy(() -> reconcile(ROSTER, ATTENDANCE, payroll, DISBURSEMENTS))
                .isInstanceOfSatisfying(UnreadableInputException.class,
                        e -> assertThat(e.column()).contains("signed"));
    }
}
