package org.wageguard.portal.internal;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseKind;
import org.wageguard.portal.PortalSubmissions;

/** A few submissions from the workers' portal, so that intake shows them and their codes can be followed. */
@Component
@Profile("demo")
@Order(60)
class DemoPortalData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPortalData.class);
    private static final String DEMO_ADDRESS = "demo";

    private final JdbcClient jdbc;
    private final PortalSubmissions submissions;

    DemoPortalData(JdbcClient jdbc, PortalSubmissions submissions) {
        this.jdbc = jdbc;
        this.submissions = submissions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM portal_submission").query(Integer.class).single() > 0) {
            return;
        }
        List<PortalSubmissions.Submission> demo = List.of(
                new PortalSubmissions.Submission(CaseKind.COMPLAINT, "黄立新", "13973701101", "430981198203152217", false,
                        "沅江市顺达建筑劳务有限公司", "琼湖街道安置房", new BigDecimal("16800"), 2, "木工班组9月、10月工资未发"),
                new PortalSubmissions.Submission(CaseKind.REPORT, null, "13973701102", null, true,
                        "沅江市南大膳食店", null, new BigDecimal("9000"), 3, "餐馆三名帮工两个月工资被拖欠，老板称年底再结"),
                new PortalSubmissions.Submission(CaseKind.COMPLAINT, "陈桂英", "13973701103", "43098119750621462X", false,
                        "沅江市华鑫纺织服饰有限公司", null, new BigDecimal("7200"), 1, "服装厂计件工资少算两个月"));
        for (PortalSubmissions.Submission s : demo) {
            String code = submissions.submit(s, DEMO_ADDRESS);
            log.info("演示门户提交：查询码 {}，手机号 {}", code, s.phone());
        }
    }
}
