-- The national clue platform both ways (issue 20): the handling result of each platform clue written back in the
-- platform's clue-result form, and the ledger of what was reported when. A result is reported once per state
-- change: the unique key (case, state) refuses a second report of the same state.
CREATE TABLE platform_report_batch (
    id           BIGSERIAL PRIMARY KEY,
    made_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    made_on      DATE         NOT NULL,
    made_by      VARCHAR(64)  NOT NULL,
    region_code  VARCHAR(12)  NOT NULL REFERENCES region (code),
    exchange     VARCHAR(8)   NOT NULL CHECK (exchange IN ('FILE', 'HTTP')),
    results      INT          NOT NULL CHECK (results > 0),
    receipt      VARCHAR(400)
);
COMMENT ON TABLE platform_report_batch IS '向全国根治欠薪线索反映平台报送的一批办理结果（报送文件或接口报送一次）';
COMMENT ON COLUMN platform_report_batch.exchange IS '报送方式：FILE 报送文件（下载后上传平台）/ HTTP 平台接口';
COMMENT ON COLUMN platform_report_batch.receipt IS '平台回执（接口报送）或文件名';

CREATE TABLE platform_clue_report (
    id               BIGSERIAL PRIMARY KEY,
    batch_id         BIGINT        NOT NULL REFERENCES platform_report_batch (id),
    case_id          BIGINT        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    clue_no          VARCHAR(64)   NOT NULL,
    state            VARCHAR(12)   NOT NULL CHECK (state IN ('ACCEPTED', 'IN_PROGRESS', 'CONCLUDED')),
    accepted_on      DATE,
    concluded_on     DATE,
    outcome          VARCHAR(32),
    outcome_text     VARCHAR(100),
    amount_recovered NUMERIC(16, 2),
    workers_paid     INT,
    reply            VARCHAR(2000) NOT NULL,
    handled_by       VARCHAR(200),
    reported_on      DATE          NOT NULL,
    UNIQUE (case_id, state)
);
CREATE INDEX platform_clue_report_batch_ix ON platform_clue_report (batch_id);
COMMENT ON TABLE platform_clue_report IS '平台线索办理结果报送台账：每条线索每个办理状态报送一次（受理/办理中/办结）';
COMMENT ON COLUMN platform_clue_report.clue_no IS '平台线索编号';
COMMENT ON COLUMN platform_clue_report.reply IS '答复反映人的内容（报送时）';

INSERT INTO permission (code, name, module) VALUES
  ('casework:clue:report', '向全国根治欠薪线索反映平台报送办理结果', 'casework');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'casework:clue:report'), ('LABOR_INSPECTOR', 'casework:clue:report');
