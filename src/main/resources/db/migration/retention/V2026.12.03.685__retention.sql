-- Retention as the law says (issue 21): each region's keeping per kind of record (never below the legal minimum,
-- checked by the service with a Chinese message and here), the term within which a deletion request is answered,
-- the nightly runs and what they anonymised, and the workers' deletion requests (《个人信息保护法》第四十七条).

CREATE TABLE retention_policy (
    region_code  VARCHAR(12)  NOT NULL REFERENCES region (code),
    kind         VARCHAR(24)  NOT NULL,
    keep_months  INT          NOT NULL CHECK (keep_months BETWEEN 0 AND 1200),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (region_code, kind),
    CONSTRAINT retention_policy_legal_minimum CHECK (
        keep_months >= CASE kind WHEN 'PAY_LEDGER' THEN 36 WHEN 'ATTENDANCE' THEN 36 WHEN 'ROSTER' THEN 36
                                  WHEN 'NETWORK_LOG' THEN 6 WHEN 'PORTAL_VERIFICATION' THEN 6
                                  WHEN 'CASE_FILE' THEN 120 ELSE 0 END)
);
COMMENT ON TABLE retention_policy IS '各区划各类记录的保存期限（月），不得低于法定最短期限；超过后个人信息匿名化';

CREATE TABLE retention_region_setting (
    region_code   VARCHAR(12) PRIMARY KEY REFERENCES region (code),
    answer_days   INT         NOT NULL CHECK (answer_days BETWEEN 1 AND 30),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by    VARCHAR(64) NOT NULL
);
COMMENT ON TABLE retention_region_setting IS '本区划答复个人信息删除请求的期限（工作日，地区决定，默认15个工作日）';

CREATE TABLE retention_run (
    id          BIGSERIAL   PRIMARY KEY,
    run_on      DATE        NOT NULL,
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('NIGHTLY', 'MANUAL')),
    started_at  TIMESTAMPTZ NOT NULL,
    run_by      VARCHAR(64) NOT NULL
);
CREATE INDEX retention_run_started_ix ON retention_run (started_at DESC);
COMMENT ON TABLE retention_run IS '保存期限执行记录（每晚一次或管理员立即执行）';

CREATE TABLE retention_run_item (
    run_id      BIGINT      NOT NULL REFERENCES retention_run (id),
    kind        VARCHAR(24) NOT NULL,
    cutoffs     VARCHAR(2000) NOT NULL,
    anonymised  INT         NOT NULL CHECK (anonymised >= 0),
    PRIMARY KEY (run_id, kind)
);
COMMENT ON TABLE retention_run_item IS '每次执行中每类记录的截止日期与匿名化条数';
COMMENT ON COLUMN retention_run_item.cutoffs IS '截止日期：早于此日期的记录已匿名化（按区划）';

CREATE TABLE erasure_request (
    id             BIGSERIAL    PRIMARY KEY,
    worker_id      BIGINT       NOT NULL,
    region_code    VARCHAR(12)  NOT NULL REFERENCES region (code),
    channel        VARCHAR(12)  NOT NULL CHECK (channel IN ('PORTAL', 'OFFICER')),
    received_on    DATE         NOT NULL,
    due_on         DATE         NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    status         VARCHAR(12)  NOT NULL CHECK (status IN ('PENDING', 'CARRIED_OUT', 'REFUSED')),
    answered_on    DATE,
    answered_by    VARCHAR(64),
    answer         VARCHAR(2000),
    anonymised     INT
);
CREATE INDEX erasure_request_worker_ix ON erasure_request (worker_id);
CREATE INDEX erasure_request_region_ix ON erasure_request (region_code, received_on DESC);
COMMENT ON TABLE erasure_request IS '劳动者删除个人信息的请求（个人信息保护法第四十七条）及答复：已删除（匿名化）或不予删除及法律依据';
COMMENT ON COLUMN erasure_request.worker_id IS '劳动者（匿名化后仅余编号）';
COMMENT ON COLUMN erasure_request.due_on IS '答复期限（收到之日起本区划规定的工作日数）';

INSERT INTO permission (code, name, module) VALUES
  ('retention:policy:manage', '设置保存期限、查看执行记录', 'retention'),
  ('retention:erasure:handle', '登记和答复劳动者删除个人信息请求', 'retention');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('SYSTEM_ADMIN', 'retention:policy:manage'),
  ('LABOR_INSPECTOR', 'retention:erasure:handle');
