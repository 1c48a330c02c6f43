package org.wageguard.leadership.internal;

import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.leadership.LeadershipGroup;
import org.wageguard.leadership.LeadershipGroup.Position;

/**
 * 沅江市根治拖欠农民工工资工作领导小组: its members and the member units' duties as Decree 724 Art. 4–10 distribute
 * them. The document number and the names are invented for the demo.
 */
@Component
@Profile("demo")
@Order(12)
class DemoLeadershipData implements ApplicationRunner {

    static final String CITY = "430981";
    static final String DECREE = "《保障农民工工资支付条例》";

    private final JdbcClient jdbc;
    private final LeadershipGroup group;

    DemoLeadershipData(JdbcClient jdbc, LeadershipGroup group) {
        this.jdbc = jdbc;
        this.group = group;
    }

    private long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM duty_document").query(Long.class).single() > 0
                || jdbc.sql("SELECT count(*) FROM department WHERE name = '沅江市根治拖欠农民工工资工作领导小组'").query(Long.class).single() == 0) {
            return;
        }
        long doc = group.addDocument(CITY, "沅政办函〔2020〕36号", "关于调整沅江市根治拖欠农民工工资工作领导小组成员及职责分工的通知",
                LocalDate.of(2020, 5, 6), "沅江市人民政府办公室");
        long leadership = department("沅江市根治拖欠农民工工资工作领导小组");
        long office = department("沅江市治欠工作领导小组办公室");
        long hrss = department("沅江市人力资源和社会保障局");
        long inspection = department("沅江市劳动保障监察局");
        long housing = department("沅江市住房和城乡建设局");
        long transport = department("沅江市交通运输局");
        long water = department("沅江市水利局");
        long reform = department("沅江市发展和改革局");
        long finance = department("沅江市财政局");
        long police = department("沅江市公安局");
        long court = department("沅江市人民法院");
        long justice = department("沅江市司法局");
        long zone = department("沅江高新技术产业开发区管理委员会");

        group.addMember(CITY, Position.LEADER, "王志军", "市人民政府副市长", leadership, doc, 1);
        group.addMember(CITY, Position.DEPUTY, "刘文斌", "市人民政府办公室副主任", leadership, doc, 2);
        group.addMember(CITY, Position.DEPUTY, "赵建国", "市人力资源和社会保障局局长", hrss, doc, 3);
        group.addMember(CITY, Position.DEPUTY, "孙立华", "市住房和城乡建设局局长", housing, doc, 4);
        group.addMember(CITY, Position.MEMBER, "曹立新", "市治欠办主任（市人社局副局长）", office, doc, 5);
        group.addMember(CITY, Position.MEMBER, "何振宇", "市劳动保障监察局局长", inspection, doc, 6);
        group.addMember(CITY, Position.MEMBER, "钱学军", "市交通运输局副局长", transport, doc, 7);
        group.addMember(CITY, Position.MEMBER, "邓春明", "市水利局副局长", water, doc, 8);
        group.addMember(CITY, Position.MEMBER, "罗国庆", "市发展和改革局副局长", reform, doc, 9);
        group.addMember(CITY, Position.MEMBER, "胡海涛", "市财政局副局长", finance, doc, 10);
        group.addMember(CITY, Position.MEMBER, "易志刚", "市公安局副局长", police, doc, 11);
        group.addMember(CITY, Position.MEMBER, "夏红英", "市人民法院副院长", court, doc, 12);
        group.addMember(CITY, Position.MEMBER, "龚德明", "市司法局副局长", justice, doc, 13);
        group.addMember(CITY, Position.MEMBER, "蔡文杰", "沅江高新区管委会副主任", zone, doc, 14);

        group.addDuty(office, doc, DECREE + "第四条", "承担领导小组日常工作，统筹协调各成员单位，对欠薪案件和线索交办、督办，"
                + "组织考核和迎检工作", 1);
        group.addDuty(hrss, doc, DECREE + "第七条", "负责保障农民工工资支付工作的组织协调、管理指导和农民工工资支付情况的监督检查", 1);
        group.addDuty(inspection, doc, DECREE + "第七条", "查处拖欠农民工工资案件，受理投诉举报，责令限期支付，依法移送涉嫌拒不支付劳动报酬犯罪案件", 1);
        String industry = "按照职责履行行业监管责任，督办因违法发包、转包、违法分包、挂靠、拖欠工程款等导致的拖欠农民工工资案件";
        group.addDuty(housing, doc, DECREE + "第八条", "房屋建筑和市政基础设施工程领域" + industry, 1);
        group.addDuty(housing, doc, DECREE + "第二十八条、第三十四条", "督促在建工程项目落实实名制管理、维权信息告示牌等制度", 2);
        group.addDuty(transport, doc, DECREE + "第八条", "交通运输工程建设领域" + industry, 1);
        group.addDuty(water, doc, DECREE + "第八条", "水利工程建设领域" + industry, 1);
        group.addDuty(zone, doc, DECREE + "第四条", "负责园区内在建工程项目和企业欠薪隐患排查，配合查处园区欠薪案件", 1);
        group.addDuty(reform, doc, DECREE + "第九条", "负责政府投资项目的审批管理，依法审查资金来源和筹措方式，按规定及时安排政府投资；"
                + "加强社会信用体系建设，对失信联合惩戒对象依法依规予以限制和惩戒", 1);
        group.addDuty(finance, doc, DECREE + "第九条", "负责政府投资资金的预算管理，根据经批准的预算按规定及时足额拨付政府投资资金", 1);
        group.addDuty(police, doc, DECREE + "第九条", "及时受理、侦办涉嫌拒不支付劳动报酬刑事案件，依法处置因农民工工资拖欠引发的社会治安案件", 1);
        group.addDuty(justice, doc, DECREE + "第九条", "按照职责做好与保障农民工工资支付相关的法律援助和人民调解工作", 1);
        group.addDuty(court, doc, DECREE + "第四十二条", "依法受理拖欠农民工工资案件，对人力资源社会保障行政部门申请强制执行的决定依法审查执行", 1);
    }
}
