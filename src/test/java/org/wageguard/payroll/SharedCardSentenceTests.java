package org.wageguard.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wageguard.payroll.reconciliation.Finding;
import org.wageguard.payroll.reconciliation.Rule;

/** The sentence of a card shared by several workers names the workers, not their (masked) ID numbers. */
class SharedCardSentenceTests {

    private static final String A = "430981199003154518";
    private static final String B = "43098119850612002X";

    @Test
    void theWorkersSharingACardAreNamed() {
        Finding shared = new Finding(Rule.SHARED_CARD, "YJ-2021-004", null, YearMonth.of(2026, 5),
                "卡号 6228480010012345673 收到 2026-05 两名及以上工人的成功代发，含 " + A + "、" + B);
        String stored = Reconciliations.mask(Reconciliations.named(shared, Map.of(A, "张建国", B, "李秀英")));
        assertThat(stored).contains("含 张建国、李秀英").doesNotContain("4309").contains("6228 **** **** 5673");
    }

    @Test
    void otherSentencesKeepTheNumberTheyAreAbout() {
        Finding invalid = new Finding(Rule.INVALID_ID_NUMBER, "YJ-2021-004", A, null, "身份证号 " + A + " 校验位错误");
        assertThat(Reconciliations.named(invalid, Map.of(A, "张建国"))).contains(A).doesNotContain("张建国");
    }
}
