package org.wageguard.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key the code uses has a Chinese text, and every failure names a field with a Chinese name. */
class SharedMessagesTests {

    private static final Pattern KEY = Pattern.compile("\"((?:identifier|money|field)\\.[A-Za-z.]+)\"");

    @Test
    void everyKeyInTheCodeHasAChineseTextInTheBundle() throws IOException {
        Set<String> keys = keysInSource();

        assertThat(keys).contains("identifier.idNumber.checksum", "money.scale", "identifier.bankCard.luhn")
                .hasSizeGreaterThanOrEqualTo(16);
        assertThat(SharedMessages.bundle().keySet()).containsAll(keys);
        for (String key : keys) {
            assertThat(SharedMessages.chinese(key)).as(key).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void everyFailureKeyNamesAKnownCheckAndAFieldWithAChineseName() throws IOException {
        for (String key : keysInSource()) {
            if (!key.startsWith("field.") && !key.equals(BankCard.LUHN_WARNING_KEY)) {
                InvalidIdentifierException e = new InvalidIdentifierException(key, "x", "y");
                assertThat(SharedMessages.bundle().containsKey(e.fieldKey())).as(e.fieldKey()).isTrue();
                assertThat(e.chineseFieldName()).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void argumentsAreFilledInAsSpringWouldFillThem() {
        assertThat(new InvalidIdentifierException("identifier.idNumber.length", 17).chineseMessage())
                .isEqualTo("身份证号码应为18位，实际为17位");
        assertThat(new InvalidIdentifierException("money.scale", "1.234").chineseMessage())
                .isEqualTo("金额1.234超过两位小数：金额只能精确到分");
        assertThat(SharedMessages.chinese("field.idNumber")).isEqualTo("身份证号");
    }

    private static Set<String> keysInSource() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/wageguard/shared"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
