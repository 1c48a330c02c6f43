package org.wageguard.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.wageguard.shared.InvalidIdentifierException.Check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTests {

    // Check characters computed by GB 11643 for 430981 (沅江市), born 1985-06-15.
    private static final String YUANJIANG_MAN = "430981198506151230";

    @Test
    void aWellKnownExampleWithCheckCharacterXIsValid() {
        IdNumber id = IdNumber.of("11010519491231002X");

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(IdNumber.Gender.FEMALE);
        assertThat(id.regionCode()).isEqualTo(RegionCode.of("110105"));
    }

    @Test
    void aComputedNumberYieldsRegionBirthDateGenderAndAge() {
        IdNumber id = IdNumber.of(YUANJIANG_MAN);

        assertThat(id.regionCode().value()).isEqualTo("430981");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 6, 15));
        assertThat(id.gender()).isEqualTo(IdNumber.Gender.MALE);
        assertThat(id.ageOn(LocalDate.of(2026, 6, 14))).isEqualTo(40);
        assertThat(id.ageOn(LocalDate.of(2026, 6, 15))).isEqualTo(41);
    }

    @Test
    void aLowerCaseXIsTheSameNumberAsUpperCase() {
        IdNumber lower = IdNumber.of(" 11010519491231002x ");

        assertThat(lower.value()).isEqualTo("11010519491231002X");
        assertThat(lower).isEqualTo(IdNumber.of("11010519491231002X")).hasSameHashCodeAs(IdNumber.of("11010519491231002X"));
    }

    @Test
    void itIsShownMaskedAndNeverWholeInToString() {
        IdNumber id = IdNumber.of("430981198005121236");

        assertThat(id.masked()).isEqualTo("430981********1236");
        assertThat(id.toString()).isEqualTo("430981********1236");
    }

    @Test
    void aNumberOfTheWrongLengthFailsTheLengthCheck() {
        assertFails("43098119850615123", "identifier.idNumber.length", Check.LENGTH, 17);
        assertFails("4309811985061512301", "identifier.idNumber.length", Check.LENGTH, 19);
        assertFails(null, "identifier.idNumber.length", Check.LENGTH, 0);
    }

    @Test
    void aLetterAmongTheFirstSeventeenOrAForeignCheckCharacterFailsTheCharacterCheck() {
        assertFails("43098119850615A230", "identifier.idNumber.characters", Check.CHARACTERS, 15);
        assertFails("43098119850615123Y", "identifier.idNumber.characters", Check.CHARACTERS, 18);
        // Full-width digits look right on screen but are not ASCII digits.
        assertFails("４30981198506151230", "identifier.idNumber.characters", Check.CHARACTERS, 1);
    }

    @Test
    void february30thFailsTheBirthDateCheckEvenWithAMatchingCheckCharacter() {
        assertFails("430981198502301238", "identifier.idNumber.birthDate", Check.BIRTH_DATE, "19850230");
    }

    @Test
    void aBirthDateInTheFutureFailsTheBirthDateCheck() {
        assertFails("430981209901011239", "identifier.idNumber.birthDate", Check.BIRTH_DATE, "20990101");
    }

    @Test
    void aBirthDateBefore1900FailsButNewYear1900Passes() {
        assertFails("430981189912311231", "identifier.idNumber.birthDate", Check.BIRTH_DATE, "18991231");
        assertThat(IdNumber.of("430981190001011236").birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void someoneBornTodayIsValidAndTomorrowIsNot() {
        LocalDate today = LocalDate.of(1985, 6, 15);

        assertThat(IdNumber.of(YUANJIANG_MAN, today).birthDate()).isEqualTo(today);
        assertThatThrownBy(() -> IdNumber.of(YUANJIANG_MAN, today.minusDays(1)))
                .isInstanceOf(InvalidIdentifierException.class)
                .extracting(e -> ((InvalidIdentifierException) e).check()).isEqualTo(Check.BIRTH_DATE);
    }

    @Test
    void aWrongCheckCharacterNamesTheExpectedAndTheActualOne() {
        InvalidIdentifierException e = assertFails("430981198506151234", "identifier.idNumber.checksum",
                Check.CHECKSUM, "0", "4");

        assertThat(e.chineseMessage()).isEqualTo("身份证号码校验位错误：按 GB 11643 计算应为 0，实际为 4");
        assertThat(e.chineseFieldName()).isEqualTo("身份证号");
        assertThat(e.getMessage()).doesNotContain("430981198506151234");
    }

    @Test
    void aFailingNumberFromAFileIsKeptUnverifiedWithItsFailedCheck() {
        Checked<IdNumber> checked = IdNumber.parseLenient(" 430981198506151234 ");

        assertThat(checked.verified()).isFalse();
        assertThat(checked.value()).isEqualTo("430981198506151234");
        assertThat(checked.verifiedValue()).isEmpty();
        assertThat(checked.failure()).get().extracting(InvalidIdentifierException::check).isEqualTo(Check.CHECKSUM);
        assertThat(checked.masked()).isEqualTo("430981********1234");
        assertThat(checked.toString()).doesNotContain("198506");
    }

    @Test
    void aPassingNumberFromAFileIsVerifiedAndNormalised() {
        Checked<IdNumber> checked = IdNumber.parseLenient("11010519491231002x");

        assertThat(checked.verified()).isTrue();
        assertThat(checked.value()).isEqualTo("11010519491231002X");
        assertThat(checked.verifiedValue()).contains(IdNumber.of("11010519491231002X"));
        assertThat(checked.failure()).isEmpty();
    }

    private static InvalidIdentifierException assertFails(String value, String key, Check check,
            Object... arguments) {
        return Rejections.assertRejected(() -> IdNumber.of(value), key, check, arguments);
    }
}
