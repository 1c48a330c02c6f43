package org.wageguard.casework.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.casework.WorkingDays;

/**
 * The first half of 2021 in 沅江市 as the seed tells it: cases across channels and sectors handled through to
 * the workers' hands, the malicious-arrears cases referred to the police (信峰船舶, 光线农业, 兴记煲仔饭), 蓉园房地产
 * enforced through the court — plus a few matters open today, so that the pages have work to show.
 */
@Component
@Profile("demo")
@Order(50)
class DemoCaseData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseData.class);

    record Demo(Channel channel, String employer, String project, String industry, LocalDate registered, int workers,
            String amount, String outcome, String status, boolean malicious, String description) {
    }

    static final List<Demo> CASES = List.of(
            new Demo(Channel.WALK_IN, "沅江市信峰船舶制造有限公司", null, "37", LocalDate.of(2021, 1, 8), 14, "128600", "REFERRED_TO_POLICE", "TRACKING_ENDED", true, "船厂停产，拖欠焊工、装配工2020年9月至12月工资，法定代表人何峰失联"),
            new Demo(Channel.HOTLINE, "湖南光线农业有限公司", null, "01", LocalDate.of(2021, 1, 11), 9, "76400", "REFERRED_TO_POLICE", "TRACKING_ENDED", true, "农业公司拖欠季节工工资，法定代表人彭鹏程转移财产"),
            new Demo(Channel.WALK_IN, "沅江市兴记煲仔饭店", null, "62", LocalDate.of(2021, 1, 14), 6, "55000", "REFERRED_TO_POLICE", "TRACKING_ENDED", true, "餐饮店关门，拖欠厨师、服务员3个月工资，法定代表人曾婧拒不支付"),
            new Demo(Channel.PLATFORM, "湖南蓉园房地产开发有限公司", "YJ-2021-005", "70", LocalDate.of(2021, 1, 15), 86, "2000000", "COURT_ENFORCEMENT", "TRACKING_ENDED", false, "蓉园·滨湖一品二期农民工工资，经法院协调执行"),
            new Demo(Channel.WALK_IN, "湖南华盛建设工程有限公司", "YJ-2021-009", "47", LocalDate.of(2021, 1, 18), 32, "1860000", "MEDIATED", "TRACKING_ENDED", false, "春节前集中接访：钢筋工、木工班组工资"),
            new Demo(Channel.WALK_IN, "沅江市第二建筑工程有限公司", "YJ-2021-013", "47", LocalDate.of(2021, 1, 19), 24, "1240000", "PAID_WITHIN_DEADLINE", "TRACKING_ENDED", false, "春节前集中接访：泥工班组工资"),
            new Demo(Channel.HOTLINE, "湖南省第六工程有限公司", "YJ-2021-015", "47", LocalDate.of(2021, 1, 20), 41, "2350000", "MEDIATED", "TRACKING_ENDED", false, "棚改安置房项目劳务分包拖欠"),
            new Demo(Channel.WALK_IN, "湖南沅江建工集团有限公司", "YJ-2021-010", "48", LocalDate.of(2021, 1, 22), 18, "960000", "MEDIATED", "TRACKING_ENDED", false, "胭脂湖公园景观工程绿化班组"),
            new Demo(Channel.PLATFORM, "益阳路桥建设有限公司", "YJ-2021-011", "48", LocalDate.of(2021, 1, 25), 27, "1580000", "PAID_WITHIN_DEADLINE", "TRACKING_ENDED", false, "公路改造工程劳务费"),
            new Demo(Channel.LETTER_VISIT, "湖南洞庭水利水电工程有限公司", "YJ-2021-008", "48", LocalDate.of(2021, 1, 26), 15, "720000", "MEDIATED", "TRACKING_ENDED", false, "污水处理厂提标改造工程"),
            new Demo(Channel.WALK_IN, "沅江市洞庭大酒店", null, "61", LocalDate.of(2021, 1, 28), 11, "98000", "MEDIATED", "TRACKING_ENDED", false, "酒店受疫情影响半停业，拖欠员工工资"),
            new Demo(Channel.HOTLINE, "湖南华盛建设工程有限公司", "YJ-2021-006", "47", LocalDate.of(2021, 2, 1), 22, "880000", "MEDIATED", "TRACKING_ENDED", false, "标准化厂房三期"),
            new Demo(Channel.WALK_IN, "沅江市华鑫纺织服饰有限公司", null, "18", LocalDate.of(2021, 2, 3), 19, "214000", "ADMINISTRATIVE_DECISION", "TRACKING_ENDED", false, "服装厂拖欠计件工资"),
            new Demo(Channel.GRID, "沅江市金色年华娱乐会所", null, "90", LocalDate.of(2021, 3, 9), 8, "64000", "MEDIATED", "TRACKING_ENDED", false, "网格员报送：娱乐场所停业欠薪"),
            new Demo(Channel.PLATFORM, "湖南沅江建工集团有限公司", "YJ-2021-004", "48", LocalDate.of(2021, 3, 16), 12, "430000", "PAID_WITHIN_DEADLINE", "TRACKING_ENDED", false, "琼湖路提质改造工程"),
            new Demo(Channel.HOTLINE, "沅江康复医院", null, "84", LocalDate.of(2021, 4, 6), 7, "86000", "MEDIATED", "TRACKING_ENDED", false, "医院护工工资"),
            new Demo(Channel.WALK_IN, "沅江市第二建筑工程有限公司", "YJ-2021-012", "48", LocalDate.of(2021, 4, 20), 16, "520000", "MEDIATED", "TRACKING_ENDED", false, "农村公路提质改造"),
            new Demo(Channel.PLATFORM, "湖南华盛建设工程有限公司", "YJ-2021-017", "47", LocalDate.of(2021, 5, 12), 5, "68000", "MEDIATED", "TRACKING_ENDED", false, "社区卫生服务中心维修"),
            new Demo(Channel.INSPECTION, "湖南省第六工程有限公司", "YJ-2021-014", "47", LocalDate.of(2021, 5, 26), 13, "390000", "PAID_WITHIN_DEADLINE", "TRACKING_ENDED", false, "夏季专项检查发现：未按月足额支付"),
            new Demo(Channel.HOTLINE, "沅江市洞庭大酒店", null, "61", LocalDate.of(2021, 6, 8), 4, "26000", null, "REFUSED", false, "经核实系劳动争议（解除合同经济补偿），告知申请仲裁"),
            new Demo(Channel.WALK_IN, "湖南华盛建设工程有限公司", "YJ-2021-009", "47", LocalDate.of(2026, 11, 16), 12, "468000", null, "FILED", false, "锦绣华府项目木工班组2026年9月至10月工资未发"),
            new Demo(Channel.WALK_IN, "湖南华盛建设工程有限公司", "YJ-2021-017", "47", LocalDate.of(2026, 10, 12), 9, "186000", null, "ORDERED", false, "社区卫生服务中心维修项目泥工班组2026年8月至9月工资未发，限期改正指令书逾期未履行"),
            new Demo(Channel.HOTLINE, "沅江市第二建筑工程有限公司", "YJ-2021-005", "47", LocalDate.of(2026, 11, 20), 6, "152000", null, "ACCEPTED", false, "滨湖一品二期水电班组"),
            new Demo(Channel.PLATFORM, "沅江市华鑫纺织服饰有限公司", null, "18", LocalDate.of(2026, 11, 25), 3, "21600", null, "REGISTERED", false, "全国根治欠薪线索反映平台转来：服装厂拖欠10月工资"));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "谢"};
    private static final String[] GIVEN = {"建国", "春生", "志强", "德华", "国平", "小军", "海波", "桂英", "秀兰", "红梅", "立新", "爱民", "伟", "勇", "军", "平", "明", "华", "英", "芳"};

    private final JdbcClient jdbc;
    private final CaseIntake intake;
    private final WorkingDays workingDays;

    private final org.wageguard.casework.TaskForces taskForces;

    DemoCaseData(JdbcClient jdbc, CaseIntake intake, WorkingDays workingDays, org.wageguard.casework.TaskForces taskForces) {
        this.taskForces = taskForces;
        this.jdbc = jdbc;
        this.intake = intake;
        this.workingDays = workingDays;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM case_file").query(Integer.class).single() > 0) {
            return;
        }
        int n = 0;
        for (Demo d : CASES) {
            n++;
            Long employerId = jdbc.sql("SELECT id FROM published_employer WHERE name = :n").param("n", d.employer()).query(Long.class).optional().orElse(null);
            Long projectId = d.project() == null ? null : jdbc.sql("SELECT id FROM published_project WHERE code = :c").param("c", d.project())
                    .query(Long.class).optional().orElse(null);
            List<Intake.Claimant> claimants = claimants(n, d.workers(), new BigDecimal(d.amount()));
            long id = intake.register(new Intake(d.channel(), CaseKind.COMPLAINT, claimants.get(0).name(), null, false,
                    employerId, d.employer(), projectId, "430981", d.industry(), d.registered().minusMonths(4),
                    d.registered().minusDays(20), d.description(), claimants, null, d.registered()));
            advance(id, d);
        }
        for (Demo d : smallerMatters()) {
            n++;
            // Most of the half-year's smaller matters came as reports (举报: hotline, platform, grid) without a named
            // complainant; the rest as complaints — the seed's 30-odd complaints among 60-odd matters handled.
            boolean report = n % 3 != 0;
            List<Intake.Claimant> claimants = claimants(n, d.workers(), new BigDecimal(d.amount()));
            long id = intake.register(new Intake(d.channel(), report ? CaseKind.REPORT : CaseKind.COMPLAINT,
                    report ? null : claimants.get(0).name(), null, report, null, d.employer(), null, "430981",
                    d.industry(), d.registered().minusMonths(3), d.registered().minusDays(15), d.description(),
                    claimants, null, d.registered()));
            // Not registered employers: the matter goes to the department that supervises its trade.
            jdbc.sql("UPDATE case_file SET department_id = :d WHERE id = :id")
                    .param("d", department(supervisor(d.industry()))).param("id", id).update();
            advance(id, d);
        }
        taskForces();
        persons();
        platformReports();
        log.info("已载入演示数据：{} 件欠薪案件（2021年上半年及当前在办）与两个工作专班", n);
    }

    /**
     * The platform's clues carry its clue numbers (线索编号), and those of the first half of 2021, handled to the end,
     * were reported 办结 to the platform at the half-year's close; the clue still awaiting acceptance was not.
     */
    private void platformReports() {
        jdbc.sql("""
                UPDATE case_file SET external_ref = 'XS' || to_char(registered_on, 'YYYYMMDD') || lpad(id::text, 5, '0')
                 WHERE channel = 'PLATFORM' AND external_ref IS NULL
                """).update();
        long batch = jdbc.sql("""
                INSERT INTO platform_report_batch (made_at, made_on, made_by, region_code, exchange, results, receipt)
                SELECT TIMESTAMPTZ '2021-07-02 10:00:00+08', DATE '2021-07-02', 'zhiqianban', '430981', 'FILE', count(*),
                       '线索办理结果-20210702-100000-000.csv'
                  FROM case_file WHERE channel = 'PLATFORM' AND status = 'TRACKING_ENDED' HAVING count(*) > 0
                RETURNING id
                """).query(Long.class).optional().orElse(0L);
        if (batch == 0) {
            return;
        }
        jdbc.sql("""
                SELECT c.id, c.external_ref, c.accepted_on, c.closed_on, c.outcome, c.outcome_note, c.amount_recovered,
                       c.workers_paid, d.name
                  FROM case_file c LEFT JOIN department d ON d.id = c.department_id
                 WHERE c.channel = 'PLATFORM' AND c.status = 'TRACKING_ENDED' ORDER BY c.id
                """).query((rs, n) -> {
                    String outcome = rs.getString(5);
                    String text = outcome == null ? null : org.wageguard.shared.SharedMessages.chinese("messages/casework",
                            "enum.Outcome." + outcome);
                    String reply = org.wageguard.shared.SharedMessages.chinese("messages/casework", "platform.reply.concluded",
                            text == null ? "" : text, rs.getString(6) == null ? "" : "（" + rs.getString(6) + "）",
                            rs.getBigDecimal(7).toPlainString(), rs.getInt(8));
                    return jdbc.sql("""
                            INSERT INTO platform_clue_report (batch_id, case_id, clue_no, state, accepted_on, concluded_on,
                                outcome, outcome_text, amount_recovered, workers_paid, reply, handled_by, reported_on)
                            VALUES (:b, :c, :no, 'CONCLUDED', :acc, :con, :o, :ot, :amount, :workers, :reply, :by, DATE '2021-07-02')
                            """).param("b", batch).param("c", rs.getLong(1)).param("no", rs.getString(2))
                            .param("acc", rs.getDate(3)).param("con", rs.getDate(4)).param("o", outcome).param("ot", text)
                            .param("amount", rs.getBigDecimal(7)).param("workers", rs.getInt(8)).param("reply", reply)
                            .param("by", rs.getString(9)).update();
                }).list();
    }

    /**
     * The seed's five arrests: "将信峰船舶公司法人何峰、湖南光线农业有限公司法人彭鹏程、相关人员曾宇、兴记煲仔饭法人曾婧、
     * 相关人员钟斌逮捕，为农民工追回拖欠的26万余元工资".
     */
    private void persons() {
        String[][] arrested = {{"沅江市信峰船舶制造有限公司", "LEGAL_REPRESENTATIVE", "何峰"},
                {"湖南光线农业有限公司", "LEGAL_REPRESENTATIVE", "彭鹏程"}, {"湖南光线农业有限公司", "OTHER", "曾宇"},
                {"沅江市兴记煲仔饭店", "LEGAL_REPRESENTATIVE", "曾婧"}, {"沅江市兴记煲仔饭店", "OTHER", "钟斌"}};
        for (String[] a : arrested) {
            jdbc.sql("""
                    INSERT INTO case_person (case_id, role, name, referral_status, status_on, note)
                    SELECT c.id, :role, :name, 'ARRESTED', c.registered_on + 40, '涉嫌拒不支付劳动报酬罪，经检察院批准逮捕'
                      FROM case_file c WHERE c.employer_name = :e AND c.outcome = 'REFERRED_TO_POLICE'
                    """).param("role", a[1]).param("name", a[2]).param("e", a[0]).update();
        }
    }

    /**
     * The half-year's smaller matters, which bring the demo to the seed's figures: 23 cases and 1,200-odd ten thousand
     * yuan for the task force before the Spring Festival, 60-odd matters and 1,500-odd ten thousand yuan recovered by
     * the end of June, spreading from construction to factories, shops, hotels and venues (the seed's third difficulty).
     */
    static List<Demo> smallerMatters() {
        String[][] employers = {{"沅江市鑫源装饰工程部", "50"}, {"沅江市万家福超市", "52"}, {"沅江市湘运物流有限公司", "54"},
                {"沅江市明珠大酒店", "61"}, {"沅江市老码头餐馆", "62"}, {"沅江市康乐足浴城", "80"},
                {"沅江市天籁KTV", "90"}, {"沅江市华兴竹木制品厂", "20"}, {"沅江市丰泽米业有限公司", "13"},
                {"沅江市宏达机械配件厂", "34"}, {"沅江市仁和医院", "84"}, {"沅江市城东劳务班组（包工头刘某）", "50"},
                {"沅江市新湖建筑队", "47"}, {"沅江市金盾保安服务公司", "72"}, {"沅江市顺风驾校", "83"}};
        Channel[] channels = {Channel.HOTLINE, Channel.PLATFORM, Channel.WALK_IN, Channel.GRID, Channel.LETTER_VISIT,
                Channel.HOTLINE, Channel.PLATFORM};
        List<Demo> list = new java.util.ArrayList<>();
        // Ten before the Spring Festival (the task force's time), around five hundred thousand yuan in all.
        LocalDate[] beforeFestival = {LocalDate.of(2021, 1, 29), LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 2),
                LocalDate.of(2021, 2, 4), LocalDate.of(2021, 2, 5), LocalDate.of(2021, 2, 8), LocalDate.of(2021, 2, 9),
                LocalDate.of(2021, 2, 10), LocalDate.of(2021, 2, 19), LocalDate.of(2021, 2, 24)};
        for (int i = 0; i < beforeFestival.length; i++) {
            String[] e = employers[i % employers.length];
            list.add(new Demo(channels[i % channels.length], e[0], null, e[1], beforeFestival[i], 3 + i % 6,
                    String.valueOf(32000 + 4600 * i), "MEDIATED", "TRACKING_ENDED", false, "春节前集中接访：" + e[0] + "拖欠工资"));
        }
        // Thirty-three from March to June, about a million yuan, mostly outside construction.
        for (int i = 0; i < 33; i++) {
            String[] e = employers[(i * 7 + 3) % employers.length];
            LocalDate day = LocalDate.of(2021, 3, 2).plusDays(i * 3L + i / 5);
            if (day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            list.add(new Demo(channels[(i + 2) % channels.length], e[0], null, e[1], day, 2 + i % 8,
                    String.valueOf(18000 + 1000 * (i % 17)), i % 4 == 0 ? "PAID_WITHIN_DEADLINE" : "MEDIATED",
                    "TRACKING_ENDED", false, e[0] + "拖欠" + (2 + i % 8) + "名劳动者工资"));
        }
        return list;
    }

    /** The department supervising a trade (GB/T 4754 division) in the demo city. */
    static String supervisor(String division) {
        return switch (division) {
            case "47", "48", "49", "50" -> "沅江市住房和城乡建设局";
            case "54", "83" -> "沅江市交通运输局";
            case "84" -> "沅江市卫生健康局";
            case "90" -> "沅江市文化旅游广电体育局";
            case "13", "20", "34" -> "沅江市工业和信息化局";
            default -> "沅江市商务局";
        };
    }

    private long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    /**
     * The seed's task force of 2021 ("从相关职能部门抽调精兵强将…春节前10天由治欠工作专班集中接访"), which handled the
     * half-year's cases, and this winter's, on duty for the ten days before the 2027 Spring Festival (6 February).
     */
    private void taskForces() {
        String[][] members = {{"曹立新", "沅江市治欠工作领导小组办公室", "LEADER", "0737-2721001"},
                {"黄国平", "沅江市劳动保障监察局", "DEPUTY", "0737-2721002"}, {"李志明", "沅江市劳动保障监察局", "MEMBER", null},
                {"李卫东", "沅江市住房和城乡建设局", "MEMBER", null}, {"彭长青", "沅江市交通运输局", "MEMBER", null},
                {"刘志坚", "沅江市公安局", "MEMBER", null}, {"周海燕", "沅江市信访局", "MEMBER", null}};
        String duties = "对在建工程和高新区重点行业企业欠薪隐患全面排查；春节前10天集中接访、集中及时处置投诉案件";
        long office = department("沅江市治欠工作领导小组办公室");
        form("2021年春节前根治拖欠农民工工资工作专班", office, LocalDate.of(2021, 1, 4), LocalDate.of(2021, 2, 28),
                LocalDate.of(2021, 2, 2), LocalDate.of(2021, 2, 11), duties, members);
        form("2027年春节前根治拖欠农民工工资冬季攻坚工作专班", office, LocalDate.of(2026, 11, 15), LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 1, 27), LocalDate.of(2027, 2, 5), duties, members);
    }

    private void form(String name, long office, LocalDate from, LocalDate to, LocalDate receptionFrom,
            LocalDate receptionTo, String duties, String[][] members) {
        long id = taskForces.form(name, "430981", office, from, to, receptionFrom, receptionTo, duties, "zhiqianban");
        List<Long> ids = new java.util.ArrayList<>();
        for (String[] m : members) {
            ids.add(taskForces.addMember(id, m[0], department(m[1]), org.wageguard.casework.TaskForces.Role.valueOf(m[2]), m[3]));
        }
        int i = 0;
        for (LocalDate day = receptionFrom; !day.isAfter(receptionTo); day = day.plusDays(1)) {
            // Two on duty each day in the joint reception hall: an inspector and a member of another unit.
            taskForces.schedule(id, day, ids.get(1 + i % 2), "市人社局一楼联合接访大厅");
            taskForces.schedule(id, day, ids.get(3 + i % 4), "市人社局一楼联合接访大厅");
            i++;
        }
    }

    /** Walks a demo case to its final state with the dates it would have had. */
    private void advance(long id, Demo d) {
        LocalDate day = d.registered();
        if (d.status().equals("REGISTERED")) {
            return;
        }
        if (d.status().equals("REFUSED")) {
            step(id, day.plusDays(2), "REFUSE", "REGISTERED", "REFUSED", d.description());
            jdbc.sql("UPDATE case_file SET status = 'REFUSED', refusal_reason = :r, closed_on = :d WHERE id = :id")
                    .param("r", d.description()).param("d", Date.valueOf(day.plusDays(2))).param("id", id).update();
            return;
        }
        LocalDate accepted = workingDays.plus(day, 1);
        step(id, accepted, "ACCEPT", "REGISTERED", "ACCEPTED", null);
        jdbc.sql("UPDATE case_file SET status = 'ACCEPTED', accepted_on = :d WHERE id = :id").param("d", Date.valueOf(accepted)).param("id", id).update();
        if (d.status().equals("ACCEPTED")) {
            return;
        }
        LocalDate filed = workingDays.plus(accepted, 1);
        step(id, filed, "FILE", "ACCEPTED", "FILED", "办案人员：黄国平、李志明");
        jdbc.sql("UPDATE case_file SET status = 'FILED', filed_on = :f, handling_due = :due, inspectors = '黄国平、李志明' WHERE id = :id")
                .param("f", Date.valueOf(filed)).param("due", Date.valueOf(workingDays.plus(filed, 60))).param("id", id).update();
        if (d.status().equals("FILED")) {
            long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO case_assignment (case_id, department_id, assigned_on, due_on, assigned_by, status)
                    VALUES (:c, :d, :on, :due, 'zhiqianban', 'OPEN')""").param("c", id).param("d", housing)
                    .param("on", Date.valueOf(filed)).param("due", Date.valueOf(workingDays.plus(filed, 10))).update();
            jdbc.sql("UPDATE case_file SET department_id = :d WHERE id = :id").param("d", housing).param("id", id).update();
            step(id, filed, "ASSIGN", null, null, "交办沅江市住房和城乡建设局，限 " + workingDays.plus(filed, 10) + " 前反馈");
            return;
        }
        LocalDate served = workingDays.plus(filed, 3);
        LocalDate deadline = served.plusDays(10);
        boolean needsOrder = !"MEDIATED".equals(d.outcome()) && !"ADMINISTRATIVE_DECISION".equals(d.outcome());
        String from = "FILED";
        if (needsOrder) {
            String number = "沅人社监令〔" + served.getYear() + "〕" + id + "号";
            jdbc.sql("INSERT INTO payment_order (case_id, number, served_on, deadline, amount) VALUES (:c, :n, :s, :d, :a)")
                    .param("c", id).param("n", number).param("s", Date.valueOf(served)).param("d", Date.valueOf(deadline))
                    .param("a", new BigDecimal(d.amount())).update();
            step(id, served, "ORDER", "FILED", "ORDERED", "限期改正指令书 " + number + "，限 " + deadline + " 前支付");
            from = "ORDERED";
            if (d.status().equals("ORDERED")) {
                jdbc.sql("UPDATE case_file SET status = 'ORDERED' WHERE id = :id").param("id", id).update();
                return;
            }
        }
        LocalDate resolved = needsOrder ? deadline.plusDays(3) : served;
        step(id, resolved, "RESOLVE", from, "RESOLVED", d.description());
        LocalDate paid = resolved.plusDays(d.outcome().equals("COURT_ENFORCEMENT") ? 30 : 7);
        jdbc.sql("""
                INSERT INTO case_payment (case_id, claimant_id, paid_on, amount, manner, evidence, recorded_by)
                SELECT case_id, id, :d, amount_confirmed, 'BANK_TRANSFER', :e, 'jiancha' FROM case_claimant
                 WHERE case_id = :c AND amount_confirmed > 0
                """).param("d", Date.valueOf(paid)).param("e", "银行代发回单").param("c", id).update();
        jdbc.sql("UPDATE case_claimant SET amount_paid = amount_confirmed, paid_on = :d WHERE case_id = :c AND amount_confirmed > 0")
                .param("d", Date.valueOf(paid)).param("c", id).update();
        step(id, paid, "VERIFY_PAYMENT", "RESOLVED", "PAYMENT_VERIFIED", "已逐人核实发放到农民工本人银行卡");
        step(id, paid.plusDays(1), "CLOSE", "PAYMENT_VERIFIED", "CLOSED", null);
        step(id, paid.plusDays(30), "END_TRACKING", "CLOSED", "TRACKING_ENDED", "回访：工资已全部到手，无新增欠薪");
        jdbc.sql("""
                UPDATE case_file SET status = 'TRACKING_ENDED', outcome = :o, outcome_note = :note, amount_recovered = amount_claimed,
                       malicious = :m, closed_on = :closed WHERE id = :id
                """).param("o", d.outcome()).param("note", d.description()).param("m", d.malicious())
                .param("closed", Date.valueOf(paid.plusDays(1))).param("id", id).update();
    }

    private void step(long id, LocalDate day, String action, String from, String to, String note) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, at, on_day, by_username, action, status_from, status_to, note)
                VALUES (:c, :at, :day, 'jiancha', :a, :f, :t, :n)
                """).param("c", id).param("at", java.sql.Timestamp.valueOf(day.atTime(10, 0))).param("day", Date.valueOf(day))
                .param("a", action).param("f", from).param("t", to).param("n", note).update();
    }

    private static List<Intake.Claimant> claimants(int seed, int workers, BigDecimal total) {
        BigDecimal each = total.divide(BigDecimal.valueOf(workers), 2, RoundingMode.DOWN);
        BigDecimal last = total.subtract(each.multiply(BigDecimal.valueOf(workers - 1)));
        java.util.ArrayList<Intake.Claimant> list = new java.util.ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String name = SURNAMES[(seed * 7 + i) % SURNAMES.length] + GIVEN[(seed * 3 + i * 5) % GIVEN.length];
            list.add(new Intake.Claimant(name, idNumber(seed, i), i == workers - 1 ? last : each));
        }
        return list;
    }

    /** A valid GB 11643 number of a worker born in 沅江市. */
    static String idNumber(int seed, int i) {
        LocalDate birth = LocalDate.of(1965 + (seed * 3 + i) % 35, 1 + (seed + i) % 12, 1 + (seed * 5 + i) % 28);
        String body = "430981" + birth.toString().replace("-", "") + String.format("%03d", (seed * 37 + i * 11) % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
