package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.OutOfScopeException;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.StaleEditException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, numbering: a region's document prefix (文书简称) is the office's setting, kept per region in its scope and
 * audited; documents numbered before keep their numbers, the next ones take the new prefix and count from 1 in it
 * (GB/T 9704-2012 7.2.4: 发文机关代字、年份、发文顺序号).
 */
@DemoApplicationTest
class DocumentPrefixesTests {

    @Autowired DocumentPrefixes prefixes;
    @Autowired DocumentNumbers numbers;
    @Autowired CaseIntake intake;
    @Autowired JdbcClient jdbc;

    /** A county of its own, so that the demo county's prefix (沅) other tests count on stays as it is. */
    String county(String code, String name) {
        jdbc.sql("INSERT INTO region (code, name, level) VALUES (:c, :n, 'COUNTY')").param("c", code).param("n", name).update();
        return code;
    }

    long caseIn(String region) {
        return intake.register(new Intake(Channel.WALK_IN, CaseKind.COMPLAINT, "文书测试", MobilePhone.of("13907371901"), false,
                null, "文书简称测试公司", null, region, "E", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), "拖欠工资",
                List.of(new Intake.Claimant("文书测试", null, new BigDecimal("3000"))), null, null));
    }

    @Test
    void theOfficeSetsItsRegionsDocumentPrefixAndTheNextDocumentsTakeIt() {
        String region = county("439971", "桃花江县");
        assertThat(prefixes.settings("439971")).singleElement().satisfies(s -> {
            assertThat(s.set()).isFalse();
            assertThat(s.effective()).as("the county name's first character until set").isEqualTo("桃");
            assertThat(s.version()).isEqualTo(-1);
        });
        long first = caseIn(region);
        assertThat(numbers.number(first, "ASSIGNMENT", 0, LocalDate.of(2026, 12, 3), "jiancha")).isEqualTo("桃治欠交〔2026〕1号");

        prefixes.set("439971", region, " 桃江 ", -1, "zhiqianban");
        DocumentPrefixes.Setting s = prefixes.find("439971", region).orElseThrow();
        assertThat(s.own()).isEqualTo("桃江");
        assertThat(s.effective()).isEqualTo("桃江");
        assertThat(numbers.prefix(region)).isEqualTo("桃江");
        // The document already numbered keeps its number; the next one takes the new prefix, from 1.
        assertThat(numbers.number(first, "ASSIGNMENT", 0, LocalDate.of(2026, 12, 3), "jiancha")).isEqualTo("桃治欠交〔2026〕1号");
        assertThat(numbers.number(caseIn(region), "ASSIGNMENT", 0, LocalDate.of(2026, 12, 3), "jiancha")).isEqualTo("桃江治欠交〔2026〕1号");
        assertThat(jdbc.sql("SELECT detail FROM operation_log WHERE action = 'DOCUMENT_PREFIX_SET' AND target_id = :r ORDER BY id")
                .param("r", region).query(String.class).list()).containsExactly("文书简称 桃花江县（439971）：桃（未设置，沿用） → 桃江");

        // A form read before that save is stale.
        assertThatThrownBy(() -> prefixes.set("439971", region, "桃县", -1, "jiancha")).isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> prefixes.set("439971", region, "桃县", s.version() + 1, "jiancha")).isInstanceOf(StaleEditException.class);
        prefixes.set("439971", region, "桃县", s.version(), "zhiqianban");
        assertThat(numbers.prefix(region)).isEqualTo("桃县");
    }

    @Test
    void aPrefixIsOneToFourChineseCharactersUsedByNoOtherRegionAndSetOnlyInTheOfficersRegion() {
        String region = county("439972", "安化县");
        assertThatThrownBy(() -> prefixes.set("439972", region, "AH1", -1, "zhiqianban"))
                .isInstanceOf(CaseRuleException.class).hasMessage("文书简称应为 1 至 4 个汉字（如“沅”）。");
        assertThatThrownBy(() -> prefixes.set("439972", region, "安化县人社", -1, "zhiqianban"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("1 至 4 个汉字");
        assertThatThrownBy(() -> prefixes.set("439972", region, "沅", -1, "zhiqianban"))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("文书简称“沅”已由沅江市使用");
        // The demo county's office cannot reach another county's setting.
        assertThatThrownBy(() -> prefixes.set("430981", region, "安", -1, "zhiqianban")).isInstanceOf(OutOfScopeException.class);
        assertThat(prefixes.settings("430981")).extracting(DocumentPrefixes.Setting::regionCode).contains("430981")
                .doesNotContain(region);
        assertThat(prefixes.find("439972", region).orElseThrow().set()).isFalse();
    }
}
