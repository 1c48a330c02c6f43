package org.wageguard.shared;

import org.junit.jupiter.api.Test;
import org.wageguard.shared.InvalidIdentifierException.Check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wageguard.shared.Rejections.assertRejected;

class CreditCodeTests {

    @Test
    void wellKnownPublishedCodesAreValid() {
        assertThat(CreditCode.of("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.of("9144030071526726XG").regionCode()).isEqualTo(RegionCode.of("440300"));
    }

    @Test
    void aComputedCodeWhoseCheckSumIsAMultipleOf31EndsInZeroOrALetterAsComputed() {
        // Check characters computed by GB 32100 for Yuanjiang and Yiyang registrations.
        assertThat(CreditCode.of("91430981MA4L0XXXX1").regionCode().value()).isEqualTo("430981");
        assertThat(CreditCode.of("91430900MA4PQ1234C").value()).endsWith("C");
        assertThat(CreditCode.of("12430981000000000Q").value()).isEqualTo("12430981000000000Q");
    }

    @Test
    void lowerCaseInputIsUpperCasedAndEqual() {
        CreditCode lower = CreditCode.of(" 91350100m000100y43 ");

        assertThat(lower.value()).isEqualTo("91350100M000100Y43");
        assertThat(lower).isEqualTo(CreditCode.of("91350100M000100Y43"));
    }

    @Test
    void theCodeIsPublicSoItIsShownWhole() {
        assertThat(CreditCode.of("91350100M000100Y43").masked()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void eachCheckFailsOnItsOwn() {
        assertRejected(() -> CreditCode.of("91350100M000100Y4"), "identifier.creditCode.length", Check.LENGTH, 17);
        // I, O, S, V and Z are not in the alphabet: they are too easily confused with digits.
        assertRejected(() -> CreditCode.of("91350100M000I00Y43"), "identifier.creditCode.characters",
                Check.CHARACTERS, 13, "I");
        assertRejected(() -> CreditCode.of("91A50100M000100Y43"), "identifier.creditCode.region", Check.REGION, 3);
        InvalidIdentifierException checksum = assertRejected(() -> CreditCode.of("91350100M000100Y44"),
                "identifier.creditCode.checksum", Check.CHECKSUM, "3", "4");
        assertThat(checksum.chineseMessage()).isEqualTo("统一社会信用代码校验位错误：按 GB 32100 计算应为 3，实际为 4");
    }

    @Test
    void aFailingCodeFromAFileIsKeptAsReadAndFlagged() {
        Checked<CreditCode> checked = CreditCode.parseLenient("91350100m000100y44");

        assertThat(checked.verified()).isFalse();
        assertThat(checked.value()).isEqualTo("91350100M000100Y44");
        assertThat(checked.failure()).get().extracting(InvalidIdentifierException::messageKey)
                .isEqualTo("identifier.creditCode.checksum");
    }
}
