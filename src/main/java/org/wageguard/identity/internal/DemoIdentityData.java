package org.wageguard.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.MobilePhone;

/**
 * The seed's city, 沅江市 (430981, 益阳市, Hunan): its leadership group's member units as departments, and a
 * demo account for every role, all with the password {@value #PASSWORD}. Only in the demo profile, and only
 * once (an existing {@code admin} means the demo is already there).
 */
@Component
@Profile("demo")
@Order(10)
class DemoIdentityData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2021";
    static final String CITY = "430981";

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityData.class);

    private final JdbcClient jdbc;
    private final OfficerAccounts accounts;

    DemoIdentityData(JdbcClient jdbc, OfficerAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM officer WHERE username = 'admin'").query(Integer.class).single() > 0) {
            return;
        }
        long group = department(null, "沅江市根治拖欠农民工工资工作领导小组", "OTHER", 0);
        Map<String, Long> d = new LinkedHashMap<>();
        d.put("治欠办", department(group, "沅江市治欠工作领导小组办公室", "LEADERSHIP_OFFICE", 1));
        long hrss = department(group, "沅江市人力资源和社会保障局", "MEMBER_UNIT", 2);
        d.put("人社局", hrss);
        d.put("劳动监察局", department(hrss, "沅江市劳动保障监察局", "LABOR_INSPECTION", 3));
        d.put("住建局", department(group, "沅江市住房和城乡建设局", "INDUSTRY", 4));
        d.put("交通运输局", department(group, "沅江市交通运输局", "INDUSTRY", 5));
        d.put("水利局", department(group, "沅江市水利局", "INDUSTRY", 6));
        department(group, "沅江市发展和改革局", "MEMBER_UNIT", 7);
        department(group, "沅江市财政局", "MEMBER_UNIT", 8);
        d.put("工信局", department(group, "沅江市工业和信息化局", "INDUSTRY", 9));
        department(group, "沅江市卫生健康局", "INDUSTRY", 10);
        department(group, "沅江市商务局", "INDUSTRY", 11);
        department(group, "沅江市文化旅游广电体育局", "INDUSTRY", 12);
        department(group, "沅江市司法局", "MEMBER_UNIT", 13);
        department(group, "沅江市信访局", "MEMBER_UNIT", 14);
        d.put("高新区", department(group, "沅江高新技术产业开发区管理委员会", "INDUSTRY", 15));
        department(group, "沅江市公安局", "LIAISON", 16);
        department(group, "沅江市人民检察院", "LIAISON", 17);
        department(group, "沅江市人民法院", "LIAISON", 18);

        officer("admin", "刘建华", d.get("人社局"), null, null, null, "信息中心主任", "13807371001", null,
                "SYSTEM_ADMIN");
        officer("anquan", "周敏", d.get("人社局"), null, null, null, "安全保密管理员", "13807371002", null,
                "SECURITY_ADMIN");
        officer("shenji", "胡志强", d.get("人社局"), null, null, null, "安全审计员", "13807371003", null,
                "AUDIT_ADMIN");
        officer("zhiqianban", "曹立新", d.get("治欠办"), null, null, null, "治欠办主任", "13907371004",
                "43098119750823561X", "LEADERSHIP_OFFICE");
        officer("jiancha", "黄国平", d.get("劳动监察局"), null, null, null, "劳动保障监察员", "13907371005",
                "430981198005121236", "LABOR_INSPECTOR");
        // A second inspector: an investigation is made by two (《劳动保障监察条例》第十六条), both with accounts.
        officer("jiancha2", "李志明", d.get("劳动监察局"), null, null, null, "劳动保障监察员", "13907371015", null,
                "LABOR_INSPECTOR");
        // The heads who approve (《劳动保障监察条例》第十七条, 劳社部令第25号): filing and closing by the head of the labor
        // inspection body, the extension by the head of the labor security administrative department.
        officer("jianchazhang", "王建军", d.get("劳动监察局"), null, null, null, "劳动保障监察局局长", "13907371016", null,
                "INSPECTION_HEAD");
        officer("juzhang", "邓志华", d.get("人社局"), null, null, null, "人力资源和社会保障局局长", "13907371017", null,
                "BUREAU_HEAD");
        officer("zhujian", "李卫东", d.get("住建局"), null, null, null, "建筑市场监管股股长", "13707371006", null,
                "INDUSTRY_OFFICER");
        officer("jiaotong", "彭长青", d.get("交通运输局"), null, null, null, "工程建设科科长", "13707371007", null,
                "INDUSTRY_OFFICER");
        officer("zongbao", "陈小兵", null, "91430981MA4L12340E", "湖南沅江建工集团有限公司", null, "劳资专管员",
                "15807371008", null, "CONTRACTOR");
        officer("yinhang", "杨丽", null, "91430981707411234J", "中国农业银行股份有限公司沅江市支行", null,
                "对公业务经理", "15807371009", null, "BANK");
        officer("wangge", "谢春香", null, null, null, "430981001-03", "琼湖街道第三网格网格员", "18907371010",
                null, "GRID_WORKER");
        // The town labor-security stations (乡镇/街道劳动保障所, 两网化): one officer a station, scoped to the town.
        station("qionghusuo", "罗建新", "430981001", "琼湖街道劳动保障所所长", "13607371011");
        station("yanzhihusuo", "邹美华", "430981002", "胭脂湖街道劳动保障所所长", "13607371012");
        // The other grid workers: two or three a grid (the grids themselves are the employer module's demo data).
        String[][] gridWorkers = {
                {"qionghu1a", "刘桂兰", "430981001-01"}, {"qionghu1b", "陈志勇", "430981001-01"},
                {"qionghu2a", "张秀英", "430981001-02"}, {"qionghu2b", "王立军", "430981001-02"},
                {"qionghu3b", "赵红梅", "430981001-03"},
                {"qionghu4a", "李国强", "430981001-04"}, {"qionghu4b", "周海燕", "430981001-04"},
                {"qionghu4c", "吴建平", "430981001-04"},
                {"yanzhihu1a", "郑丽华", "430981002-01"}, {"yanzhihu1b", "孙德胜", "430981002-01"},
                {"yanzhihu2a", "钱小梅", "430981002-02"}, {"yanzhihu2b", "冯永红", "430981002-02"},
                {"nandashan1a", "蒋春生", "430981100-01"}, {"nandashan1b", "沈桂香", "430981100-01"},
                {"caowei1a", "韩志明", "430981102-01"}, {"caowei1b", "杨秋菊", "430981102-01"},
                {"nanzui1a", "朱国华", "430981106-01"}, {"nanzui1b", "秦美玲", "430981106-01"}};
        for (int i = 0; i < gridWorkers.length; i++) {
            officer(gridWorkers[i][0], gridWorkers[i][1], null, null, null, gridWorkers[i][2], "网格员",
                    String.format("189073720%02d", i + 1), null, "GRID_WORKER");
        }
        log.info("已载入演示数据：沅江市治欠工作领导小组成员单位、12 个演示账号、2 个劳动保障所账号与 {} 个网格员账号（密码 {}）",
                gridWorkers.length, PASSWORD);
    }

    private long department(Long parent, String name, String kind, int sort) {
        return jdbc.sql("""
                INSERT INTO department (parent_id, region_code, name, kind, sort_order)
                VALUES (:parent, :region, :name, :kind, :sort) RETURNING id
                """).param("parent", parent).param("region", CITY).param("name", name).param("kind", kind)
                .param("sort", sort).query(Long.class).single();
    }

    private void station(String username, String name, String town, String title, String mobile) {
        accounts.create(new OfficerAccounts.OfficerDraft(username, name, town, null, null, null, null, title,
                MobilePhone.of(mobile), null), PASSWORD, Set.of("STATION_OFFICER"));
    }

    private void officer(String username, String name, Long department, String orgCode, String orgName, String grid,
            String title, String mobile, String idNumber, String role) {
        String region = grid == null ? CITY : grid.substring(0, 9);
        accounts.create(new OfficerAccounts.OfficerDraft(username, name, region, department, orgCode, orgName, grid,
                title, MobilePhone.of(mobile), idNumber == null ? null : IdNumber.of(idNumber)), PASSWORD, Set.of(role));
    }
}
