CREATE TABLE portal_submission (
    id           BIGSERIAL PRIMARY KEY,
    query_code   VARCHAR(12) NOT NULL UNIQUE,
    phone_hash   VARCHAR(64) NOT NULL,
    case_id      BIGINT NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    client_address VARCHAR(64)
);
COMMENT ON TABLE portal_submission IS '劳动者门户提交的投诉举报';
COMMENT ON COLUMN portal_submission.query_code IS '查询码';
COMMENT ON COLUMN portal_submission.phone_hash IS '联系电话盲索引（查询时核对）';
COMMENT ON COLUMN portal_submission.case_id IS '登记的案件';
COMMENT ON COLUMN portal_submission.kind IS '类型：投诉/举报';
COMMENT ON COLUMN portal_submission.submitted_at IS '提交时间';
COMMENT ON COLUMN portal_submission.client_address IS '提交地址';

CREATE TABLE portal_attempt (
    id             BIGSERIAL PRIMARY KEY,
    at             TIMESTAMP NOT NULL,
    action         VARCHAR(16) NOT NULL,
    client_address VARCHAR(64) NOT NULL,
    phone_hash     VARCHAR(64),
    success        BOOLEAN NOT NULL
);
CREATE INDEX portal_attempt_address ON portal_attempt (client_address, at);
CREATE INDEX portal_attempt_phone ON portal_attempt (phone_hash, at);
COMMENT ON TABLE portal_attempt IS '门户提交与查询核验记录（限流与审计）';
COMMENT ON COLUMN portal_attempt.at IS '时间';
COMMENT ON COLUMN portal_attempt.action IS '动作：SUBMIT 提交、QUERY 查询';
COMMENT ON COLUMN portal_attempt.client_address IS '访问地址';
COMMENT ON COLUMN portal_attempt.phone_hash IS '手机号盲索引';
COMMENT ON COLUMN portal_attempt.success IS '是否成功';
