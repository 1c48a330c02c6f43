package org.wageguard.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.activity.Activities;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.monitoring.FestivalForecasts;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;

/**
 * The figures of the work summary (工作总结) for a period and a region, each computed from the records and carrying
 * its definition (统计口径) and, where there is one, the link to the list of the rows behind it.
 */
@Service
public class WorkSummary {

    /** One figure: its value as printed, what is counted, and where its rows can be seen. */
    public record Figure(String key, String label, String value, String definition, String link) {
    }

    public record Meeting(LocalDate heldOn, String kind, String title, int participants) {
    }

    public record Figures(LocalDate from, LocalDate to, String regionName, Map<String, Figure> figures,
            List<Meeting> meetings, List<String> arrested, List<String[]> sectors) {

        public String value(String key) {
            return figures.get(key).value();
        }
    }

    /** A case's sector, as casework's view defines it: its project's where the project has one, else the respondent's. */
    static final String SECTOR = "c.sector_code";
    private static final String CONSTRUCTION = "(" + SECTOR + " = 'E' OR " + SECTOR + " IN ('47','48','49','50'))";

    private final JdbcClient jdbc;
    private final Activities activities;
    private final MessageSource messages;
    private final FestivalForecasts forecasts;

    WorkSummary(JdbcClient jdbc, Activities activities, MessageSource messages, FestivalForecasts forecasts) {
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.activities = activities;
        this.messages = messages;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    static String wan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10_000), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Transactional(readOnly = true)
    public Figures figures(String regionCode, LocalDate from, LocalDate to) {
        String prefix = RegionCode.of(regionCode).subtreePrefix();
        Map<String, Object> p = Map.of("p", prefix + "%", "f", Date.valueOf(from), "t", Date.valueOf(to));
        String period = "from=" + from + "&to=" + to;
        Map<String, Figure> f = new LinkedHashMap<>();

        Activities.Totals a = activities.totals(prefix, from, to);
        f.put("meetings", new Figure("meetings", "召开治欠工作会议", a.meetings() + " 次",
                "会议与宣传培训台账中类别为各类会议、日期在期间内的记录数", "/activities?" + period));
        f.put("trainings", new Figure("trainings", "举办业务培训", a.trainings() + " 期，" + a.trainingParticipants() + " 人次",
                "类别为业务培训的记录数及其参加人数之和", "/activities?" + period));
        f.put("publicity", new Figure("publicity", "宣传普法", a.publicityEvents() + " 次，发放资料 " + a.materials()
                + " 份，接受咨询 " + a.consultations() + " 人次", "类别为宣传、普法的记录数，及全部活动发放资料份数、接受咨询人次之和",
                "/activities?" + period));
        Activities.Trained trained = activities.trained(prefix, from, to);
        f.put("trained", new Figure("trained", "专题培训覆盖", "在建工程项目 " + trained.projects() + " 个、企业 " + trained.employers() + " 家",
                "期间内类别为业务培训的活动所关联（登记为培训对象）的不同在建项目数和企业数", "/activities?" + period));
        List<Activities.Ongoing> ongoing = activities.ongoing(prefix, from, to);
        StringBuilder channels = new StringBuilder();
        for (Activities.Ongoing o : ongoing) {
            channels.append(channels.isEmpty() ? "" : "；").append(label("activity.channel." + o.channel())).append(" ")
                    .append(o.items()).append(" 项、").append(o.days()).append(" 天、覆盖 ").append(o.reach()).append(" 人次");
        }
        f.put("ongoingPublicity", new Figure("ongoingPublicity", "持续宣传", ongoing.stream().mapToLong(Activities.Ongoing::items).sum()
                + " 项，累计 " + ongoing.stream().mapToLong(Activities.Ongoing::days).sum() + " 天" + (channels.isEmpty() ? "" : "（" + channels + "）"),
                "登记了起止日期的宣传（出租车、部门电子屏、“两微一端”专栏等）中与期间有重叠的项数；天数为每项落在期间内的天数（含首尾）之和，"
                        + "按渠道分列；覆盖人次为登记的整个宣传期的人次", "/activities?" + period));

        long inspectedProjects = Dashboard.inspectedProjects(jdbc, p);
        record Enterprises(long inspected, long laborIntensive, long key) {
        }
        Enterprises enterprises = jdbc.sql("""
                SELECT count(DISTINCT t.employer_id) AS inspected, count(DISTINCT t.employer_id) FILTER (WHERE e.labor_intensive) AS labor_intensive,
                       count(DISTINCT t.employer_id) FILTER (WHERE e.key_enterprise) AS key
                  FROM published_inspection i JOIN published_campaign_target t ON t.id = i.target_id JOIN published_employer e ON e.id = t.employer_id
                 WHERE e.region_code LIKE :p AND i.inspected_on BETWEEN :f AND :t
                """).params(p).query(Rows.of(Enterprises.class)).single();
        f.put("inspections", new Figure("inspections", "专项检查", "检查在建工程项目 " + inspectedProjects + " 个、企业 " + enterprises.inspected()
                + " 家（其中劳动密集型企业 " + enterprises.laborIntensive() + " 家、重点企业 " + enterprises.key() + " 家）",
                "期间内有现场检查记录的不同在建项目数与不同企业数（“回头看”复查不重复计数）；劳动密集型、重点企业按用人单位登记的属性",
                "/inspection/inspections?from=" + from + "&to=" + to));
        record KeyEnterprises(long registered, long cases) {
        }
        KeyEnterprises key = jdbc.sql("""
                SELECT (SELECT count(*) FROM published_employer e WHERE e.key_enterprise AND e.region_code LIKE :p) AS registered,
                       (SELECT count(*) FROM counted_case c JOIN published_employer e ON e.id = c.employer_id
                         WHERE e.key_enterprise AND c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t) AS cases
                """).params(p).query(Rows.of(KeyEnterprises.class)).single();
        f.put("keyEnterprises", new Figure("keyEnterprises", "重点企业", "登记重点企业 " + key.registered() + " 家，期间内检查 "
                + enterprises.key() + " 家，涉及欠薪案件 " + key.cases() + " 起",
                "用人单位登记为重点企业（重点行业企业、建设工程领域重点单位）的家数（截至今日）；检查家数同“专项检查”；案件数为期间内"
                        + "登记、被投诉单位为重点企业的案件（关联案件只计一次，不予受理和撤回的不计）",
                "/employers?keyEnterprise=true"));
        Map<String, long[]> items = new java.util.HashMap<>();
        jdbc.sql("""
                WITH first AS (
                    SELECT DISTINCT ON (t.project_id) i.id FROM published_inspection i JOIN published_campaign_target t ON t.id = i.target_id
                      JOIN published_project pr ON pr.id = t.project_id
                     WHERE pr.region_code LIKE :p AND i.inspected_on BETWEEN :f AND :t ORDER BY t.project_id, i.inspected_on, i.id)
                SELECT ci.compliance_kind, count(*) FILTER (WHERE a.compliant), count(*) FILTER (WHERE a.compliant IS NOT NULL)
                  FROM first JOIN published_inspection_answer a ON a.inspection_id = first.id JOIN published_checklist_item ci ON ci.id = a.item_id
                 WHERE ci.compliance_kind IS NOT NULL GROUP BY ci.compliance_kind
                """).params(p).query((rs, n) -> items.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        StringBuilder rates = new StringBuilder();
        for (String kind : Assessments.COMPLIANCE) {
            long[] v = items.getOrDefault(kind, new long[2]);
            rates.append(rates.isEmpty() ? "" : "，").append(label("enum.ComplianceKind." + kind)).append(" ").append(v[0]).append("/")
                    .append(v[1]).append("（").append(Assessments.percent(v[0], v[1])).append("%）");
        }
        f.put("inspectionItems", new Figure("inspectionItems", "检查项目六项制度落实", rates.toString(),
                "期间内每个被检查项目的首次检查中，该事项回答为“符合”的项目数 / 作答（不含不适用）的项目数；六项为实名制管理、工资专用账户、"
                        + "总包代发（银行代发）、工资保证金、维权告示牌、工程款支付担保", "/inspection/inspections?from=" + from + "&to=" + to));

        record Money(long cases, BigDecimal claimed, BigDecimal recovered, BigDecimal paidOut, long workers, BigDecimal shortfall) {
        }
        Money all = jdbc.sql("""
                SELECT count(*) AS cases, COALESCE(sum(amount_claimed), 0) AS claimed, COALESCE(sum(amount_recovered), 0) AS recovered,
                       COALESCE(sum(amount_paid_out), 0) AS paid_out, COALESCE(sum(workers_paid), 0) AS workers,
                       COALESCE(sum(amount_shortfall), 0) AS shortfall
                  FROM counted_case c WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t""")
                .params(p).query(Rows.of(Money.class)).single();
        long complaints = jdbc.sql("SELECT count(*) FROM counted_case c WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t"
                + " AND c.kind = 'COMPLAINT'").params(p).query(Long.class).single();
        f.put("cases", new Figure("cases", "协调处理欠薪", all.cases() + " 起",
                "期间内登记的欠薪案件数（不含不予受理、撤回及关联到已有案件的重复反映）", "/cases?counted=true&" + period));
        f.put("complaints", new Figure("complaints", "其中处置欠薪投诉案件", complaints + " 起", "上述案件中类型为投诉（具名）的件数",
                "/cases?counted=true&" + period));
        f.put("recovered", new Figure("recovered", "为劳动者追回欠薪", wan(all.recovered()) + " 万元",
                "上述案件登记的追回金额之和", "/cases?counted=true&" + period));
        f.put("paidOut", new Figure("paidOut", "经核实发放到农民工手中", wan(all.paidOut()) + " 万元，足额发放 " + all.workers()
                + " 人" + (all.shortfall().signum() > 0 ? "，尚有未足额差额 " + wan(all.shortfall()) + " 万元" : ""),
                "上述案件中逐人逐笔登记发放到本人的金额之和（¥0 不算发放）；人数为已发放不少于核定金额的农民工数"
                        + "（《保障农民工工资支付条例》第三条：按时足额）；未足额差额为各人核定金额减已发放之和，另列，不计入已发放",
                "/cases?counted=true&" + period));

        Money force = jdbc.sql("""
                SELECT count(*) AS cases, COALESCE(sum(amount_claimed), 0) AS claimed, COALESCE(sum(amount_recovered), 0) AS recovered,
                       COALESCE(sum(amount_paid_out), 0) AS paid_out, COALESCE(sum(workers_paid), 0) AS workers,
                       COALESCE(sum(amount_shortfall), 0) AS shortfall
                  FROM counted_case c WHERE c.task_force_id IS NOT NULL AND c.region_code LIKE :p
                   AND c.registered_on BETWEEN :f AND :t""").params(p).query(Rows.of(Money.class)).single();
        boolean allPaid = force.cases() > 0 && force.paidOut().compareTo(force.claimed()) >= 0;
        f.put("taskForce", new Figure("taskForce", "工作专班协调处理欠薪案件", force.cases() + " 起，涉案金额 " + wan(force.claimed())
                + " 万元" + (allPaid ? "，均已发放至农民工手中" : "，已发放 " + wan(force.paidOut()) + " 万元"),
                "期间内登记、且登记时有工作专班存续的案件数与主张金额；“均已发放”指逐人核实发放金额不少于主张金额",
                "/taskforces"));

        List<String> arrested = jdbc.sql("""
                SELECT p.name FROM published_case_person p JOIN registered_case c ON c.id = p.case_id
                 WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t
                   AND p.referral_status IN ('ARRESTED','PROSECUTED','CONVICTED') ORDER BY p.id
                """).params(p).query(String.class).list();
        BigDecimal arrestRecovered = jdbc.sql("""
                SELECT COALESCE(sum(c.amount_recovered), 0) FROM registered_case c WHERE c.region_code LIKE :p
                   AND c.registered_on BETWEEN :f AND :t AND EXISTS (SELECT 1 FROM published_case_person x WHERE x.case_id = c.id
                       AND x.referral_status IN ('ARRESTED','PROSECUTED','CONVICTED'))
                """).params(p).query(BigDecimal.class).single();
        f.put("arrests", new Figure("arrests", "联合公安机关依法逮捕", arrested.size() + " 人，追回工资 " + wan(arrestRecovered) + " 万元",
                "期间内登记的案件中移送状态为逮捕、起诉或判决的责任人员数，及这些案件的追回金额", "/cases?counted=true&" + period + "&malicious=true"));
        Money court = jdbc.sql("""
                SELECT count(*) AS cases, COALESCE(sum(amount_claimed), 0) AS claimed, COALESCE(sum(amount_recovered), 0) AS recovered,
                       COALESCE(sum(amount_paid_out), 0) AS paid_out, 0 AS workers, COALESCE(sum(amount_shortfall), 0) AS shortfall
                  FROM registered_case c WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t AND c.outcome = 'COURT_ENFORCEMENT'
                """).params(p).query(Rows.of(Money.class)).single();
        f.put("court", new Figure("court", "与法院协调处理", court.cases() + " 起，追回欠薪 " + wan(court.recovered()) + " 万元",
                "处理结果为申请人民法院强制执行的案件数与追回金额", "/cases?counted=true&" + period));

        Dashboard.Clues clues = Dashboard.clues(jdbc, p);
        long ledgers = jdbc.sql("""
                SELECT count(*) FROM published_clue_ledger l JOIN department d ON d.id = l.department_id
                 WHERE d.region_code LIKE :p AND l.issued_on BETWEEN :f AND :t
                """).params(p).query(Long.class).single();
        f.put("clues", new Figure("clues", "欠薪线索反映平台线索", "收到 " + clues.received() + " 条，在办 " + clues.handling()
                + " 条，结案后持续跟踪 " + clues.tracked() + " 条，已办结 " + clues.finished() + " 条；下发线索台账 " + ledgers + " 份",
                "来源为线索反映平台、期间内登记的事项；结案后持续跟踪指已结案、仍在回访跟踪（未结束跟踪）的；已办结指跟踪结束、不予受理或撤回",
                "/cases?counted=true&" + period + "&channel=PLATFORM"));
        record Consulted(long total, long hotline, long walkIn) {
        }
        Consulted consulted = jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE channel = 'HOTLINE') AS hotline,
                       count(*) FILTER (WHERE channel = 'WALK_IN') AS walk_in
                  FROM consultation WHERE region_code LIKE :p AND consulted_on BETWEEN :f AND :t
                """).params(p).query(Rows.of(Consulted.class)).single();
        f.put("consultations", new Figure("consultations", "接受劳动者咨询", consulted.total() + " 次（来电 " + consulted.hotline()
                + " 次，来访 " + consulted.walkIn() + " 次）",
                "期间内咨询登记的来电、来访咨询次数；咨询不是投诉举报，不计入案件和线索", "/cases/consultations?" + period));

        record Sector(String code, String name, long cases) {
        }
        List<Sector> sectors = jdbc.sql("""
                SELECT COALESCE(s.code, '-') AS code, COALESCE(s.name, '未填行业') AS name, count(*) AS cases
                  FROM counted_case c LEFT JOIN industry_sector s ON s.code = """ + SECTOR + """

                 WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t
                 GROUP BY s.code, s.name ORDER BY cases DESC, code
                """).params(p).query(Rows.of(Sector.class)).list();
        long construction = jdbc.sql("SELECT count(*) FROM counted_case c"
                + " WHERE c.region_code LIKE :p AND c.registered_on BETWEEN :f AND :t AND "
                + CONSTRUCTION).params(p).query(Long.class).single();
        long other = all.cases() - construction;
        f.put("sectors", new Figure("sectors", "欠薪案件行业分布", "建设领域 " + construction + " 起，非建设领域（工业企业、医院酒店、娱乐场所等）"
                + other + " 起" + (all.cases() == 0 ? "" : "，占 " + BigDecimal.valueOf(other * 100).divide(BigDecimal.valueOf(all.cases()), 0,
                RoundingMode.HALF_UP) + "%"), "按案件所属行业（GB/T 4754）：案件关联的项目登记了行业的取项目的行业，否则取被反映用人单位的行业；"
                + "门类 E 及其大类 47–50 为建设领域，其余为非建设领域",
                "/cases?counted=true&" + period + "&sector=E"));

        record Quality(long projectMonths, long withGaps, long unpaid, long daysMismatch) {
        }
        Quality q = jdbc.sql("""
                SELECT count(DISTINCT (r.project_id, r.month)) AS project_months,
                       count(DISTINCT (r.project_id, r.month)) FILTER (WHERE r.severity IN ('red','orange')) AS with_gaps,
                       count(*) FILTER (WHERE r.rule = 'UNPAID') AS unpaid,
                       count(*) FILTER (WHERE r.rule IN ('DAYS_MISMATCH','PAID_WITHOUT_ATTENDANCE','GHOST_PAYROLL')) AS days_mismatch
                  FROM published_reconciliation_finding r JOIN published_project pr ON pr.id = r.project_id
                 WHERE pr.region_code LIKE :p AND r.month BETWEEN :f AND :t
                """).params(p).query(Rows.of(Quality.class)).single();
        f.put("realName", new Figure("realName", "实名制考勤与银行代发数据比对", "有问题的项目月 " + q.withGaps() + " 个，未发工资 "
                + q.unpaid() + " 人月，考勤与工资表不符 " + q.daysMismatch() + " 处",
                "期间内各项目月份花名册、考勤、工资表与银行代发流水逐人比对的结果：有红色或橙色发现的项目月数，对账规则“未发工资”的发现数，"
                        + "对账规则“出勤天数不符”“工资表无考勤”的发现数", "/workforce/imports"));

        LocalDate asOf = to.isAfter(forecasts.today()) ? forecasts.today() : to;
        FestivalForecasts.Forecast fc = forecasts.forecast(new DataScope(DataScopeType.REGION, regionCode, java.util.Set.of(),
                null, null, 0), regionCode, null, asOf);
        FestivalForecasts.Totals ft = fc.totals();
        f.put("festivalForecast", new Figure("festivalForecast", "春节前欠薪风险测算", "截至 " + asOf + "，" + ft.projects()
                + " 个项目 " + ft.workersOwed() + " 名农民工已出勤未足额支付工资约 " + wan(ft.exposure()) + " 万元；至春节（" + fc.festival()
                + "）风险金额 " + wan(ft.atRiskFestival()) + " 万元，其中 " + ft.projectsOver() + " 个项目超过预警阈值",
                "期末（不晚于今日）为测算日：未付出勤日（最近一次足额支付月份之后的考勤天数）× 日工资标准（本人工资表实发÷天数，"
                        + "无则项目人工费用拨付计划÷当月出勤人天，再无则项目平均）− 这些月份已到账金额；风险金额＝欠付工资估算＋按近28天出勤"
                        + "推算至春节的应付 − 专户余额；阈值为预警规则R16按地区设定的金额",
                "/monitoring/forecast?asOf=" + asOf));

        List<Meeting> meetings = activities.list(prefix, from, to).stream()
                .sorted(java.util.Comparator.comparing(Activities.Activity::heldOn))
                .map(x -> new Meeting(x.heldOn(), x.kind(), x.title(), x.participants())).toList();
        String regionName = jdbc.sql("SELECT name FROM region WHERE code = :c").param("c", regionCode).query(String.class)
                .optional().orElse(regionCode);
        return new Figures(from, to, regionName, f, meetings, arrested,
                sectors.stream().map(s -> new String[] {s.code(), s.name(), String.valueOf(s.cases())}).toList());
    }
}
