-- Pay sheets (工资支付表), the bank's disbursements from the special account (代发流水), and the findings of the
-- worker-by-worker reconciliation. Superseded rows are kept (current = FALSE), as in the workforce tables.

CREATE TABLE payroll_line (
    id                BIGSERIAL PRIMARY KEY,
    project_id        BIGINT        NOT NULL REFERENCES project (id),
    month             DATE          NOT NULL,
    worker_id         BIGINT        NOT NULL REFERENCES worker (id),
    worker_name       VARCHAR(64)   NOT NULL,
    days_worked       INT           NOT NULL CHECK (days_worked >= 0),
    gross             NUMERIC(16, 2) NOT NULL CHECK (gross >= 0),
    deductions        NUMERIC(16, 2) CHECK (deductions >= 0),
    net               NUMERIC(16, 2) NOT NULL CHECK (net >= 0),
    pay_date          DATE          NOT NULL,
    signed            BOOLEAN,
    source_import_id  BIGINT        NOT NULL REFERENCES data_import (id),
    source_row        BIGINT        NOT NULL,
    current           BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by        VARCHAR(64)   NOT NULL DEFAULT 'system'
);
CREATE UNIQUE INDEX payroll_line_current_ux ON payroll_line (project_id, month, worker_id) WHERE current;
CREATE INDEX payroll_line_worker_ix ON payroll_line (worker_id);
CREATE INDEX payroll_line_import_ix ON payroll_line (source_import_id);
COMMENT ON TABLE payroll_line IS '工资支付表行：某项目某月某工人的应发、扣款、实发与发放日期';
COMMENT ON COLUMN payroll_line.month IS '工资月份（取当月1日）';
COMMENT ON COLUMN payroll_line.days_worked IS '出勤天数';
COMMENT ON COLUMN payroll_line.gross IS '应发工资（元）';
COMMENT ON COLUMN payroll_line.deductions IS '扣款（元）';
COMMENT ON COLUMN payroll_line.net IS '实发工资（元）';
COMMENT ON COLUMN payroll_line.pay_date IS '约定发放日期';
COMMENT ON COLUMN payroll_line.signed IS '本人签字确认';
COMMENT ON COLUMN payroll_line.current IS '属于现行版本（被更正文件替换后为否，保留备查）';

CREATE TABLE disbursement (
    id                BIGSERIAL PRIMARY KEY,
    project_id        BIGINT        NOT NULL REFERENCES project (id),
    month             DATE          NOT NULL,
    transaction_id    VARCHAR(64)   NOT NULL,
    card_cipher       TEXT          NOT NULL,
    card_hash         VARCHAR(64)   NOT NULL,
    card_masked       VARCHAR(32)   NOT NULL,
    payee_name        VARCHAR(64)   NOT NULL,
    payee_id_cipher   TEXT,
    payee_id_hash     VARCHAR(64),
    amount            NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    value_date        DATE          NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('SUCCESS', 'FAILED', 'RETURNED')),
    source_import_id  BIGINT        NOT NULL REFERENCES data_import (id),
    source_row        BIGINT        NOT NULL,
    current           BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by        VARCHAR(64)   NOT NULL DEFAULT 'system'
);
CREATE UNIQUE INDEX disbursement_current_ux ON disbursement (project_id, transaction_id) WHERE current;
CREATE INDEX disbursement_month_ix ON disbursement (project_id, month) WHERE current;
CREATE INDEX disbursement_payee_ix ON disbursement (payee_id_hash);
CREATE INDEX disbursement_card_ix ON disbursement (card_hash);
CREATE INDEX disbursement_import_ix ON disbursement (source_import_id);
COMMENT ON TABLE disbursement IS '农民工工资专用账户代发流水（银行报送）';
COMMENT ON COLUMN disbursement.month IS '工资所属月份（取当月1日），不是交易日期';
COMMENT ON COLUMN disbursement.transaction_id IS '交易流水号（同一项目内唯一）';
COMMENT ON COLUMN disbursement.card_cipher IS '收款卡号密文';
COMMENT ON COLUMN disbursement.card_hash IS '收款卡号检索哈希';
COMMENT ON COLUMN disbursement.payee_id_cipher IS '收款人身份证号密文';
COMMENT ON COLUMN disbursement.payee_id_hash IS '收款人身份证号检索哈希';
COMMENT ON COLUMN disbursement.amount IS '金额（元）';
COMMENT ON COLUMN disbursement.value_date IS '交易日期';
COMMENT ON COLUMN disbursement.status IS '状态：成功/失败/退回';

CREATE TABLE reconciliation_run (
    project_id   BIGINT      NOT NULL REFERENCES project (id),
    month        DATE        NOT NULL,
    red          INT         NOT NULL,
    orange       INT         NOT NULL,
    yellow       INT         NOT NULL,
    run_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    run_by       VARCHAR(64) NOT NULL DEFAULT 'system',
    PRIMARY KEY (project_id, month)
);
COMMENT ON TABLE reconciliation_run IS '项目月度对账：最近一次对账的时间与各级别发现数';

CREATE TABLE reconciliation_finding (
    id              BIGSERIAL PRIMARY KEY,
    project_id      BIGINT       NOT NULL REFERENCES project (id),
    month           DATE         NOT NULL,
    rule            VARCHAR(32)  NOT NULL,
    severity        VARCHAR(8)   NOT NULL CHECK (severity IN ('red', 'orange', 'yellow')),
    worker_id       BIGINT REFERENCES worker (id),
    finding_month   DATE,
    card_hash       VARCHAR(64),
    transaction_ids VARCHAR(400),
    detail          VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX reconciliation_finding_ix ON reconciliation_finding (project_id, month);
CREATE INDEX reconciliation_finding_worker_ix ON reconciliation_finding (worker_id);
COMMENT ON TABLE reconciliation_finding IS '对账发现：按项目、月份运行对账引擎（FORMATS.md 的15条规则）的结果';
COMMENT ON COLUMN reconciliation_finding.month IS '对账的月份（取当月1日）';
COMMENT ON COLUMN reconciliation_finding.finding_month IS '发现本身所属月份；身份证号、花名册等针对人或卡的发现为空';
COMMENT ON COLUMN reconciliation_finding.card_hash IS '涉及卡号的检索哈希（一卡多人、无法对应的代发）';
COMMENT ON COLUMN reconciliation_finding.transaction_ids IS '涉及的交易流水号';
COMMENT ON COLUMN reconciliation_finding.detail IS '说明（卡号、身份证号已脱敏）';

INSERT INTO permission (code, name, module) VALUES
  ('payroll:data:import',   '报送工资表与代发流水', 'payroll'),
  ('payroll:findings:view', '查看工资对账结果',     'payroll');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('CONTRACTOR', 'payroll:data:import'),
  ('BANK', 'payroll:data:import'),
  ('LABOR_INSPECTOR', 'payroll:data:import'),
  ('LEADERSHIP_OFFICE', 'payroll:findings:view'),
  ('LABOR_INSPECTOR', 'payroll:findings:view'),
  ('INDUSTRY_OFFICER', 'payroll:findings:view'),
  ('CONTRACTOR', 'payroll:findings:view');
