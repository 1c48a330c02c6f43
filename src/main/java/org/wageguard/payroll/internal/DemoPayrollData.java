package org.wageguard.payroll.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.workforce.RealNameImports;

/**
 * Rosters, attendance, pay sheets and bank disbursements of four demo projects over two months, sent through the
 * same imports as a wage officer's files (so they are reconciled like any other), with the anomalies inspections
 * find: a ghost worker, an unpaid worker, a late payment, a card shared by two workers, a failed payment never
 * re-paid, and ID numbers that fail their check.
 */
@Component
@Profile("demo")
@Order(40)
class DemoPayrollData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPayrollData.class);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final List<String> NAMES = List.of("张建国", "李春生", "王德明", "刘桂英", "陈志强", "杨秋菊", "赵铁柱",
            "黄海波", "周小勇", "吴金凤", "徐长林", "孙建华", "胡国庆", "朱玉兰", "高永红", "林跃进", "何志军", "郭秀芳",
            "马立新", "罗文斌", "梁建平", "宋桂花", "郑大勇", "谢春林");
    private static final List<String> TEAMS = List.of("钢筋班", "木工班", "泥工班");
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10));

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private enum Anomaly { GHOST, UNPAID_AND_LATE, SHARED_CARD, FAILED_NOT_REPAID }

    private record Demo(String code, Anomaly anomaly) {
    }

    private static final List<Demo> PROJECTS = List.of(new Demo("YJ-2021-001", Anomaly.GHOST),
            new Demo("YJ-2021-004", Anomaly.UNPAID_AND_LATE), new Demo("YJ-2021-009", Anomaly.SHARED_CARD),
            new Demo("YJ-2021-011", Anomaly.FAILED_NOT_REPAID));

    private final JdbcClient jdbc;
    private final RealNameImports realName;
    private final PayrollImport payroll;
    private final DisbursementImport disbursements;

    DemoPayrollData(JdbcClient jdbc, RealNameImports realName, PayrollImport payroll,
            DisbursementImport disbursements) {
        this.jdbc = jdbc;
        this.realName = realName;
        this.payroll = payroll;
        this.disbursements = disbursements;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM published_data_import").query(Integer.class).single() > 0
                || jdbc.sql("SELECT count(*) FROM published_project WHERE code = 'YJ-2021-001'").query(Integer.class).single() == 0) {
            return;
        }
        OfficerPrincipal system = new OfficerPrincipal(0, "system", "演示数据", "", true, false, false, "430981", null,
                null, "演示数据", Set.of(), Set.of(), new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0));
        int p = 0;
        for (Demo d : PROJECTS) {
            send(d, p++, system);
        }
        log.info("已载入演示数据：{} 个项目 {} 个月的花名册、考勤、工资表和代发流水，并已对账", PROJECTS.size(), MONTHS.size());
    }

    private void send(Demo d, int p, OfficerPrincipal system) {
        StringBuilder roster = new StringBuilder("项目编号,身份证号,姓名,手机号,工资卡号,开户行,班组,是否签订劳动合同,进场日期\n");
        StringBuilder days = new StringBuilder("项目编号,身份证号,日期,工时\n");
        StringBuilder sheet = new StringBuilder("项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,扣款,实发工资,发放日期,本人签字确认\n");
        StringBuilder bank = new StringBuilder("项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n");
        int workers = 6;
        for (int w = 0; w < workers; w++) {
            int n = p * workers + w;
            String id = id(n, d.anomaly() == Anomaly.SHARED_CARD && w == 5 || d.anomaly() == Anomaly.FAILED_NOT_REPAID && w == 4);
            String name = NAMES.get(n);
            String card = d.anomaly() == Anomaly.SHARED_CARD && w == 2 ? card(p * workers + 1) : card(n);
            boolean contract = !(d.anomaly() == Anomaly.GHOST && w == 3);
            roster.append(String.join(",", d.code(), id, name, "1390737" + String.format("%04d", 1000 + n), card,
                    "中国农业银行沅江市支行", TEAMS.get(w % 3), contract ? "Y" : "N", "2026-08-20")).append('\n');
            for (YearMonth m : MONTHS) {
                int count = 0;
                for (LocalDate day = m.atDay(1); !day.isAfter(m.atDay(24)); day = day.plusDays(1)) {
                    if (day.getDayOfWeek() != DayOfWeek.SUNDAY && (day.getDayOfMonth() + w) % 9 != 0) {
                        days.append(String.join(",", d.code(), id, day.toString(), "8")).append('\n');
                        count++;
                    }
                }
                int wage = count * (260 + 20 * (w % 3));
                LocalDate payDay = m.plusMonths(1).atDay(15);
                sheet.append(String.join(",", d.code(), m.toString(), id, name, String.valueOf(count),
                        String.valueOf(wage), "0", String.valueOf(wage), payDay.toString(), "Y")).append('\n');
                boolean last = m.equals(MONTHS.get(MONTHS.size() - 1));
                String tx = "ABC" + m.toString().replace("-", "") + String.format("%02d%03d", p, w);
                if (d.anomaly() == Anomaly.UNPAID_AND_LATE && w == 4 && last) {
                    continue;
                }
                LocalDate valueDate = d.anomaly() == Anomaly.UNPAID_AND_LATE && w == 1 && !last ? payDay.plusDays(12) : payDay;
                String status = d.anomaly() == Anomaly.FAILED_NOT_REPAID && w == 2 && last ? "FAILED" : "SUCCESS";
                bank.append(String.join(",", d.code(), tx, card, name, id, String.valueOf(wage), valueDate.toString(),
                        status, m.toString())).append('\n');
            }
        }
        if (d.anomaly() != Anomaly.UNPAID_AND_LATE) {
            // November's attendance, its pay not yet due (the 15th of December): what the festival exposure forecast
            // (monitoring) counts as earned and not yet paid in the demo's winter. Not on 琼湖路 (YJ-2021-004), whose
            // November the reconciliation journey sends with a crew of its own.
            // Each worker had a living-cost advance (生活费预支) of 1,000 yuan for November through the special account
            // on 30 November, the rest to come with the pay sheet.
            for (int w = 0; w < workers; w++) {
                int n = p * workers + w;
                String id = id(n, d.anomaly() == Anomaly.SHARED_CARD && w == 5
                        || d.anomaly() == Anomaly.FAILED_NOT_REPAID && w == 4);
                String card = d.anomaly() == Anomaly.SHARED_CARD && w == 2 ? card(p * workers + 1) : card(n);
                bank.append(String.join(",", d.code(), "ABC" + NOVEMBER.toString().replace("-", "") + String.format("%02d%03d", p, w),
                        card, NAMES.get(n), id, "1000", NOVEMBER.atEndOfMonth().toString(), "SUCCESS", NOVEMBER.toString()))
                        .append('\n');
                for (LocalDate day = NOVEMBER.atDay(1); !day.isAfter(NOVEMBER.atDay(24)); day = day.plusDays(1)) {
                    if (day.getDayOfWeek() != DayOfWeek.SUNDAY && (day.getDayOfMonth() + w) % 9 != 0) {
                        days.append(String.join(",", d.code(), id, day.toString(), "8")).append('\n');
                    }
                }
            }
        }
        if (d.anomaly() == Anomaly.GHOST) {
            YearMonth m = MONTHS.get(MONTHS.size() - 1);
            String ghost = id(90, false);
            sheet.append(String.join(",", d.code(), m.toString(), ghost, "蒋某某", "22", "6600", "0", "6600",
                    m.plusMonths(1).atDay(15).toString(), "N")).append('\n');
            bank.append(String.join(",", d.code(), "ABC" + m.toString().replace("-", "") + "99999", card(90), "蒋某某",
                    ghost, "6600", m.plusMonths(1).atDay(15).toString(), "SUCCESS", m.toString())).append('\n');
        }
        realName.roster("花名册-" + d.code() + ".csv", csv(roster), false, system);
        realName.attendance("考勤-" + d.code() + ".csv", csv(days), false, system);
        payroll.importFile("工资表-" + d.code() + ".csv", csv(sheet), false, system);
        disbursements.importFile("代发流水-" + d.code() + ".csv", csv(bank), false, system);
    }

    private static ByteArrayInputStream csv(StringBuilder text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A computed GB 11643 number of a worker born 1965–1994 in 沅江市; {@code broken} gives a wrong check character. */
    static String id(int n, boolean broken) {
        String first17 = "430981" + (1965 + n % 30) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
                + String.format("%03d", 100 + n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        char check = "10X98765432".charAt(sum % 11);
        return first17 + (broken ? (check == '0' ? '1' : '0') : check);
    }

    private static String card(int n) {
        // Valid by Luhn, as real cards mostly are: a failing check digit is a warning on the roster.
        return org.wageguard.shared.BankCard.withCheckDigit("62284800" + String.format("%010d", 3_700_000L + n * 7919L));
    }
}
