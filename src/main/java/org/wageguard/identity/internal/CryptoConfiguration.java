package org.wageguard.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.EncryptionKeyFile;
import org.wageguard.shared.crypto.BlindIndex;
import org.wageguard.shared.crypto.FieldCipher;
import org.wageguard.shared.crypto.KeyFiles;

/**
 * The keys for encrypting sensitive numbers at rest. The demo profile generates a key file on first start;
 * any other profile refuses to start without one, so that no deployment runs with a key it did not choose.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoConfiguration.CryptoSettings.class)
public class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @ConfigurationProperties("wageguard.crypto")
    record CryptoSettings(Path keyFile, boolean generateIfMissing) {
    }

    @Bean
    KeyFiles.KeyMaterial keyMaterial(CryptoSettings settings) throws IOException {
        Path file = settings.keyFile();
        if (file == null) {
            throw new IllegalStateException("未配置加密密钥文件（wageguard.crypto.key-file），系统拒绝启动。");
        }
        if (!Files.exists(file)) {
            if (!settings.generateIfMissing()) {
                throw new IllegalStateException("加密密钥文件 " + file.toAbsolutePath()
                        + " 不存在，系统拒绝启动。请配置 wageguard.crypto.key-file 指向已有的密钥文件（仅演示环境自动生成）。");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                KeyFiles.generate(file);
                log.warn("已生成新的加密密钥文件 {}（仅限演示环境；请与数据一同备份）", file.toAbsolutePath());
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another instance sharing the key file generated it at the same moment: that one is the key.
                log.info("加密密钥文件 {} 已由另一实例同时生成，使用该文件", file.toAbsolutePath());
            }
        }
        return KeyFiles.load(file);
    }

    /** The key file's location for the backup, which must take the key along with the database. */
    @Bean
    EncryptionKeyFile encryptionKeyFile(CryptoSettings settings) {
        return new EncryptionKeyFile(settings.keyFile() == null ? null : settings.keyFile().toAbsolutePath().normalize());
    }

    @Bean
    FieldCipher fieldCipher(KeyFiles.KeyMaterial keys) {
        return keys.cipher();
    }

    @Bean
    BlindIndex blindIndex(KeyFiles.KeyMaterial keys) {
        return keys.blindIndex();
    }
}
