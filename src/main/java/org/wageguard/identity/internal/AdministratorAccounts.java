package org.wageguard.identity.internal;

import org.wageguard.shared.AdvisoryLocks;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three administrators exist from installation (三员分立): at every start, for each of the system, security
 * and audit administrator roles that no account holds, an account is opened holding that role alone, with a
 * generated one-time password written once to the log, which its owner must change at the first login. Nothing
 * else in the system can give an account an administrator role. Runs after the demo loaders (whose admin, anquan
 * and shenji make it a no-op there), one instance at a time.
 */
@Component
@Order(1000)
class AdministratorAccounts implements ApplicationRunner {

    record Administrator(String role, String username, String displayName) {
    }

    static final List<Administrator> ADMINISTRATORS = List.of(
            new Administrator("SYSTEM_ADMIN", "sysadmin", "系统管理员"),
            new Administrator("SECURITY_ADMIN", "secadmin", "安全管理员"),
            new Administrator("AUDIT_ADMIN", "auditadmin", "审计管理员"));

    /** Key of the advisory lock ("WGADMN"). */
    private static final long LOCK = 0x5747_4144_4D4EL;

    private static final Logger log = LoggerFactory.getLogger(AdministratorAccounts.class);

    private final JdbcClient jdbc;
    private final OfficerAccounts accounts;
    private final String regionCode;

    AdministratorAccounts(JdbcClient jdbc, OfficerAccounts accounts,
            @Value("${wageguard.installation.region-code:}") String regionCode) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.regionCode = regionCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AdvisoryLocks.lockForTransaction(jdbc, LOCK);
        for (Administrator a : ADMINISTRATORS) {
            boolean held = jdbc.sql("SELECT count(*) FROM officer_role WHERE role_code = :r").param("r", a.role())
                    .query(Long.class).single() > 0;
            if (held) {
                continue;
            }
            if (jdbc.sql("SELECT count(*) FROM officer WHERE username = :u").param("u", a.username())
                    .query(Long.class).single() > 0) {
                log.error("三员分立：没有账号持有角色 {}，而登录名 {} 已被占用，无法自动建立；请由运维人员处理", a.role(),
                        a.username());
                continue;
            }
            String region = region();
            String password = accounts.generatePassword(a.username());
            long id = accounts.create(new OfficerAccounts.OfficerDraft(a.username(), a.displayName(), region, null,
                    null, null, null, a.displayName(), null, null), password, Set.of(a.role()));
            jdbc.sql("UPDATE officer SET password_must_change = TRUE WHERE id = :id").param("id", id).update();
            log.warn("三员分立：已建立{}账号 {}（区划 {}），一次性密码 {} —— 只在此显示一次，首次登录须修改", a.displayName(),
                    a.username(), region, password);
        }
    }

    /**
     * Where the administrators sit, and so what their data scope (本区划) covers: the installation's own region,
     * {@code wageguard.installation.region-code}. Without it no administrator is guessed into some province: the
     * start stops and says what to set.
     */
    private String region() {
        String code = regionCode == null ? "" : regionCode.trim();
        if (code.isEmpty()) {
            throw new IllegalStateException("三员分立：首次安装须设置本级行政区划代码 wageguard.installation.region-code"
                    + "（例如 430981），三员账号建在该区划，其数据权限以该区划为界；见 docs/three-administrators.md");
        }
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", code).query(Long.class).single() == 0) {
            throw new IllegalStateException("三员分立：wageguard.installation.region-code=" + code
                    + " 不在行政区划代码表中；请先核对代码（GB/T 2260）；见 docs/three-administrators.md");
        }
        return code;
    }
}
