-- 三员分立 (GB/T 22239-2019, level 3): the system administrator manages accounts and passwords, the security
-- administrator grants business roles, the audit administrator reads the logs; no account holds two of them.

ALTER TABLE officer ADD COLUMN password_must_change BOOLEAN NOT NULL DEFAULT FALSE;
COMMENT ON COLUMN officer.password_must_change IS '一次性密码：下次登录须先修改密码（管理员新建账号或重置密码后）';

-- Resetting a password is the system administrator's, with a permission of its own; unlocking moves to the
-- system administrator too. The security administrator sets no password.
INSERT INTO permission (code, name, module) VALUES ('identity:user:reset', '重置用户密码（一次性密码）', 'identity');
DELETE FROM role_permission WHERE role_code = 'SECURITY_ADMIN' AND permission_code = 'identity:user:unlock';
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('SYSTEM_ADMIN', 'identity:user:unlock'),
  ('SYSTEM_ADMIN', 'identity:user:reset')
ON CONFLICT DO NOTHING;

UPDATE role SET description = '新建、修改、停用和解锁账号，重置密码（一次性密码）；管理部门与代码表；不授予角色，不能查看审计日志'
 WHERE code = 'SYSTEM_ADMIN';
UPDATE role SET description = '授予和收回业务角色、配置业务角色的权限；不授予管理员角色，不设置密码'
 WHERE code = 'SECURITY_ADMIN';
UPDATE role SET description = '只查阅登录日志与操作日志；日志不可修改'
 WHERE code = 'AUDIT_ADMIN';

-- An account that holds an administrator role holds no other role, whatever writes to officer_role.
CREATE FUNCTION officer_role_separation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One writer at a time per officer, so that two concurrent grants cannot each miss the other.
    PERFORM 1 FROM officer WHERE id = NEW.officer_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM officer_role x
                WHERE x.officer_id = NEW.officer_id AND x.role_code <> NEW.role_code
                  AND (x.role_code IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')
                       OR NEW.role_code IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'))) THEN
        RAISE EXCEPTION '三员分立：系统管理员、安全管理员、审计管理员的角色不能与其他角色同在一个账号（用户 %，角色 %）',
            NEW.officer_id, NEW.role_code USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER officer_role_separation BEFORE INSERT OR UPDATE ON officer_role
    FOR EACH ROW EXECUTE FUNCTION officer_role_separation();

-- An installation that already combined them is told which accounts to split before it starts.
DO $$
DECLARE combined TEXT;
BEGIN
    SELECT string_agg(o.username, ', ') INTO combined FROM officer o
     WHERE EXISTS (SELECT 1 FROM officer_role a WHERE a.officer_id = o.id
                      AND a.role_code IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'))
       AND (SELECT count(*) FROM officer_role b WHERE b.officer_id = o.id) > 1;
    IF combined IS NOT NULL THEN
        RAISE EXCEPTION '三员分立：以下账号同时持有管理员角色和其他角色，请先拆分：%', combined;
    END IF;
END;
$$;
