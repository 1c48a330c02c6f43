package org.wageguard.employer.internal;

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
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.CreditCode;
import org.wageguard.shared.MobilePhone;

/**
 * The employers of the seed's city, 沅江市: the owners and contractors of its projects under way, the labor firms,
 * the three labor-intensive enterprises of the high-tech zone, and the restaurant, hotel, venue and hospital the
 * seed says arrears are spreading to — with the arrears it names (蓉园房地产's 200万元 enforced through the court;
 * 信峰船舶, 光线农业 and 兴记煲仔饭's 26万余元 recovered after their heads' arrest). Credit codes carry valid GB 32100
 * check characters (checked again by {@link CreditCode#of} on the way in). Only in the demo profile, only once.
 */
@Component
@Profile("demo")
@Order(20)
class DemoEmployerData implements ApplicationRunner {

    static final String CONTRACTOR_CODE = "91430981MA4L12340E";

    private static final Logger log = LoggerFactory.getLogger(DemoEmployerData.class);

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;

    DemoEmployerData(JdbcClient jdbc, SensitiveData sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        bankBranches();
        if (jdbc.sql("SELECT count(*) FROM employer WHERE credit_code = :c").param("c", CONTRACTOR_CODE)
                .query(Integer.class).single() > 0) {
            return;
        }
        String zhujian = "沅江市住房和城乡建设局", jiaotong = "沅江市交通运输局", shuili = "沅江市水利局",
                gaoxin = "沅江高新技术产业开发区管理委员会", weijian = "沅江市卫生健康局", shangwu = "沅江市商务局",
                wenlv = "沅江市文化旅游广电体育局";
        EmployerType owner = EmployerType.OWNER, gc = EmployerType.GENERAL_CONTRACTOR;
        OperatingStatus normal = OperatingStatus.NORMAL;

        // Owners (建设单位)
        e("沅江市城市建设投资开发有限公司", "914309811870214560", owner, "72", "430981001", zhujian,
                "沅江市琼湖街道庆云山路168号", "熊志刚", "邓海燕", "13907370101", false, null, normal, 86, "2018-03-01");
        e("沅江市交通建设投资有限公司", "914309813256781239", owner, "72", "430981001", jiaotong,
                "沅江市琼湖街道桔城大道299号", "王建军", "刘芳", "13907370102", false, null, normal, 54, "2018-03-01");
        e("沅江市水利建设投资有限公司", "91430981MA4L0N2K5G", owner, "72", "430981002", shuili,
                "沅江市胭脂湖街道石矶湖路36号", "谭国庆", "周丽君", "13907370103", false, null, normal, 41, "2018-06-15");
        e("沅江市人民医院", "12430981445301258M", owner, "84", "430981001", zhujian,
                "沅江市琼湖街道白沙大道98号", "郭卫平", "基建科 汤红梅", "13907370104", false, null, normal, 1260, "2019-04-10");
        e("沅江市教育局", "11430981006120347X", owner, "92", "430981001", zhujian,
                "沅江市琼湖街道三眼塘路12号", "李湘平", "计财股 胡静", "13907370105", false, null, normal, 62, "2019-04-10");
        e("沅江高新区开发建设投资有限公司", "91430981MA4P8Q7R1T", owner, "72", "430981002", gaoxin,
                "沅江高新技术产业开发区管委会大楼5楼", "蔡振华", "吴俊", "13907370106", false, null, normal, 38, "2019-09-01");
        e("湖南蓉园房地产开发有限公司", "91430981661693528C", owner, "70", "430981001", zhujian,
                "沅江市琼湖街道蓉园路1号", "颜国富", "张红", "13907370107", false, null, OperatingStatus.HALF_RUNNING, 25, "2018-03-01");
        e("沅江市锦绣华府置业有限公司", "91430981MA4M3B6C21", owner, "70", "430981002", zhujian,
                "沅江市胭脂湖街道银鱼路66号", "符志勇", "肖婷", "13907370108", false, null, normal, 33, "2020-05-20");

        // General contractors (施工总承包单位); 湖南沅江建工集团 is the demo account zongbao's company.
        e("湖南沅江建工集团有限公司", CONTRACTOR_CODE, gc, "47", "430981001", zhujian,
                "沅江市琼湖街道桔城大道88号", "罗建军", "陈小兵", "15807371008", false, null, normal, 320, "2018-03-01");
        e("湖南省第六工程有限公司", "914300001837601554", gc, "47", "430981001", zhujian,
                "沅江市琼湖街道金岛路与白沙大道交汇处项目部（总部：长沙市天心区）", "易振兴", "曾德明", "13807370110", false, null,
                normal, 2150, "2019-07-01");
        e("益阳路桥建设有限公司", "91430900MA4L5T8W3Y", gc, "48", "430981100", jiaotong,
                "沅江市南大膳镇S202改建工程项目部（总部：益阳市赫山区）", "夏立群", "文斌", "13807370111", false, null, normal, 460,
                "2018-09-01");
        e("湖南洞庭水利水电工程有限公司", "914309007072218464", gc, "48", "430981106", shuili,
                "沅江市南嘴镇南洞庭湖堤防加固工程项目部", "钟国华", "黎明", "13807370112", false, null, normal, 380, "2018-09-01");
        e("沅江市第二建筑工程有限公司", "91430981187034521G", gc, "47", "430981002", zhujian,
                "沅江市胭脂湖街道建设路128号", "杨春生", "符小平", "13807370113", false, null, normal, 210, "2018-03-01");
        e("湖南华盛建设工程有限公司", "91430981MA4QA1B23U", gc, "47", "430981001", zhujian,
                "沅江市琼湖街道育才路45号", "龚华盛", "宋志强", "13807370114", false, null, normal, 145, "2020-11-02");

        // Subcontractors and labor firms (专业/劳务分包)
        e("沅江市顺达建筑劳务有限公司", "91430981MA4R2D5E81", EmployerType.LABOR_SERVICE, "50", "430981102", zhujian,
                "沅江市草尾镇草尾大道18号", "周顺达", "周小林", "15907370115", true, null, normal, 180, "2021-01-15");
        e("益阳市鑫旺建筑劳务有限公司", "91430903MA4T6G9H1D", EmployerType.LABOR_SERVICE, "50", "430981001", zhujian,
                "沅江市琼湖街道人民路项目部（总部：益阳市赫山区）", "汪鑫", "汪小旺", "15907370116", true, null, normal, 240,
                "2021-03-01");
        e("湖南兴湘钢结构工程有限公司", "91430981MA4N7K3L60", EmployerType.SUBCONTRACTOR, "49", "430981002", zhujian,
                "沅江高新技术产业开发区兴业路9号", "刘兴湘", "彭军", "15907370117", false, null, normal, 95, "2019-12-01");

        // Labor-intensive enterprises of the high-tech zone (the seed's three inspected ones)
        e("沅江市信峰船舶制造有限公司", "91430981MA4L9X2Y41", EmployerType.MANUFACTURING, "37", "430981002", gaoxin,
                "沅江高新技术产业开发区船舶产业园2号", "何峰", "何小军", "15807370118", true, null, OperatingStatus.HALTED, 160,
                "2018-05-01");
        e("湖南光线农业有限公司", "91430981MA4PBC1D7F", EmployerType.MANUFACTURING, "13", "430981002", gaoxin,
                "沅江高新技术产业开发区食品工业园8号", "彭鹏程", "曾宇", "15807370119", true, null,
                OperatingStatus.HALF_RUNNING, 120, "2019-08-01");
        e("沅江市华鑫纺织服饰有限公司", "91430981MA4QJ8K2MH", EmployerType.MANUFACTURING, "18", "430981002", gaoxin,
                "沅江高新技术产业开发区纺织产业园16号", "黄鑫", "李秀兰", "15807370120", true, null, normal, 430, "2020-06-01");

        // Non-construction employers the seed names (arrears spreading to catering, hotels, venues, hospitals)
        e("沅江市兴记煲仔饭店", "92430981MA4L3W7X5N", EmployerType.CATERING, "62", "430981001", shangwu,
                "沅江市琼湖街道交通路52号", "曾婧", "钟斌", "18907370121", false, "430981001-03", OperatingStatus.HALF_RUNNING, 14,
                "2019-03-01");
        e("沅江市洞庭大酒店", "91430981MA4M8N2P9H", EmployerType.HOTEL, "61", "430981001", wenlv,
                "沅江市琼湖街道五一西路8号", "孙洞庭", "何丽", "18907370122", false, "430981001-03", normal, 96, "2019-03-01");
        e("沅江市金色年华娱乐会所", "91430981MA4R5T1U3D", EmployerType.ENTERTAINMENT, "90", "430981001", wenlv,
                "沅江市琼湖街道商业步行街3栋2楼", "任华", "邓超", "18907370123", false, "430981001-03", OperatingStatus.HALF_RUNNING,
                42, "2021-02-01");
        e("沅江康复医院", "52430981MA4L6H3J8R", EmployerType.HOSPITAL, "84", "430981002", weijian,
                "沅江市胭脂湖街道康复路20号", "石康", "卢敏", "18907370124", false, null, normal, 135, "2019-10-01");

        // 重点企业: the 高新区's key-industry enterprises the task force screened before the festival (seed: "高新区重点行业
        // 企业欠薪隐患及全面排查") and the construction field's key units at the assessment meeting ("建设工程领域重点单位")
        jdbc.sql("UPDATE employer SET key_enterprise = TRUE WHERE credit_code IN (:codes)").param("codes", List.of(
                "91430981MA4L9X2Y41", "91430981MA4PBC1D7F", "91430981MA4QJ8K2MH", CONTRACTOR_CODE, "914300001837601554",
                "91430900MA4L5T8W3Y")).update();

        // Arrears the seed names, and what the officers listed
        arrears("91430981661693528C", "2021-03-18", "2000000.00", 156, "沅人社监察〔2021〕12号",
                "蓉园房地产开发项目拖欠农民工工资，劳动监察部门与法院协调，依法申请强制执行，为农民工追回欠薪200万元。");
        arrears("91430981MA4L9X2Y41", "2021-05-20", "138000.00", 42, "沅人社监察〔2021〕21号",
                "停产后拖欠职工工资，经责令限期支付仍不支付，移送公安机关，法定代表人何峰被依法逮捕，欠薪已追回。");
        arrears("91430981MA4PBC1D7F", "2021-05-26", "96000.00", 31, "沅人社监察〔2021〕23号",
                "半停产期间拖欠职工工资，法定代表人彭鹏程及相关人员曾宇被依法逮捕，欠薪已追回。");
        arrears("92430981MA4L3W7X5N", "2021-06-08", "28000.00", 9, "沅人社监察〔2021〕26号",
                "拖欠服务员、厨工工资，法定代表人曾婧及相关人员钟斌被依法逮捕，欠薪已追回。");
        arrears("91430981MA4QA1B23U", "2025-12-20", "356800.00", 23, "沅人社监察〔2025〕48号",
                "育才路安置房项目春节前拖欠班组农民工工资，经督办已全额支付。");
        listing("91430981MA4L9X2Y41", CreditListKind.BLACKLIST, "2021-07-01", "2024-07-01",
                "拒不支付劳动报酬，移送公安机关，列入拖欠农民工工资失信联合惩戒对象名单。");
        listing("91430981661693528C", CreditListKind.KEY_ATTENTION, "2021-04-15", "2022-04-15",
                "拖欠农民工工资经法院强制执行，列入重点关注名单一年。");
        listing("91430981MA4QA1B23U", CreditListKind.KEY_ATTENTION, "2026-01-10", "2027-01-10",
                "近两年内发生拖欠农民工工资，列入重点关注名单一年。");
        // Decided and published by the procedure: on the portal's credit page (/portal/credit) during its term.
        jdbc.sql("""
                UPDATE employer_credit_listing SET decision_number = '人社信列〔2026〕3号', published_on = DATE '2026-01-15'
                 WHERE employer_id = (SELECT id FROM employer WHERE credit_code = '91430981MA4QA1B23U')
                   AND listed_on = DATE '2026-01-10'
                """).update();
        log.info("已载入演示数据：沅江市用人单位 24 家（含欠薪记录与信用名单）");
    }

