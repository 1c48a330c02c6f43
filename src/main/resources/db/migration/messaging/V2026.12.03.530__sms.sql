-- SMS that reaches people (issue 20): every text message the system sends or means to send — one-time codes of the
-- portal, notices to complainants, workers and officers — with its status, its attempts and the gateway's answer.
-- The phone is kept as the other personal numbers are: masked for display, encrypted, and a keyed hash to count
-- the messages to one phone (the rate limit) without decrypting.
CREATE TABLE sms_message (
    id              BIGSERIAL    PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    recipient_kind  VARCHAR(16)  NOT NULL CHECK (recipient_kind IN ('WORKER', 'COMPLAINANT', 'OFFICER', 'VISITOR')),
    recipient_ref   VARCHAR(64),
    phone_masked    VARCHAR(32)  NOT NULL,
    phone_cipher    TEXT         NOT NULL,
    phone_hash      VARCHAR(64)  NOT NULL,
    template_id     VARCHAR(64),
    params          TEXT         NOT NULL DEFAULT '{}',
    body            VARCHAR(500) NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED')),
    reason          VARCHAR(32),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    gateway_answer  VARCHAR(500),
    region_code     VARCHAR(12),
    department_id   BIGINT       REFERENCES department (id),
    source_key      VARCHAR(200) UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sms_message_due_ix ON sms_message (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX sms_message_phone_ix ON sms_message (phone_hash, sent_at);
CREATE INDEX sms_message_created_ix ON sms_message (created_at DESC, id DESC);
COMMENT ON TABLE sms_message IS '短信发送记录：验证码与各类提醒短信，含状态、发送次数与短信平台的应答';
COMMENT ON COLUMN sms_message.kind IS '短信类别（验证码、受理、交办、发放、工资到账、代发失败、交办提醒、红色预警）';
COMMENT ON COLUMN sms_message.recipient_kind IS '接收人类别：WORKER 农民工，COMPLAINANT 投诉人，OFFICER 工作人员，VISITOR 门户访客';
COMMENT ON COLUMN sms_message.recipient_ref IS '接收人所指记录（如 worker:12、case:34、officer:5）';
COMMENT ON COLUMN sms_message.phone_masked IS '手机号（脱敏）';
COMMENT ON COLUMN sms_message.phone_cipher IS '手机号密文';
COMMENT ON COLUMN sms_message.phone_hash IS '手机号检索哈希（按手机号限频）';
COMMENT ON COLUMN sms_message.template_id IS '短信平台的模板编号';
COMMENT ON COLUMN sms_message.params IS '模板参数（验证码不保存）';
COMMENT ON COLUMN sms_message.body IS '短信正文（验证码以星号代替）';
COMMENT ON COLUMN sms_message.status IS 'QUEUED 待发送，SENT 已发送，FAILED 发送失败，SUPPRESSED 未发送（本人退订等）';
COMMENT ON COLUMN sms_message.reason IS '待发或未发的原因：QUIET_HOURS 夜间暂缓，RATE_LIMITED 限频暂缓，RETRY 失败待重发，OPTED_OUT 本人退订，GATEWAY 短信平台拒绝或不可达';
COMMENT ON COLUMN sms_message.attempts IS '已尝试发送次数';
COMMENT ON COLUMN sms_message.next_attempt_at IS '下次发送时间';
COMMENT ON COLUMN sms_message.gateway_answer IS '短信平台最近一次的应答';
COMMENT ON COLUMN sms_message.department_id IS '负责部门：发送失败时通知该部门';
COMMENT ON COLUMN sms_message.source_key IS '触发事件的标识：同一事件只发一次';

-- A worker who does not want the wage notices (工资到账提醒).
CREATE TABLE sms_worker_opt_out (
    worker_id      BIGINT      PRIMARY KEY REFERENCES worker (id),
    opted_out_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    opted_out_by   VARCHAR(64) NOT NULL
);
COMMENT ON TABLE sms_worker_opt_out IS '退订工资到账提醒的农民工';

-- An officer's choice: text messages when an assignment or a red alert reaches them (none unless chosen).
CREATE TABLE sms_officer_preference (
    officer_id   BIGINT      PRIMARY KEY REFERENCES officer (id),
    assignments  BOOLEAN     NOT NULL DEFAULT FALSE,
    red_alerts   BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE sms_officer_preference IS '工作人员的短信提醒设置：交办事项、红色预警';

INSERT INTO permission (code, name, module) VALUES ('messaging:sms:view', '查看短信发送记录', 'messaging');
-- The offices that handle the matters and the wages the messages are about, each within its data scope: the
-- leadership office and labor inspection (region), an industry department (the messages its department answers for,
-- whose failures it is told of). Not the three administrators: the messages are about complaints and wages.
INSERT INTO role_permission (role_code, permission_code) VALUES ('LEADERSHIP_OFFICE', 'messaging:sms:view'),
    ('LABOR_INSPECTOR', 'messaging:sms:view'), ('INDUSTRY_OFFICER', 'messaging:sms:view');
