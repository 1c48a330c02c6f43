package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * The amount standard of the crime of refusing to pay labor remuneration (认定拒不支付劳动报酬罪数额标准) that Decree 45
 * Art. 5 (一) takes as its listing condition. The Supreme People's Court's interpretation 法释〔2013〕3号 Art. 3 sets the
 * ranges — one worker owed three months or more and 5,000 to 20,000 yuan, or ten or more workers owed together
 * 30,000 to 100,000 yuan — and each province fixes its figures within them (Art. 3 para. 2). A region takes its own
 * setting, its city's, then its province's; without one, the lower bounds of the ranges apply and say so.
 */
@Service
@Transactional(readOnly = true)
public class CreditAmountStandards {

    public static final int ONE_WORKER_MONTHS = 3;
    public static final int MANY_WORKERS = 10;
    static final BigDecimal PER_WORKER_MIN = new BigDecimal("5000");
    static final BigDecimal PER_WORKER_MAX = new BigDecimal("20000");
    static final BigDecimal TOTAL_MIN = new BigDecimal("30000");
    static final BigDecimal TOTAL_MAX = new BigDecimal("100000");

    /** The figures in force for a region and where they come from (the province's document, or the default). */
    public record Standard(String regionCode, BigDecimal perWorker, BigDecimal total, String source) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    CreditAmountStandards(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    public Standard of(String regionCode) {
        for (String code : RuleSettings.lineage(regionCode)) {
            List<Standard> found = jdbc.sql("""
                    SELECT region_code, per_worker, total, source FROM credit_amount_standard WHERE region_code = :r
                    """).param("r", code).query(Rows.of(Standard.class)).list();
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        return new Standard(null, PER_WORKER_MIN, TOTAL_MIN, Alerts.text("monitoring.credit.standard.default"));
    }

    /** The province's (or a city's) figures, within the ranges of 法释〔2013〕3号 Art. 3, with the document that set them. */
    @Transactional
    public void set(String regionCode, BigDecimal perWorker, BigDecimal total, String source, String actor) {
        if (perWorker == null || total == null || perWorker.compareTo(PER_WORKER_MIN) < 0
                || perWorker.compareTo(PER_WORKER_MAX) > 0 || total.compareTo(TOTAL_MIN) < 0
                || total.compareTo(TOTAL_MAX) > 0) {
            throw MonitoringRuleException.of("credit.standardRange");
        }
        if (source == null || source.isBlank()) {
            throw MonitoringRuleException.of("credit.standardSource");
        }
        jdbc.sql("""
                INSERT INTO credit_amount_standard (region_code, per_worker, total, source, updated_by)
                VALUES (:r, :p, :t, :s, :by)
                ON CONFLICT (region_code) DO UPDATE SET per_worker = EXCLUDED.per_worker, total = EXCLUDED.total,
                    source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()
                """).param("r", regionCode).param("p", perWorker).param("t", total).param("s", source.strip())
                .param("by", actor).update();
        operationLog.record("CREDIT_AMOUNT_STANDARD", "credit_amount_standard", null,
                "设定拒不支付劳动报酬罪数额标准（" + regionCode + "）：一名劳动者 " + perWorker.toPlainString() + " 元，十名以上累计 "
                        + total.toPlainString() + " 元，依据 " + source.strip());
    }
}
