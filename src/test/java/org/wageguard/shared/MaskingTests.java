package org.wageguard.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderings of DOMAIN.md §7, also for strings that were never verified (just decrypted or kept from a file). */
class MaskingTests {

    @Test
    void theRenderingsOfDomainSection7() {
        assertThat(Masking.idNumber("430981198506151234")).isEqualTo("430981********1234");
        assertThat(Masking.bankCard("6222 0212 3456 7891 234")).isEqualTo("6222 **** **** 1234");
        assertThat(Masking.mobile("13856785678")).isEqualTo("138****5678");
    }

    @Test
    void aValueTooShortToHideItsMiddleIsMaskedWhole() {
        assertThat(Masking.idNumber("430981")).isEqualTo("******");
        assertThat(Masking.bankCard("62220212")).isEqualTo("********");
        assertThat(Masking.mobile("1385678")).isEqualTo("*******");
        assertThat(Masking.mobile("")).isEmpty();
    }

    @Test
    void nothingStaysNothing() {
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.bankCard(null)).isNull();
        assertThat(Masking.mobile(null)).isNull();
    }
}
