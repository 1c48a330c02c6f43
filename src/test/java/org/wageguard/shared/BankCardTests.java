package org.wageguard.shared;

import org.junit.jupiter.api.Test;
import org.wageguard.shared.InvalidIdentifierException.Check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wageguard.shared.Rejections.assertRejected;

class BankCardTests {

    @Test
    void aCardTypedInGroupsOfFourIsStoredAsDigitsAndPassesLuhn() {
        BankCard card = BankCard.of("6222 0212 3456 7890 128");

        assertThat(card.value()).isEqualTo("6222021234567890128");
        assertThat(card.luhnValid()).isTrue();
        assertThat(card).isEqualTo(BankCard.of("6222021234567890128"));
    }

    @Test
    void aLuhnFailureIsAWarningNotARejection() {
        BankCard card = BankCard.of("6222021234567890123");

        assertThat(card.luhnValid()).isFalse();
        assertThat(card.value()).isEqualTo("6222021234567890123");
        assertThat(SharedMessages.chinese(BankCard.LUHN_WARNING_KEY)).contains("Luhn");
    }

    @Test
    void sixteenAndNineteenDigitsAreTheBounds() {
        assertThat(BankCard.of("4111111111111111").luhnValid()).isTrue();
        assertRejected(() -> BankCard.of("411111111111111"), "identifier.bankCard.format", Check.FORMAT, 15);
        assertRejected(() -> BankCard.of("62220212345678901234"), "identifier.bankCard.format", Check.FORMAT, 20);
        assertRejected(() -> BankCard.of("6222-0212-3456-7890"), "identifier.bankCard.format", Check.FORMAT, 19);
    }

    @Test
    void itIsShownWithFirstAndLastFourOnly() {
        assertThat(BankCard.of("6222021234567891234").masked()).isEqualTo("6222 **** **** 1234");
        assertThat(BankCard.of("6222021234561234").masked()).isEqualTo("6222 **** **** 1234");
        assertThat(BankCard.of("6222021234567891234").toString()).isEqualTo("6222 **** **** 1234");
    }

    @Test
    void aMalformedCardFromAFileIsKeptFlaggedAndStillMasked() {
        Checked<BankCard> checked = BankCard.parseLenient("6222 0212 3456 789");

        assertThat(checked.verified()).isFalse();
        assertThat(checked.value()).isEqualTo("622202123456789");
        assertThat(checked.masked()).isEqualTo("6222 **** **** 6789");
    }

    @Test
    void aCheckDigitAppendedMakesTheNumberPassLuhnAsTheDemoAndTemplateCardsDo() {
        assertThat(BankCard.withCheckDigit("622848001001234567")).isEqualTo("6228480010012345673");
        assertThat(BankCard.of(BankCard.withCheckDigit("622848000003707919")).luhnValid()).isTrue();
        assertThat(BankCard.of("6228480010012345678").luhnValid()).isFalse();
    }
}
