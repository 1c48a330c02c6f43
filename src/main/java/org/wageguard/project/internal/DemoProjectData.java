package org.wageguard.project.internal;

import java.math.BigDecimal;
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
import org.wageguard.project.ComplianceFacts;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.GuaranteeForm;
import org.wageguard.project.ProjectDraft;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.Projects;
import org.wageguard.project.WageDeposits;
import org.wageguard.shared.MobilePhone;

/**
 * The seed's summer campaign covered 17 projects under construction in 沅江市: here they are, across the
 * housing, transport, water and high-tech-zone departments, with mixed compliance — a few clean, the rest
 * with the gaps the seed's inspections found (late special accounts, missing deposits, incomplete boards).
 */
@Component
@Profile("demo")
@Order(30)
class DemoProjectData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjectData.class);

    /** How complete a demo project's compliance is. */
    enum Shape { CLEAN, LATE_ACCOUNT, NO_ACCOUNT, NO_DEPOSIT, BOARD_INCOMPLETE, GUARANTEE_EXPIRED, NO_ROSTER, PARTIAL }

    record Demo(String code, String name, String department, String owner, String contractor, String wageOfficer,
            String phone, boolean government, String contractValue, LocalDate contractDate, Shape shape,
            String address) {
    }

    static final List<Demo> PROJECTS = List.of(
            new Demo("YJ-2021-001", "沅江市第一中学新校区建设工程", "沅江市住房和城乡建设局", "沅江市教育局", "湖南沅江建工集团有限公司",
                    "陈小兵", "15807371008", true, "186000000.00", LocalDate.of(2020, 9, 18), Shape.CLEAN, "沅江市琼湖街道桔城路"),
            new Demo("YJ-2021-002", "沅江市人民医院门急诊综合楼建设项目", "沅江市住房和城乡建设局", "沅江市人民医院", "湖南省第六工程有限公司",
                    "罗志军", "13974781201", true, "235000000.00", LocalDate.of(2020, 11, 2), Shape.CLEAN, "沅江市琼湖街道康复北路"),
            new Demo("YJ-2021-003", "G234线沅江段公路改扩建工程", "沅江市交通运输局", "沅江市交通建设投资有限公司", "益阳路桥建设有限公司",
                    "汤建明", "13907372202", true, "312000000.00", LocalDate.of(2020, 12, 10), Shape.CLEAN, "沅江市阳罗洲镇至草尾镇"),
            new Demo("YJ-2021-004", "沅江市琼湖路提质改造工程", "沅江市住房和城乡建设局", "沅江市城市建设投资开发有限公司", "湖南沅江建工集团有限公司",
                    "陈小兵", "15807371008", true, "68000000.00", LocalDate.of(2021, 3, 1), Shape.LATE_ACCOUNT, "沅江市琼湖路"),
            new Demo("YJ-2021-005", "蓉园·滨湖一品住宅小区二期", "沅江市住房和城乡建设局", "湖南蓉园房地产开发有限公司", "沅江市第二建筑工程有限公司",
                    "胡海波", "13873701305", false, "128000000.00", LocalDate.of(2020, 6, 15), Shape.NO_DEPOSIT, "沅江市胭脂湖街道滨湖路"),
            new Demo("YJ-2021-006", "沅江高新区标准化厂房三期", "沅江高新技术产业开发区管理委员会", "沅江高新区开发建设投资有限公司", "湖南华盛建设工程有限公司",
                    "周立平", "13762701406", true, "96000000.00", LocalDate.of(2021, 1, 20), Shape.GUARANTEE_EXPIRED, "沅江高新区创业大道"),
            new Demo("YJ-2021-007", "南洞庭湖区域防洪治理工程（沅江段）", "沅江市水利局", "沅江市水利建设投资有限公司", "湖南洞庭水利水电工程有限公司",
                    "刘德胜", "13517371507", true, "154000000.00", LocalDate.of(2020, 10, 8), Shape.CLEAN, "沅江市南嘴镇、新湾镇沿湖大堤"),
            new Demo("YJ-2021-008", "沅江市城区污水处理厂提标改造工程", "沅江市住房和城乡建设局", "沅江市城市建设投资开发有限公司", "湖南洞庭水利水电工程有限公司",
                    "刘德胜", "13517371507", true, "43000000.00", LocalDate.of(2021, 2, 26), Shape.BOARD_INCOMPLETE, "沅江市胭脂湖街道"),
            new Demo("YJ-2021-009", "锦绣华府商住楼建设项目", "沅江市住房和城乡建设局", "沅江市锦绣华府置业有限公司", "湖南华盛建设工程有限公司",
                    "李文斌", "13974781609", false, "89000000.00", LocalDate.of(2021, 4, 12), Shape.NO_ACCOUNT, "沅江市琼湖街道庆云路"),
            new Demo("YJ-2021-010", "沅江市胭脂湖公园景观提质工程", "沅江市住房和城乡建设局", "沅江市城市建设投资开发有限公司", "湖南沅江建工集团有限公司",
                    "王建新", "13874771710", true, "32000000.00", LocalDate.of(2021, 3, 28), Shape.PARTIAL, "沅江市胭脂湖街道"),
            new Demo("YJ-2021-011", "S217线草尾至黄茅洲段公路改造工程", "沅江市交通运输局", "沅江市交通建设投资有限公司", "益阳路桥建设有限公司",
                    "汤建明", "13907372202", true, "117000000.00", LocalDate.of(2021, 1, 6), Shape.BOARD_INCOMPLETE, "沅江市草尾镇至黄茅洲镇"),
            new Demo("YJ-2021-012", "沅江市农村公路提质改造工程（2021年）", "沅江市交通运输局", "沅江市交通建设投资有限公司", "沅江市第二建筑工程有限公司",
                    "胡海波", "13873701305", true, "26000000.00", LocalDate.of(2021, 3, 15), Shape.NO_ROSTER, "沅江市四季红镇、泗湖山镇"),
            new Demo("YJ-2021-013", "沅江市第三中学教学楼改扩建工程", "沅江市住房和城乡建设局", "沅江市教育局", "沅江市第二建筑工程有限公司",
                    null, null, true, "39000000.00", LocalDate.of(2021, 5, 10), Shape.NO_ROSTER, "沅江市琼湖街道"),
            new Demo("YJ-2021-014", "沅江高新区创业服务中心建设项目", "沅江高新技术产业开发区管理委员会", "沅江高新区开发建设投资有限公司", "湖南省第六工程有限公司",
                    "罗志军", "13974781201", true, "72000000.00", LocalDate.of(2021, 2, 3), Shape.LATE_ACCOUNT, "沅江高新区"),
            new Demo("YJ-2021-015", "沅江市棚户区改造安置房建设项目", "沅江市住房和城乡建设局", "沅江市城市建设投资开发有限公司", "湖南省第六工程有限公司",
                    "彭志刚", "13607371815", true, "165000000.00", LocalDate.of(2020, 8, 20), Shape.PARTIAL, "沅江市胭脂湖街道五一路"),
            new Demo("YJ-2021-016", "沅江市漉湖大垸排涝泵站更新改造工程", "沅江市水利局", "沅江市水利建设投资有限公司", "湖南洞庭水利水电工程有限公司",
                    "刘德胜", "13517371507", true, "51000000.00", LocalDate.of(2021, 4, 1), Shape.CLEAN, "沅江市漉湖"),
            new Demo("YJ-2021-017", "沅江市城北社区卫生服务中心维修改造工程", "沅江市住房和城乡建设局", "沅江市人民医院", "湖南华盛建设工程有限公司",
                    "周立平", "13762701406", true, "860000.00", LocalDate.of(2021, 5, 20), Shape.PARTIAL, "沅江市琼湖街道"));

    private final JdbcClient jdbc;
    private final Projects projects;
    private final ComplianceItems compliance;
    private final WageDeposits deposits;
    private final ProjectParties parties;

    DemoProjectData(JdbcClient jdbc, Projects projects, ComplianceItems compliance, WageDeposits deposits,
            ProjectParties parties) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.projects = projects;
        this.compliance = compliance;
        this.deposits = deposits;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM project").query(Integer.class).single() > 0) {
            bindSpecialAccounts(); // a demo database loaded before special accounts were bound to their banks
            return;
        }
        // All projects first, then their items: the deposit rate depends on how many projects each contractor has.
        java.util.Map<Demo, Long> ids = new java.util.LinkedHashMap<>();
        for (Demo d : PROJECTS) {
            ids.put(d, projects.register(new ProjectDraft(d.code(), d.name(), town(d.address()), department(d.department()),
                    employer(d.owner()), employer(d.contractor()), d.address(), d.wageOfficer(),
                    d.phone() == null ? null : MobilePhone.of(d.phone()), d.government(), new BigDecimal(d.contractValue()),
                    new BigDecimal(d.contractValue()).multiply(new BigDecimal("0.22")).setScale(2),
                    d.contractDate(), d.contractDate().plusDays(20), d.contractDate().plusMonths(30),
                    ProjectStatus.UNDER_CONSTRUCTION)));
        }
        ids.forEach((d, id) -> shape(id, d));
        bindSpecialAccounts();
        parties(ids);
        log.info("已载入演示数据：沅江市 {} 个在建工程项目及其一金三制落实情况", PROJECTS.size());
    }

    private void shape(long id, Demo d) {
        LocalDate c = d.contractDate();
        String bank = d.code().hashCode() % 2 == 0 ? "中国农业银行沅江市支行" : "中国建设银行沅江支行";
        boolean account = d.shape() != Shape.NO_ACCOUNT;
        LocalDate opened = opened(d);
        if (account) {
            record(id, ComplianceKind.SPECIAL_ACCOUNT, facts(opened, null, null, null, branch(d), accountNumber(d),
                    false, null));
        }
        if (d.shape() != Shape.NO_ACCOUNT && d.shape() != Shape.PARTIAL) {
            record(id, ComplianceKind.BANK_PAYROLL, facts(opened.plusDays(3), null, null, null, bank, null, false, null));
        }
        var required = deposits.requirementOn(id, c.plusDays(25)).orElseThrow();
        if (d.shape() != Shape.NO_DEPOSIT && !required.exempt()) {
            BigDecimal amount = d.shape() == Shape.PARTIAL ? required.amount().divide(new BigDecimal(2)).setScale(2)
                    : required.amount();
            deposits.deposit(id, WageDeposits.MovementKind.DEPOSIT, amount, c.plusDays(25), "开工前缴存");
        }
        if (d.shape() == Shape.BOARD_INCOMPLETE) {
            record(id, ComplianceKind.NOTICE_BOARD, new ComplianceFacts(false, c.plusDays(30), null, null, null, null,
                    null, false, "每月15日", null, null, "缺最低工资标准和投诉电话"));
        } else if (d.shape() != Shape.PARTIAL) {
            record(id, ComplianceKind.NOTICE_BOARD, new ComplianceFacts(false, c.plusDays(30), null, null, null, null,
                    null, false, "每月15日", "1580元/月", "12333", null, "沅江市劳动人事争议仲裁院（市人社局一楼）",
                    "沅江市法律援助中心，12348"));
        }
        if (d.shape() != Shape.PARTIAL && d.shape() != Shape.NO_ACCOUNT) {
            LocalDate valid = d.shape() == Shape.GUARANTEE_EXPIRED ? LocalDate.of(2026, 6, 30) : LocalDate.of(2027, 12, 31);
            record(id, ComplianceKind.PAYMENT_GUARANTEE, facts(c.plusDays(5), valid,
                    new BigDecimal(d.contractValue()).multiply(new BigDecimal("0.10")).setScale(2), GuaranteeForm.BANK_GUARANTEE,
                    bank, null, false, null));
        }
    }

    private static LocalDate opened(Demo d) {
        return d.shape() == Shape.LATE_ACCOUNT ? d.contractDate().plusDays(47) : d.contractDate().plusDays(12);
    }

    /** The bank branch holding the project's special account (an employer record of the banking industry). */
    private static String branch(Demo d) {
        return d.code().hashCode() % 2 == 0 ? "中国农业银行股份有限公司沅江市支行" : "中国建设银行股份有限公司沅江支行";
    }

    private static String accountNumber(Demo d) {
        return "1832" + d.code().replaceAll("\\D", "") + "01";
    }

    /**
     * Each demo special account bound to its branch's employer record since the account was opened, as the industry
     * department registered it then (so that {@code yinhang} sends the disbursements of the 农业银行 accounts). Also
     * run on a demo database loaded before bindings existed; a branch without an employer record is left unbound.
     */
    private void bindSpecialAccounts() {
        if (jdbc.sql("SELECT count(*) FROM special_account_binding").query(Integer.class).single() > 0) {
            return;
        }
        for (Demo d : PROJECTS) {
            Long project = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", d.code()).query(Long.class)
                    .optional().orElse(null);
            Long bank = jdbc.sql("SELECT id FROM published_employer WHERE name = :n AND industry_code = '66'")
                    .param("n", branch(d)).query(Long.class).optional().orElse(null);
            if (d.shape() == Shape.NO_ACCOUNT || project == null || bank == null) {
                continue;
            }
            java.sql.Timestamp since = java.sql.Timestamp.valueOf(opened(d).atTime(9, 0));
            jdbc.sql("""
                    INSERT INTO special_account_binding (project_id, bank_employer_id, bank_credit_code, bank_name,
                        account_number, status, proposed_by, proposed_role, proposed_at, decided_by, decided_role,
                        decided_at, valid_from, note)
                    SELECT :p, e.id, e.credit_code, e.name, :account, 'CONFIRMED', 'system', 'SYSTEM', :since, 'system',
                           'SYSTEM', :since, :since, '演示数据：开户时由行业主管部门登记'
                      FROM published_employer e WHERE e.id = :bank
                    """).param("p", project).param("account", accountNumber(d)).param("since", since)
                    .param("bank", bank).update();
            jdbc.sql("""
                    UPDATE compliance_item SET bank_name = :n, account_number = :account
                     WHERE project_id = :p AND kind = 'SPECIAL_ACCOUNT'
                    """).param("n", branch(d)).param("account", accountNumber(d)).param("p", project).update();
            compliance.reevaluate(project);
        }
    }

    /** Labor subcontractors, teams and monthly labor-cost transfers of the larger building projects. */
    private void parties(java.util.Map<Demo, Long> ids) {
        Long labor = jdbc.sql("SELECT id FROM published_employer WHERE name = '沅江市顺达建筑劳务有限公司'").query(Long.class).optional().orElse(null);
        Long steel = jdbc.sql("SELECT id FROM published_employer WHERE name = '湖南兴湘钢结构工程有限公司'").query(Long.class).optional().orElse(null);
        ids.forEach((d, id) -> {
            if (!d.code().matches("YJ-2021-00[1245]")) {
                return;
            }
            if (labor != null) {
                parties.addSubcontractor(id, labor, "劳务分包（主体结构）");
                if (!d.code().equals("YJ-2021-005")) { // 005: the labor subcontractor pays its workers itself
                    parties.authorisePayment(id, labor, d.contractDate().plusDays(25),
                            "劳务分包农民工工资委托代发协议（" + d.code() + "-WT01）");
                }
            }
            if (steel != null && d.code().equals("YJ-2021-002")) {
                parties.addSubcontractor(id, steel, "钢结构专业分包");
            }
            parties.addTeam(id, "钢筋班", "何建军", labor);
            parties.addTeam(id, "木工班", "刘德华", labor);
            parties.addTeam(id, "泥工班", "曾春生", labor);
            BigDecimal monthly = new BigDecimal(d.contractValue()).multiply(new BigDecimal("0.22"))
                    .divide(new BigDecimal(30), 2, java.math.RoundingMode.HALF_UP);
            for (int m = 0; m < 6; m++) {
                parties.schedule(id, java.time.YearMonth.from(d.contractDate()).plusMonths(m + 1), monthly);
            }
        });
    }

    private static ComplianceFacts facts(LocalDate established, LocalDate valid, BigDecimal amount, GuaranteeForm form,
            String bank, String account, boolean roster, String note) {
        return new ComplianceFacts(false, established, valid, amount, form, bank, account, roster, null, null, null, note);
    }

    private void record(long projectId, ComplianceKind kind, ComplianceFacts facts) {
        int version = compliance.item(projectId, kind).orElseThrow().version();
        compliance.record(projectId, kind, version, facts);
    }

    /** The town (乡镇街道) a project's address names, or the city itself for works spanning several. */
    private String town(String address) {
        return jdbc.sql("""
                SELECT code FROM region WHERE parent_code = '430981' AND strpos(:address, name) > 0
                 ORDER BY strpos(:address, name) LIMIT 1
                """).param("address", address).query(String.class).optional().orElse("430981");
    }

    private long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    private long employer(String name) {
        return jdbc.sql("SELECT id FROM published_employer WHERE name = :n").param("n", name).query(Long.class).single();
    }
}
