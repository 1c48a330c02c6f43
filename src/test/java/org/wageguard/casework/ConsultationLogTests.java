package org.wageguard.casework;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, the seed's "接受劳动者咨询800余次": a consultation on the hotline or at the counter that is not a complaint
 * is logged with its question and answer and counted apart — no case is registered for it.
 */
@DemoApplicationTest
class ConsultationLogTests {

    @Autowired Consultations consultations;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long cases() {
        return jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
    }

    @Test
    void aConsultationIsLoggedAnsweredAndCountedApartFromComplaints() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate day = LocalDate.now().minusDays(2);
        Consultations.Count before = consultations.count("430981", day, day);
        long casesBefore = cases();

        consultations.record(jiancha, new Consultations.Entry(Consultations.Way.HOTLINE, day, "刘大勇", "139 0737 2001",
                Consultations.Topic.PROCEDURE, "工程完工半年，包工头说等结算，可以去哪里投诉？", "告知可到人社局一厅式窗口或拨打 12333 投诉，带好考勤和欠条", null));
        consultations.record(jiancha, new Consultations.Entry(Consultations.Way.WALK_IN, day, null, null,
                Consultations.Topic.WAGE_STANDARD, "加班工资怎么算？", "按《工资支付暂行规定》第十三条解释", "沅江市某物业公司"));

        Consultations.Count after = consultations.count("430981", day, day);
        assertThat(after.total() - before.total()).isEqualTo(2);
        assertThat(after.hotline() - before.hotline()).isEqualTo(1);
        assertThat(after.walkIn() - before.walkIn()).isEqualTo(1);
        assertThat(cases()).as("a consultation is not a case").isEqualTo(casesBefore);
        assertThat(consultations.list("430981", day, day)).filteredOn(c -> "刘大勇".equals(c.person())).singleElement()
                .satisfies(c -> {
                    assertThat(c.phoneMasked()).isEqualTo("139****2001");
                    assertThat(c.channel()).isEqualTo("HOTLINE");
                    assertThat(c.recordedBy()).isEqualTo("jiancha");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM consultation WHERE phone LIKE '%2001%'").query(Long.class).single())
                .as("the phone is stored encrypted").isZero();
        // Another county's office sees none of them.
        assertThat(consultations.count("430903", day, day).total()).isZero();
    }

    @Test
    void aConsultationNeedsItsQuestionAndAnswerADayNotAheadAndAnOfficerWhoLogsThem() {
        OfficerPrincipal jiancha = logins.principal("jiancha");
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> consultations.record(jiancha, new Consultations.Entry(Consultations.Way.HOTLINE, today, null, null,
                Consultations.Topic.OTHER, "问", " ", null))).isInstanceOf(CaseRuleException.class).hasMessage("请填写答复内容。");
        assertThatThrownBy(() -> consultations.record(jiancha, new Consultations.Entry(Consultations.Way.HOTLINE, today.plusDays(1),
                null, null, Consultations.Topic.OTHER, "问", "答", null))).isInstanceOf(CaseRuleException.class)
                .hasMessageContaining("咨询日期应在");
        assertThatThrownBy(() -> consultations.record(jiancha, new Consultations.Entry(null, today, null, null, null, "问", "答", null)))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("请选择咨询方式");
        assertThatThrownBy(() -> consultations.record(jiancha, new Consultations.Entry(Consultations.Way.HOTLINE, today, null, "12345",
                Consultations.Topic.OTHER, "问", "答", null))).isInstanceOf(CaseRuleException.class).hasMessageStartingWith("联系电话：");
        assertThatThrownBy(() -> consultations.record(logins.principal("zhujian"), new Consultations.Entry(Consultations.Way.HOTLINE,
                today, null, null, Consultations.Topic.OTHER, "问", "答", null))).isInstanceOf(AccessDeniedException.class);
    }
}
