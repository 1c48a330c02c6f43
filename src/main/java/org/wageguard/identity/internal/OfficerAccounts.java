package org.wageguard.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.MobilePhone;

/**
 * Account administration under 三员分立 (GB/T 22239-2019 level 3, 8.1.5.1 系统管理, 8.1.5.2 审计管理, 8.1.5.3
 * 安全管理; one-time passwords: 8.1.4.1 身份鉴别): the system administrator creates, edits, disables and unlocks accounts
 * and resets passwords, always to a one-time password the owner must change at the next login, but grants no
 * role; the security administrator grants and revokes business roles, never an administrator role and never to
 * an administrator's account, and sets no password. Disabling ends every session at once. See
 * docs/three-administrators.md.
 */
@Service
public class OfficerAccounts {

    /** A rule of account administration was broken; the code is a message key. */
    public static class AccountRuleException extends RuntimeException {
        private final transient List<MessageSourceResolvable> reasons;

        public AccountRuleException(List<MessageSourceResolvable> reasons) {
            super(reasons.toString());
            this.reasons = reasons;
        }

        public List<MessageSourceResolvable> reasons() {
            return reasons;
        }

        /** True if the old password given to change one's own password was wrong (a guess that counts). */
        public boolean wrongOldPassword() {
            return reasons.stream().anyMatch(r -> r.getCodes() != null
                    && java.util.Arrays.asList(r.getCodes()).contains(WRONG_OLD_PASSWORD));
        }
    }

    static final String WRONG_OLD_PASSWORD = "password.change.wrongOld";

    /** The three administrators of 三员分立; an account holding one holds no other role (also a database trigger). */
    public static final Set<String> ADMINISTRATOR_ROLES = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN");

    /** Permissions of administration that stay with the administrator roles and are never given to a business role. */
    public static final Set<String> ADMINISTRATION_PERMISSIONS = Set.of("identity:user:edit", "identity:user:disable",
            "identity:user:unlock", "identity:user:reset", "identity:user:grant", "identity:role:edit",
            "identity:audit:view");

    /** An account just opened or a password just reset: the one-time password, to be shown to the administrator once. */
    public record OneTimePassword(long officerId, String password, boolean generated) {
    }

    public record OfficerDraft(String username, String displayName, String regionCode, Long departmentId,
            String organisationCode, String organisationName, String gridCode, String title, MobilePhone mobile,
            IdNumber idNumber) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SensitiveData sensitive;
    private final OperationLog operationLog;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final Clock clock;

