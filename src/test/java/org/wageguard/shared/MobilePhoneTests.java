package org.wageguard.shared;

import org.junit.jupiter.api.Test;
import org.wageguard.shared.InvalidIdentifierException.Check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wageguard.shared.Rejections.assertRejected;

class MobilePhoneTests {

    @Test
    void aMobileNumberIsShownWithItsFirstThreeAndLastFourDigits() {
        MobilePhone phone = MobilePhone.of("13812345678");

        assertThat(phone.value()).isEqualTo("13812345678");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(phone.toString()).isEqualTo("138****5678");
    }

    @Test
    void spacesHyphensAndTheCountryCodeAreTheSameNumber() {
        assertThat(MobilePhone.of("+86 138-1234-5678")).isEqualTo(MobilePhone.of("13812345678"));
        assertThat(MobilePhone.of(" 138 1234 5678 ").value()).isEqualTo("13812345678");
    }

    @Test
    void numbersNotStartingWith13To19OrOfTheWrongLengthAreRejected() {
        assertRejected(() -> MobilePhone.of("12812345678"), "identifier.mobile.format", Check.FORMAT);
        assertRejected(() -> MobilePhone.of("1381234567"), "identifier.mobile.format", Check.FORMAT);
        assertRejected(() -> MobilePhone.of("0731-4567890"), "identifier.mobile.format", Check.FORMAT);
        assertRejected(() -> MobilePhone.of(null), "identifier.mobile.format", Check.FORMAT);
    }

    @Test
    void aLandlineFromAFileIsKeptFlaggedAndFullyMasked() {
        Checked<MobilePhone> checked = MobilePhone.parseLenient("4567890");

        assertThat(checked.verified()).isFalse();
        assertThat(checked.value()).isEqualTo("4567890");
        assertThat(checked.masked()).isEqualTo("*******");
    }
}
