package org.wageguard.casework;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.OperationLog;

/**
 * The deadlines each channel gives, in working days: to accept (or refuse), to first contact the complainant,
 * and to finish a coordinated case. The leadership office sets them; a change applies to matters registered
 * (or coordinated) afterwards. The legal clock of a filed case (60 + 30 working days) is not configurable.
 */
@Service
public class CaseClocks {

    /** One channel's deadlines; {@code version} is the row's, for optimistic locking of the settings form. */
    public record Clock(Channel channel, int acceptDays, int firstContactDays, int coordinationDays, int version) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    CaseClocks(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    @Transactional(readOnly = true)
    public List<Clock> all() {
        return jdbc.sql("SELECT channel, accept_days, first_contact_days, coordination_days, version FROM case_clock")
                .query((rs, i) -> new Clock(Channel.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list().stream().sorted(java.util.Comparator.comparing(Clock::channel)).toList();
    }

    @Transactional(readOnly = true)
    public Clock of(Channel channel) {
        return all().stream().filter(c -> c.channel() == channel).findFirst()
                .orElse(new Clock(channel, CaseFile.ACCEPT_WORKING_DAYS, 1, CaseHandling.COORDINATION_WORKING_DAYS, 0));
    }

    /** Sets the deadlines of one channel; each must lie within the bounds the rules allow. */
    @Transactional
    public void set(Clock clock, String actor) {
        if (clock.acceptDays() < 1 || clock.acceptDays() > CaseFile.ACCEPT_WORKING_DAYS) {
            throw CaseRuleException.of("case.rule.case-clocks.accept", CaseFile.ACCEPT_WORKING_DAYS);
        }
        if (clock.firstContactDays() < 1 || clock.firstContactDays() > 30) {
            throw CaseRuleException.of("case.rule.case-clocks.1");
        }
        if (clock.coordinationDays() < 1 || clock.coordinationDays() > 60) {
            throw CaseRuleException.of("case.rule.case-clocks.2");
        }
        Versioned.update(jdbc, "case_clock", "accept_days = :a, first_contact_days = :f, coordination_days = :c")
                .param("a", clock.acceptDays()).param("f", clock.firstContactDays()).param("c", clock.coordinationDays())
                .key("channel").by(actor).row(clock.channel().name(), clock.version());
        operationLog.record("CASE_CLOCK_SET", "case_clock", clock.channel().name(), "设置" + CaseLabels.channel(clock.channel())
                + "时限：受理 " + clock.acceptDays() + "、首次联系 " + clock.firstContactDays() + "、协调处理 "
                + clock.coordinationDays() + " 个工作日");
    }
}
