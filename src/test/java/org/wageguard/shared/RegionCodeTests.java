package org.wageguard.shared;

import org.junit.jupiter.api.Test;
import org.wageguard.shared.InvalidIdentifierException.Check;
import org.wageguard.shared.RegionCode.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wageguard.shared.Rejections.assertRejected;

class RegionCodeTests {

    private final RegionCode hunan = RegionCode.of("430000");
    private final RegionCode yiyang = RegionCode.of("430900");
    private final RegionCode yuanjiang = RegionCode.of("430981");
    private final RegionCode caowei = RegionCode.of("430981102");

    @Test
    void theLevelFollowsFromTheDigits() {
        assertThat(hunan.level()).isEqualTo(Level.PROVINCE);
        assertThat(yiyang.level()).isEqualTo(Level.PREFECTURE);
        assertThat(yuanjiang.level()).isEqualTo(Level.COUNTY);
        assertThat(caowei.level()).isEqualTo(Level.TOWN);
        assertThat(RegionCode.of("430981102001").level()).isEqualTo(Level.VILLAGE);
    }

    @Test
    void eachCodeHasItsParentUpToTheProvince() {
        assertThat(RegionCode.of("430981102001").parent()).contains(caowei);
        assertThat(caowei.parent()).contains(yuanjiang);
        assertThat(yuanjiang.parent()).contains(yiyang);
        assertThat(yiyang.parent()).contains(hunan);
        assertThat(hunan.parent()).isEmpty();
    }

    @Test
    void theSubtreePrefixCoversEveryCodeBelow() {
        assertThat(hunan.subtreePrefix()).isEqualTo("43");
        assertThat(yiyang.subtreePrefix()).isEqualTo("4309");
        assertThat(yuanjiang.subtreePrefix()).isEqualTo("430981");
        assertThat(caowei.subtreePrefix()).isEqualTo("430981102");
    }

    @Test
    void aProvinceOfficerSeesTheCountyAndTownButACountyOfficerDoesNotSeeTheNeighbouringCounty() {
        assertThat(hunan.contains(caowei)).isTrue();
        assertThat(yiyang.contains(yuanjiang)).isTrue();
        assertThat(yuanjiang.contains(yuanjiang)).isTrue();
        assertThat(yuanjiang.contains(RegionCode.of("430921"))).isFalse();
        assertThat(caowei.contains(yuanjiang)).isFalse();
        assertThat(hunan.contains(RegionCode.of("440300"))).isFalse();
    }

    @Test
    void malformedCodesAreRejected() {
        assertRejected(() -> RegionCode.of("43098"), "identifier.region.format", Check.FORMAT);
        assertRejected(() -> RegionCode.of("4309811"), "identifier.region.format", Check.FORMAT);
        assertRejected(() -> RegionCode.of("000000"), "identifier.region.format", Check.FORMAT);
        assertRejected(() -> RegionCode.of("43O981"), "identifier.region.format", Check.FORMAT);
        assertThat(RegionCode.of(" 430981 ")).isEqualTo(yuanjiang);
    }
}
