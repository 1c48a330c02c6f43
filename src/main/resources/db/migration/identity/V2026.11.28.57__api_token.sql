-- API tokens for the data feeds of banks and contractors: issued by the administrator to an organisation's
-- account, shown once, stored only as a hash, revocable; every use is logged.
CREATE TABLE api_token (
    id           BIGSERIAL PRIMARY KEY,
    officer_id   BIGINT       NOT NULL REFERENCES officer (id),
    label        VARCHAR(100) NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by   VARCHAR(64)  NOT NULL,
    revoked_at   TIMESTAMPTZ,
    revoked_by   VARCHAR(64),
    last_used_at TIMESTAMPTZ
);
COMMENT ON TABLE api_token IS '数据接口令牌：按机构账号签发（银行、总包单位），仅签发时显示一次，库中只存摘要，可吊销';
COMMENT ON COLUMN api_token.officer_id IS '令牌代表的机构账号（其角色与数据范围即令牌的权限）';
COMMENT ON COLUMN api_token.token_prefix IS '令牌前缀，用于识别，不足以使用';
COMMENT ON COLUMN api_token.token_hash IS '令牌的 SHA-256 摘要';

CREATE TABLE api_token_use (
    id        BIGSERIAL PRIMARY KEY,
    token_id  BIGINT       REFERENCES api_token (id),
    at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    method    VARCHAR(8)   NOT NULL,
    path      VARCHAR(300) NOT NULL,
    status    INT          NOT NULL,
    remote    VARCHAR(64)
);
CREATE INDEX api_token_use_token_ix ON api_token_use (token_id, at);
COMMENT ON TABLE api_token_use IS '数据接口调用日志：每次调用（含令牌无效的调用）一行';

CREATE OR REPLACE FUNCTION api_token_use_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '接口调用日志只能追加，不能修改或删除';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER api_token_use_no_change BEFORE UPDATE OR DELETE ON api_token_use
    FOR EACH ROW EXECUTE FUNCTION api_token_use_append_only();

INSERT INTO permission (code, name, module) VALUES ('identity:token:manage', '签发、吊销数据接口令牌', 'identity');
INSERT INTO role_permission (role_code, permission_code) VALUES ('SYSTEM_ADMIN', 'identity:token:manage');
