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
 * Account administration: creating and editing officers (system administrator), granting roles and
 * unlocking (security administrator), disabling with immediate end of sessions, and password changes.
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

    @Transactional
    public long create(OfficerDraft draft, String initialPassword, Set<String> roles) {
        requirePolicy(initialPassword, draft.username());
        long id = jdbc.sql("""
                INSERT INTO officer (username, display_name, password_hash, password_changed_at, region_code,
                    department_id, organisation_code, organisation_name, grid_code, title, mobile_cipher, mobile_hash,
                    id_number_cipher, id_number_hash, created_by, updated_by)
                VALUES (:username, :displayName, :hash, :now, :region, :department, :orgCode, :orgName, :grid, :title,
                    :mobileCipher, :mobileHash, :idCipher, :idHash, :actor, :actor)
                RETURNING id
                """)
                .param("username", draft.username()).param("displayName", draft.displayName())
                .param("hash", encoder.encode(initialPassword)).param("now", Timestamp.from(clock.instant()))
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
        for (String role : roles) {
            jdbc.sql("INSERT INTO officer_role (officer_id, role_code) VALUES (:id, :role)")
                    .param("id", id).param("role", role).update();
        }
        operationLog.record("USER_CREATE", "officer", id, "新增用户 " + draft.username() + "，角色 " + roles);
        return id;
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
     * Grants roles as the administrator saw the account at {@code version} (a concurrent grant is refused, not
     * overwritten); nobody changes their own roles, so no administrator can widen their own power.
     */
    @Transactional
    public void grant(long id, int version, Set<String> roles) {
        if (id == CurrentOfficer.get().id()) {
            throw rule("account.rule.selfGrant");
        }
        Versioned.update(jdbc, "officer", "").by(actor()).existingRow(id, version);
        jdbc.sql("DELETE FROM officer_role WHERE officer_id = :id").param("id", id).update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO officer_role (officer_id, role_code) VALUES (:id, :role)")
                    .param("id", id).param("role", role).update();
        }
        endSessions(username(id));
        operationLog.record("USER_GRANT", "officer", id, "授予角色 " + roles);
    }

    @Transactional
    public void unlock(long id) {
        jdbc.sql("UPDATE officer SET locked_until = NULL, failed_attempts = 0 WHERE id = :id").param("id", id).update();
        operationLog.record("USER_UNLOCK", "officer", id, "解锁用户 " + username(id));
    }

    /** Resets a password to one the administrator hands over; it expires at once so the owner must change it. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        String username = username(id);
        requirePolicy(newPassword, username);
        jdbc.sql("UPDATE officer SET password_hash = :hash, password_changed_at = :epoch WHERE id = :id")
                .param("hash", encoder.encode(newPassword)).param("epoch", Timestamp.valueOf("2000-01-01 00:00:00"))
                .param("id", id).update();
        endSessions(username);
        operationLog.record("USER_RESET_PASSWORD", "officer", id, "重置密码 " + username);
    }

    /** The owner's own change: checks the old password and the policy. */
    @Transactional
    public void changePassword(String username, String oldPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM officer WHERE username = :u").param("u", username)
                .query(String.class).optional().orElseThrow(() -> rule("password.change.wrongOld"));
        if (!encoder.matches(oldPassword, hash)) {
            throw rule("password.change.wrongOld");
        }
        if (encoder.matches(newPassword, hash)) {
            throw rule("password.change.same");
        }
        requirePolicy(newPassword, username);
        jdbc.sql("UPDATE officer SET password_hash = :hash, password_changed_at = :now WHERE username = :u")
                .param("hash", encoder.encode(newPassword)).param("now", Timestamp.from(clock.instant()))
                .param("u", username).update();
        operationLog.record("PASSWORD_CHANGE", "officer", username, "修改本人密码");
    }

    private void requirePolicy(String password, String username) {
        List<MessageSourceResolvable> problems = policy.violations(password, username);
        if (!problems.isEmpty()) {
            throw new AccountRuleException(problems);
        }
    }

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
