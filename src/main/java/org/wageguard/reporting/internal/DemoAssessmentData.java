package org.wageguard.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.reporting.Assessments;

/**
 * The 2021 assessment as the province might pass it down (the document number is invented for the demo), with the
 * county's self-score filled from the demo's own figures: a rate scores its share of the points, a count scores full
 * points when there is something to count; every point lost names its gap.
 */
@Component
@Profile("demo")
@Order(99)
class DemoAssessmentData implements ApplicationRunner {

    static final String CITY = "430981";

    private final JdbcClient jdbc;
    private final Assessments assessments;

    DemoAssessmentData(JdbcClient jdbc, Assessments assessments) {
        this.jdbc = jdbc;
        this.assessments = assessments;
    }

    /** category, content, criteria, points, evidence key, responsible department. */
    static final String[][] INDICATORS = {
            {"组织领导", "成立根治拖欠农民工工资工作领导小组，明确成员单位职责，定期召开会议研究部署", "未成立或职责不明确扣 5 分；全年未召开会议扣 5 分", "10", "meetings", "沅江市治欠工作领导小组办公室"},
            {"制度落实", "在建工程项目落实农民工实名制管理", "按落实率计分", "10", "compliance.REAL_NAME", "沅江市住房和城乡建设局"},
            {"制度落实", "在建工程项目开设农民工工资专用账户", "按落实率计分", "10", "compliance.SPECIAL_ACCOUNT", "沅江市住房和城乡建设局"},
            {"制度落实", "推行总包单位代发工资、银行代发", "按落实率计分", "10", "compliance.BANK_PAYROLL", "沅江市住房和城乡建设局"},
            {"制度落实", "按规定存储工资保证金", "按落实率计分", "10", "compliance.WAGE_DEPOSIT", "沅江市人力资源和社会保障局"},
            {"制度落实", "施工现场设置维权信息告示牌", "按落实率计分", "5", "compliance.NOTICE_BOARD", "沅江市住房和城乡建设局"},
            {"制度落实", "建设单位提供工程款支付担保", "按落实率计分", "5", "compliance.PAYMENT_GUARANTEE", "沅江市发展和改革局"},
            {"案件查处", "欠薪案件依法及时办结", "按结案率计分", "15", "closure", "沅江市劳动保障监察局"},
            {"线索办理", "全国根治欠薪线索反映平台线索按时办结、持续跟踪", "线索未办结或未跟踪的每条扣 1 分", "10", "clues", "沅江市劳动保障监察局"},
            {"打击恶意欠薪", "涉嫌拒不支付劳动报酬犯罪案件依法移送公安机关", "应移未移的每件扣 2 分", "5", "arrests", "沅江市公安局"},
            {"日常监管", "开展根治欠薪专项检查和“回头看”，检查在建工程项目和劳动密集型企业", "未开展专项检查扣 5 分", "5", "inspections", "沅江市劳动保障监察局"},
            {"宣传培训", "开展《保障农民工工资支付条例》宣传和业务培训", "未开展培训扣 3 分、未开展宣传扣 2 分", "5", "trainings", "沅江市人力资源和社会保障局"},
    };

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM assessment").query(Long.class).single() > 0
                || jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", CITY).query(Long.class).single() == 0) {
            return;
        }
        long id = assessments.create(CITY, 2021, "2021年度保障农民工工资支付工作考核细则", "湖南省根治拖欠农民工工资工作领导小组办公室",
                "湘治欠办〔2021〕12号", "system");
        int order = 10;
        for (String[] i : INDICATORS) {
            assessments.addIndicator(id, order, i[0], i[1], i[2], new BigDecimal(i[3]), i[4], "system");
            order += 10;
        }
        Map<String, Assessments.Evidence> evidence = assessments.evidence(CITY, 2021);
        for (Assessments.Indicator i : assessments.indicators(id)) {
            Assessments.Evidence e = evidence.get(i.evidenceKey());
            BigDecimal score;
            String gap = null;
            if (e.rate() != null) {
                // a rate scores its share of the points, to the half point below
                score = i.points().multiply(e.rate()).multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.FLOOR)
                        .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
                if (score.compareTo(i.points()) < 0) {
                    gap = e.label() + "为 " + e.value() + "，未全部落实";
                }
            } else if (e.value().startsWith("0 ")) {
                score = BigDecimal.ZERO;
                gap = e.label() + "：" + e.value();
            } else {
                score = i.points();
            }
            String department = INDICATORS[(i.sortOrder() / 10) - 1][5];
            Long responsible = jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", department)
                    .query(Long.class).optional().orElse(null);
            assessments.score(id, i.id(), i.version(), score, "系统统计：" + e.label() + " " + e.value(), gap,
                    gap == null ? null : "由责任单位督促逐项整改，国检前完成“再排查”“回头看”", responsible, "system");
        }
    }
}