    /**
     * The bank branches holding the demo projects' special wage accounts, each an employer record by its credit code:
     * the 农业银行 branch is the demo bank account {@code yinhang}'s organisation. Added also to a demo database loaded
     * before special accounts were bound to branches (where a migration may have added the first already).
     */
    private void bankBranches() {
        bankBranch("中国农业银行股份有限公司沅江市支行", ABC_BRANCH_CODE, "沅江市琼湖街道桔城路18号", "15807370131");
        bankBranch("中国建设银行股份有限公司沅江支行", CCB_BRANCH_CODE, "沅江市琼湖街道五一东路66号", "15807370132");
    }

    /** The demo bank account {@code yinhang}'s branch, and the other bank of the demo projects' special accounts. */
    private static final String ABC_BRANCH_CODE = "91430981707411234J";
    private static final String CCB_BRANCH_CODE = "91430981707412345K";

    private void bankBranch(String name, String code, String address, String phone) {
        if (jdbc.sql("SELECT count(*) FROM employer WHERE credit_code = :c").param("c", code).query(Integer.class)
                .single() > 0) {
            return;
        }
        e(name, code, EmployerType.OTHER, "66", "430981001", "沅江市治欠工作领导小组办公室", address, "杨建农", "对公业务部",
                phone, false, null, OperatingStatus.NORMAL, 40, "2021-01-01");
    }

