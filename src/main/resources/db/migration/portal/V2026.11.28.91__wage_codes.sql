-- One-time codes with which a worker opens their own wage records on the portal (ID number + name + code sent to the
-- phone on file). Only a salted hash of a code is kept.
CREATE TABLE portal_wage_code (
    id             BIGSERIAL PRIMARY KEY,
    worker_id      BIGINT       NOT NULL REFERENCES worker (id),
    salt           VARCHAR(32)  NOT NULL,
    code_hash      VARCHAR(64)  NOT NULL,
    expires_at     TIMESTAMP    NOT NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    used_at        TIMESTAMP,
    client_address VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMP    NOT NULL
);
CREATE INDEX portal_wage_code_worker ON portal_wage_code (worker_id, created_at DESC);
COMMENT ON TABLE portal_wage_code IS '劳动者查询本人工资记录的短信验证码（只存加盐摘要）';
COMMENT ON COLUMN portal_wage_code.worker_id IS '劳动者';
COMMENT ON COLUMN portal_wage_code.salt IS '盐值';
COMMENT ON COLUMN portal_wage_code.code_hash IS '验证码摘要';
COMMENT ON COLUMN portal_wage_code.expires_at IS '失效时间';
COMMENT ON COLUMN portal_wage_code.attempts IS '已核验次数';
COMMENT ON COLUMN portal_wage_code.used_at IS '使用时间';
COMMENT ON COLUMN portal_wage_code.client_address IS '申请地址';
COMMENT ON COLUMN portal_wage_code.created_at IS '发送时间';
COMMENT ON COLUMN portal_attempt.phone_hash IS '手机号或身份证号盲索引（限流）';
