package org.wageguard.activity.internal;

import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.activity.Activities;
import org.wageguard.activity.Activities.Kind;

/** The seed's meetings, training and publicity of the first half of 2021, word for word where it gives them. */
@Component
@Profile("demo")
@Order(90)
class DemoActivityData implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Activities activities;

    DemoActivityData(JdbcClient jdbc, Activities activities) {
        this.jdbc = jdbc;
        this.activities = activities;
    }

    private long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM activity").query(Long.class).single() > 0) {
            return;
        }
        long office = department("沅江市治欠工作领导小组办公室");
        long inspection = department("沅江市劳动保障监察局");
        long housing = department("沅江市住房和城乡建设局");
        long group = department("沅江市根治拖欠农民工工资工作领导小组");
        long deployment = record(Kind.DEPLOYMENT_MEETING, LocalDate.of(2021, 1, 7), "春节维稳工作部署会议", office, null,
                "领导小组各成员单位", 28, 0, 0, null, "部署春节前根治欠薪维稳工作，从相关职能部门抽调人员成立治欠工作专班");
        activities.decide(deployment, "成立根治拖欠农民工工资工作专班", office);
        long exchange = record(Kind.EXCHANGE_MEETING, LocalDate.of(2021, 1, 8), "治欠工作专班交流会", office, null,
                "工作专班成员", 12, 0, 0, null, "交流辖区内在建工程和高新区重点行业企业欠薪隐患及全面排查情况");
        activities.decide(exchange, "春节前10天由治欠工作专班集中接访、集中及时处置投诉案件", inspection);
        long study = record(Kind.TRAINING, LocalDate.of(2021, 4, 26), "在建工程项目保障农民工工资支付学习交流会", inspection, "各行业主管单位",
                "企业负责人、项目管理人员和劳资专管员", 35, 0, 0, "视频教学",
                "从农民工保证金、实名制管理、工资分账制管理、银行代发制管理以及违反《条例》应承担的法律责任五个方面深度解读《条例》");
        record(Kind.LEGAL_AWARENESS, LocalDate.of(2021, 5, 17), "《保障农民工工资支付条例》实施一周年宣传普法活动", inspection,
                "在建工程行业主管部门、沅江高新区", "用人单位和劳动者", 0, 3000, 800,
                "重要媒体和新闻网站、行业主管部门电子显示屏、市内出租车电子显示屏",
                "面对面发放宣传册1000余份；深入企业、项目和园区送政策上门，发放宣传资料2000余份；接受劳动者咨询800余次");
        record(Kind.TRAINING, LocalDate.of(2021, 6, 2), "劳动保障监察“两网化”系统操作集中培训班", inspection, null,
                "网格员、基层劳动保障人员", 60, 0, 0, null,
                "业务专网畅通、操作系统进入流程、用人单位信息和案件信息采集更新、“两网化”基层维权平台实操，宣讲劳动法律法规");
        long national = record(Kind.INSPECTION_PREP_MEETING, LocalDate.of(2021, 6, 25), "迎国检工作部署会", group, null,
                "各成员单位、建设工程领域重点单位相关负责人", 42, 0, 0, null,
                "严格落实行业主管责任，规范化、高标准迎检，并对各工程项目进行专题培训");
        activities.decide(national, "国检前对所有在建工程项目进行有针对性的“再排查”“回头看”，保证“一金三制”落实到位", housing);
        activities.decide(national, "对各欠薪线索进行再核查和持续跟踪，确保工资支付到位", inspection);
        // "对各工程项目进行了专题培训": the study session trained the projects under way
        jdbc.sql("SELECT code FROM published_project WHERE code LIKE 'YJ-2021-%' ORDER BY code").query(String.class).list()
                .forEach(code -> activities.addTarget(study, "430981", code, null));
        // Ongoing publicity (the reach figures are invented for the demo)
        ongoing(record(Kind.PUBLICITY, LocalDate.of(2021, 5, 17), "市内出租车电子显示屏轮流滚动宣传《条例》标语", inspection,
                null, "市民和农民工", 0, 0, 0, "市内出租车电子显示屏", null), LocalDate.of(2021, 6, 30),
                Activities.Channel.TAXI_SCREEN, 150000);
        ongoing(record(Kind.PUBLICITY, LocalDate.of(2021, 5, 17), "各行业主管部门电子显示屏轮流滚动宣传标语", inspection,
                "各行业主管部门", "办事群众", 0, 0, 0, "行业主管部门电子显示屏", null), LocalDate.of(2021, 6, 30),
                Activities.Channel.DEPARTMENT_SCREEN, 20000);
        ongoing(record(Kind.PUBLICITY, LocalDate.of(2021, 3, 1), "“两微一端”根治欠薪宣传专栏", inspection, null,
                "社会公众", 0, 0, 0, "微信公众号、政务微博、新闻客户端", "定期推送《条例》解读和欠薪典型案例"),
                LocalDate.of(2021, 12, 31), Activities.Channel.NEW_MEDIA, 36000);
    }

    private void ongoing(long id, LocalDate endsOn, Activities.Channel channel, int reach) {
        activities.ongoing(id, endsOn, channel, reach);
    }

    private long record(Kind kind, LocalDate on, String title, long convenor, String organisers, String audience,
            int participants, int materials, int consultations, String media, String summary) {
        return activities.record(new Activities.Draft(kind, on, title, "430981", convenor, organisers, audience,
                participants, materials, consultations, media, summary), "system");
    }
}