    private void e(String name, String code, EmployerType type, String industry, String region, String department,
            String address, String legal, String contact, String phone, boolean laborIntensive, String grid,
            OperatingStatus status, int employees, String registeredOn) {
        MobilePhone mobile = MobilePhone.of(phone);
        jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, address, legal_representative,
                    contact_person, contact_phone_cipher, contact_phone_hash, type, labor_intensive,
                    supervising_department_id, grid_code, operating_status, employee_count, registered_on)
                VALUES (:name, :code, :industry, :region, :address, :legal, :contact, :cipher, :hash, :type,
                    :laborIntensive, (SELECT id FROM department WHERE name = :dept AND region_code = '430981'), :grid,
                    :status, :employees, :registeredOn)
                """).param("name", name).param("code", CreditCode.of(code).value()).param("industry", industry)
                .param("region", region).param("address", address).param("legal", legal).param("contact", contact)
                .param("cipher", sensitive.encrypt(mobile.value())).param("hash", sensitive.index(mobile.value()))
                .param("type", type.name()).param("laborIntensive", laborIntensive).param("dept", department)
                .param("grid", grid).param("status", status.name()).param("employees", employees)
                .param("registeredOn", LocalDate.parse(registeredOn)).update();
    }

    private void arrears(String code, String confirmedOn, String amount, int workers, String caseRef, String description) {
        jdbc.sql("""
                INSERT INTO employer_arrears_record (employer_id, confirmed_on, amount, workers, case_reference,
                    description, recorded_by)
                VALUES ((SELECT id FROM employer WHERE credit_code = :code), :on, :amount, :workers, :caseRef,
                    :description, (SELECT id FROM officer_directory WHERE username = 'jiancha'))
                """).param("code", code).param("on", LocalDate.parse(confirmedOn)).param("amount", new BigDecimal(amount))
                .param("workers", workers).param("caseRef", caseRef).param("description", description).update();
    }

    private void listing(String code, CreditListKind kind, String listedOn, String expiresOn, String grounds) {
        jdbc.sql("""
                INSERT INTO employer_credit_listing (employer_id, kind, listed_on, expires_on, grounds, recorded_by)
                VALUES ((SELECT id FROM employer WHERE credit_code = :code), :kind, :listedOn, :expiresOn, :grounds,
                    (SELECT id FROM officer_directory WHERE username = 'jiancha'))
                """).param("code", code).param("kind", kind.name()).param("listedOn", LocalDate.parse(listedOn))
                .param("expiresOn", LocalDate.parse(expiresOn)).param("grounds", grounds).update();
    }
}
