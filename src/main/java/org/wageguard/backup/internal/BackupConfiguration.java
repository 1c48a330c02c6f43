package org.wageguard.backup.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.identity.ModuleEntry;

@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    @Bean
    ModuleEntry backupEntry() {
        return new ModuleEntry(990, "backup.title", "backup.module", "/admin/backup", "backup:backup:manage");
    }
}
