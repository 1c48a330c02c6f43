-- Retention (issue 21): the login and operation logs stay append-only, except one change: the retention job may
-- anonymise a row (username, officer, address, browser removed) once it is older than the six months of
-- 《网络安全法》第二十一条第（三）项, inside a transaction that declared itself with SET LOCAL wageguard.retention = 'on'.
-- Nothing else of a row may change, and no row may ever be deleted.
ALTER TABLE login_log ADD COLUMN anonymised_at TIMESTAMPTZ;
ALTER TABLE operation_log ADD COLUMN anonymised_at TIMESTAMPTZ;
COMMENT ON COLUMN login_log.anonymised_at IS '匿名化时间（超过保存期限后去除账号、地址与浏览器，保存不少于六个月）';
COMMENT ON COLUMN operation_log.anonymised_at IS '匿名化时间（超过保存期限后去除账号与地址，保存不少于六个月）';

CREATE FUNCTION audit_append_only_or_anonymise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND coalesce(current_setting('wageguard.retention', true), '') = 'on'
       AND OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL
       AND OLD.at < now() - INTERVAL '6 months'
       AND NEW.id = OLD.id AND NEW.at = OLD.at THEN
        IF TG_TABLE_NAME = 'login_log' THEN
            IF NEW.success IS DISTINCT FROM OLD.success OR NEW.reason IS DISTINCT FROM OLD.reason THEN
                RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_TABLE_NAME;
            END IF;
        ELSIF NEW.action IS DISTINCT FROM OLD.action OR NEW.target_type IS DISTINCT FROM OLD.target_type
              OR NEW.target_id IS DISTINCT FROM OLD.target_id OR NEW.detail IS DISTINCT FROM OLD.detail
              OR NEW.result IS DISTINCT FROM OLD.result THEN
            RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_TABLE_NAME;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_TABLE_NAME;
END;
$$;
DROP TRIGGER login_log_append_only ON login_log;
CREATE TRIGGER login_log_append_only BEFORE UPDATE OR DELETE ON login_log
    FOR EACH ROW EXECUTE FUNCTION audit_append_only_or_anonymise();
DROP TRIGGER operation_log_append_only ON operation_log;
CREATE TRIGGER operation_log_append_only BEFORE UPDATE OR DELETE ON operation_log
    FOR EACH ROW EXECUTE FUNCTION audit_append_only_or_anonymise();