    OfficerAccounts(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, SensitiveData sensitive,
            OperationLog operationLog, FindByIndexNameSessionRepository<?> sessions, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Installation and demo data only (no web path calls it): an account with the given roles and a password that
     * is not one-time. Administrators open accounts with {@link #open}.
     */
    @Transactional
    public long create(OfficerDraft draft, String initialPassword, Set<String> roles) {
        requirePolicy(initialPassword, draft.username());
        long id = insert(draft, initialPassword, false);
        for (String role : roles) {
            jdbc.sql("INSERT INTO officer_role (officer_id, role_code) VALUES (:id, :role)")
                    .param("id", id).param("role", role).update();
        }
        operationLog.record("USER_CREATE", "officer", id, "新增用户 " + draft.username() + "，角色 " + roles);
        return id;
    }

    /**
     * The system administrator opens an account: no role (the security administrator grants those), and a
     * one-time password, typed or (if blank) generated, that the owner must change at the first login.
     */
    @Transactional
    public OneTimePassword open(OfficerDraft draft, String typedPassword) {
        requirePermission("identity:user:edit", "USER_CREATE", null);
        boolean generated = typedPassword == null || typedPassword.isBlank();
        String password = generated ? generatePassword(draft.username()) : typedPassword;
        requirePolicy(password, draft.username());
        long id = insert(draft, password, true);
        operationLog.record("USER_CREATE", "officer", id,
                "新增用户 " + draft.username() + "，未授予角色，一次性密码（" + (generated ? "系统生成" : "管理员输入")
                        + "），首次登录须修改");
        return new OneTimePassword(id, password, generated);
    }

    private long insert(OfficerDraft draft, String password, boolean oneTime) {
        return jdbc.sql("""
                INSERT INTO officer (username, display_name, password_hash, password_changed_at, password_must_change,
                    region_code, department_id, organisation_code, organisation_name, grid_code, title, mobile_cipher,
                    mobile_hash, id_number_cipher, id_number_hash, created_by, updated_by)
                VALUES (:username, :displayName, :hash, :now, :oneTime, :region, :department, :orgCode, :orgName, :grid,
                    :title, :mobileCipher, :mobileHash, :idCipher, :idHash, :actor, :actor)
                RETURNING id
                """)
                .param("username", draft.username()).param("displayName", draft.displayName())
                .param("hash", encoder.encode(password)).param("now", Timestamp.from(clock.instant()))
                .param("oneTime", oneTime)
                .param("region", draft.regionCode()).param("department", draft.departmentId())
                .param("orgCode", blankToNull(draft.organisationCode()))
                .param("orgName", blankToNull(draft.organisationName()))
                .param("grid", blankToNull(draft.gridCode())).param("title", blankToNull(draft.title()))
                .param("mobileCipher", draft.mobile() == null ? null : sensitive.encrypt(draft.mobile().value()))
                .param("mobileHash", draft.mobile() == null ? null : sensitive.index(draft.mobile().value()))
                .param("idCipher", draft.idNumber() == null ? null : sensitive.encrypt(draft.idNumber().value()))
                .param("idHash", draft.idNumber() == null ? null : sensitive.index(draft.idNumber().value()))
                .param("actor", actor())
                .query(Long.class).single();
    }

    /** Edits the profile; {@code version} is what the editor loaded, so a concurrent edit is refused. */
    @Transactional
    public void update(long id, int version, OfficerDraft draft) {
        Versioned.update(jdbc, "officer", """
                display_name = :displayName, region_code = :region, department_id = :department,
                    organisation_code = :orgCode, organisation_name = :orgName, grid_code = :grid, title = :title,
                    mobile_cipher = COALESCE(:mobileCipher, mobile_cipher), mobile_hash = COALESCE(:mobileHash, mobile_hash),
                    id_number_cipher = COALESCE(:idCipher, id_number_cipher), id_number_hash = COALESCE(:idHash, id_number_hash)""")
                .param("displayName", draft.displayName()).param("region", draft.regionCode())
                .param("department", draft.departmentId())
                .param("orgCode", blankToNull(draft.organisationCode()))
                .param("orgName", blankToNull(draft.organisationName()))
                .param("grid", blankToNull(draft.gridCode())).param("title", blankToNull(draft.title()))
                .param("mobileCipher", draft.mobile() == null ? null : sensitive.encrypt(draft.mobile().value()))
                .param("mobileHash", draft.mobile() == null ? null : sensitive.index(draft.mobile().value()))
                .param("idCipher", draft.idNumber() == null ? null : sensitive.encrypt(draft.idNumber().value()))
                .param("idHash", draft.idNumber() == null ? null : sensitive.index(draft.idNumber().value()))
                .by(actor()).existingRow(id, version);
        operationLog.record("USER_UPDATE", "officer", id, "修改用户资料 " + draft.username());
    }

    /** Disables the account and ends every session it has, at once. */
    @Transactional
    public void setEnabled(long id, boolean enabled) {
        String username = username(id);
        if (!enabled && username.equals(CurrentOfficer.get().username())) {
            throw rule("account.rule.selfDisable");
        }
        // A command, not an edit: its outcome does not depend on what the page showed; the version counts up so that
        // a profile or roles form open on the account is stale.
        Versioned.update(jdbc, "officer", "enabled = :enabled").param("enabled", enabled).by(actor()).rowAtAnyVersion(id);
        int ended = 0;
        if (!enabled) {
            ended = endSessions(username);
        }
        operationLog.record(enabled ? "USER_ENABLE" : "USER_DISABLE", "officer", id,
                (enabled ? "启用用户 " : "停用用户 ") + username + (enabled ? "" : "，结束会话 " + ended + " 个"));
    }

    public int endSessions(String username) {
        var found = sessions.findByPrincipalName(username);
        found.keySet().forEach(sessions::deleteById);
        return found.size();
    }

    /**
     * Sets the business roles of an account (grants the new, revokes the dropped) as the security administrator saw
     * it at {@code version} (a concurrent grant is refused, not overwritten): the security administrator's act.
     * Never an administrator role, never on an account holding one, never on one's own account.
     */
    @Transactional
    public void grant(long id, int version, Set<String> roles) {
        requirePermission("identity:user:grant", "USER_GRANT", id);
        if (id == CurrentOfficer.get().id()) {
            throw refused("USER_GRANT", id, "account.rule.selfGrant");
        }
        if (roles.stream().anyMatch(ADMINISTRATOR_ROLES::contains)) {
            throw refused("USER_GRANT", id, "account.rule.adminRole");
        }
        Set<String> held = new java.util.LinkedHashSet<>(jdbc.sql("SELECT role_code FROM officer_role WHERE officer_id = :id")
                .param("id", id).query(String.class).list());
        if (held.stream().anyMatch(ADMINISTRATOR_ROLES::contains)) {
            throw refused("USER_GRANT", id, "account.rule.adminAccount");
        }
        Set<String> granted = new java.util.LinkedHashSet<>(roles);
        granted.removeAll(held);
        Set<String> revoked = new java.util.LinkedHashSet<>(held);
        revoked.removeAll(roles);
        Versioned.update(jdbc, "officer", "").by(actor()).existingRow(id, version);
        jdbc.sql("DELETE FROM officer_role WHERE officer_id = :id").param("id", id).update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO officer_role (officer_id, role_code) VALUES (:id, :role)")
                    .param("id", id).param("role", role).update();
        }
        String username = username(id);
        endSessions(username);
        if (!granted.isEmpty() || revoked.isEmpty()) {
            operationLog.record("USER_GRANT", "officer", id, "为 " + username + " 授予角色 " + granted + "，现有角色 " + roles);
        }
        if (!revoked.isEmpty()) {
            operationLog.record("USER_REVOKE", "officer", id, "收回 " + username + " 的角色 " + revoked + "，现有角色 " + roles);
        }
    }

    @Transactional
    public void unlock(long id) {
        requirePermission("identity:user:unlock", "USER_UNLOCK", id);
        jdbc.sql("UPDATE officer SET locked_until = NULL, failed_attempts = 0 WHERE id = :id").param("id", id).update();
        operationLog.record("USER_UNLOCK", "officer", id, "解锁用户 " + username(id));
    }

    /**
     * The system administrator resets a password to a one-time password, typed or (if blank) generated; the owner
     * must change it at the next login, and every session the account has ends now.
     */
    @Transactional
    public OneTimePassword resetPassword(long id, String typedPassword) {
        requirePermission("identity:user:reset", "USER_RESET_PASSWORD", id);
        if (id == CurrentOfficer.get().id()) {
            throw refused("USER_RESET_PASSWORD", id, "account.rule.selfReset");
        }
        String username = username(id);
        boolean generated = typedPassword == null || typedPassword.isBlank();
        String password = generated ? generatePassword(username) : typedPassword;
        requirePolicy(password, username);
        jdbc.sql("""
                UPDATE officer SET password_hash = :hash, password_changed_at = :now, password_must_change = TRUE,
                    locked_until = NULL, failed_attempts = 0, updated_at = now(), updated_by = :actor
                 WHERE id = :id""")
                .param("hash", encoder.encode(password)).param("now", Timestamp.from(clock.instant()))
                .param("actor", actor()).param("id", id).update();
        endSessions(username);
        operationLog.record("USER_RESET_PASSWORD", "officer", id, "重置密码 " + username + "，一次性密码（"
                + (generated ? "系统生成" : "管理员输入") + "），下次登录须修改");
        return new OneTimePassword(id, password, generated);
    }

    /** Whether the officer still holds a one-time password and must change it before anything else. */
    public boolean mustChangePassword(String username) {
        return jdbc.sql("SELECT password_must_change FROM officer WHERE username = :u").param("u", username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The owner's own change: checks the old password and the policy. */
    @Transactional
    public void changePassword(String username, String oldPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM officer WHERE username = :u").param("u", username)
                .query(String.class).optional().orElseThrow(() -> rule(WRONG_OLD_PASSWORD));
        if (!encoder.matches(oldPassword, hash)) {
            throw rule(WRONG_OLD_PASSWORD);
        }
        if (encoder.matches(newPassword, hash)) {
            throw rule("password.change.same");
        }
        requirePolicy(newPassword, username);
        boolean oneTime = mustChangePassword(username);
        jdbc.sql("""
                UPDATE officer SET password_hash = :hash, password_changed_at = :now, password_must_change = FALSE
                 WHERE username = :u""")
                .param("hash", encoder.encode(newPassword)).param("now", Timestamp.from(clock.instant()))
                .param("u", username).update();
        if (oneTime) {
            long id = jdbc.sql("SELECT id FROM officer WHERE username = :u").param("u", username).query(Long.class).single();
            operationLog.record("PASSWORD_FORCED_CHANGE", "officer", id, username + " 以本人密码替换一次性密码（首次登录或重置后）");
        } else {
            operationLog.record("PASSWORD_CHANGE", "officer", username, "修改本人密码");
        }
    }

    private void requirePolicy(String password, String username) {
        List<MessageSourceResolvable> problems = policy.violations(password, username);
        if (!problems.isEmpty()) {
            throw new AccountRuleException(problems);
        }
    }

    /** The act needs the permission of the signed-in officer; a refusal is itself in the operation log. */
    private void requirePermission(String permission, String action, Long id) {
        if (CurrentOfficer.find().filter(o -> o.hasPermission(permission)).isEmpty()) {
            throw refused(action, id, "account.rule.notPermitted");
        }
    }

    private AccountRuleException refused(String action, Long id, String code) {
        operationLog.recordOutcome(action, "officer", id, "拒绝：" + code, OperationLog.Result.DENIED);
        return rule(code);
    }

    /** A one-time password that meets every policy: upper, lower, digit and symbol, no look-alike characters. */
    String generatePassword(String username) {
        String password;
        do {
            password = randomPassword();
        } while (!policy.violations(password, username).isEmpty());
        return password;
    }

    private String randomPassword() {
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789",
                symbols = "@#%&*+=?";
        String all = upper + lower + digits + symbols;
        java.util.List<Character> chars = new java.util.ArrayList<>();
        for (String set : List.of(upper, lower, digits, symbols)) {
            chars.add(set.charAt(RANDOM.nextInt(set.length())));
        }
        while (chars.size() < Math.max(12, policy.minLength())) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, RANDOM);
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private String username(long id) {
        return jdbc.sql("SELECT username FROM officer WHERE id = :id").param("id", id).query(String.class).single();
    }

    private static AccountRuleException rule(String code) {
        return new AccountRuleException(List.of(new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {code}, (Object[]) null)));
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
