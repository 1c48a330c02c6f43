package org.wageguard.identity;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.wageguard.shared.crypto.BlindIndex;
import org.wageguard.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the demo profile the application refuses to start without a key it was given. */
class KeyConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(org.wageguard.identity.internal.CryptoConfiguration.class);

    @Test
    void withoutAKeyFileTheApplicationRefusesToStart(@TempDir Path dir) {
        runner.withPropertyValues("wageguard.crypto.key-file=" + dir.resolve("missing.keys"),
                "wageguard.crypto.generate-if-missing=false").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("系统拒绝启动");
                });
    }

    @Test
    void theDemoProfileGeneratesAKeyOnceAndReusesIt(@TempDir Path dir) {
        Path file = dir.resolve("keys/wageguard.keys");
        String[] token = new String[1];
        runner.withPropertyValues("wageguard.crypto.key-file=" + file, "wageguard.crypto.generate-if-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    token[0] = context.getBean(FieldCipher.class).encrypt("430981198005121236");
                    assertThat(token[0]).doesNotContain("430981198005121236");
                });
        assertThat(Files.exists(file)).isTrue();
        // A restart reads the same key: what was encrypted before still decrypts.
        runner.withPropertyValues("wageguard.crypto.key-file=" + file, "wageguard.crypto.generate-if-missing=false")
                .run(context -> {
                    assertThat(context.getBean(FieldCipher.class).decrypt(token[0])).isEqualTo("430981198005121236");
                    assertThat(context.getBean(BlindIndex.class).hash("430981198005121236"))
                            .isEqualTo(context.getBean(BlindIndex.class).hash("430981198005121236"));
                });
    }
}
