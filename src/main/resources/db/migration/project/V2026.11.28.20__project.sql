-- Projects under construction (在建工程项目) and their "一金三制" compliance items, evidence and history,
-- the wage-deposit ledger and the region parameters of the deposit rate.

CREATE TABLE project (
    id                     BIGSERIAL PRIMARY KEY,
    code                   VARCHAR(40)  NOT NULL UNIQUE,
    name                   VARCHAR(200) NOT NULL,
    region_code            VARCHAR(12)  NOT NULL REFERENCES region (code),
    department_id          BIGINT       NOT NULL REFERENCES department (id),
    owner_id               BIGINT       NOT NULL REFERENCES employer (id),
    general_contractor_id  BIGINT       NOT NULL REFERENCES employer (id),
    contractor_code        VARCHAR(18)  NOT NULL,
    address                VARCHAR(200),
    wage_officer_name      VARCHAR(64),
    wage_officer_phone     VARCHAR(200),
    government_invested    BOOLEAN      NOT NULL DEFAULT FALSE,
    contract_value         NUMERIC(16, 2) NOT NULL CHECK (contract_value >= 0),
    planned_labor_cost     NUMERIC(16, 2) CHECK (planned_labor_cost >= 0),
    contract_date          DATE         NOT NULL,
    start_date             DATE,
    planned_completion     DATE,
    status                 VARCHAR(24)  NOT NULL CHECK (status IN ('UNDER_CONSTRUCTION', 'SUSPENDED', 'COMPLETED', 'DELIVERED')),
    version                INT          NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by             VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by             VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE INDEX project_department_ix ON project (department_id);
CREATE INDEX project_contractor_ix ON project (contractor_code);
CREATE INDEX project_region_ix ON project (region_code);
COMMENT ON TABLE project IS '在建工程项目';
COMMENT ON COLUMN project.code IS '项目编号';
COMMENT ON COLUMN project.department_id IS '行业主管部门';
COMMENT ON COLUMN project.owner_id IS '建设单位';
COMMENT ON COLUMN project.general_contractor_id IS '施工总承包单位';
COMMENT ON COLUMN project.contractor_code IS '施工总承包单位统一社会信用代码（数据权限：本单位）';
COMMENT ON COLUMN project.wage_officer_name IS '劳资专管员';
COMMENT ON COLUMN project.wage_officer_phone IS '劳资专管员手机号（密文）';
COMMENT ON COLUMN project.government_invested IS '政府投资项目（不得由施工单位垫资）';
COMMENT ON COLUMN project.contract_value IS '合同价款（元）';
COMMENT ON COLUMN project.planned_labor_cost IS '人工费用总额（元）';
COMMENT ON COLUMN project.status IS '状态：在建/停工/竣工/交付';

CREATE TABLE project_subcontractor (
    project_id    BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    employer_id   BIGINT NOT NULL REFERENCES employer (id),
    scope_of_work VARCHAR(200),
    PRIMARY KEY (project_id, employer_id)
);
COMMENT ON TABLE project_subcontractor IS '分包单位';

CREATE TABLE project_team (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name        VARCHAR(64) NOT NULL,
    leader_name VARCHAR(64),
    employer_id BIGINT REFERENCES employer (id),
    UNIQUE (project_id, name)
);
COMMENT ON TABLE project_team IS '班组';

CREATE TABLE labor_cost_schedule (
    project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    month      DATE   NOT NULL,
    amount     NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (project_id, month)
);
COMMENT ON TABLE labor_cost_schedule IS '人工费用按月拨付计划（月份取当月1日）';

CREATE TABLE compliance_item (
    id                 BIGSERIAL PRIMARY KEY,
    project_id         BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    kind               VARCHAR(24) NOT NULL CHECK (kind IN ('SPECIAL_ACCOUNT', 'WAGE_DEPOSIT', 'REAL_NAME', 'BANK_PAYROLL', 'NOTICE_BOARD', 'PAYMENT_GUARANTEE')),
    status             VARCHAR(16) NOT NULL CHECK (status IN ('PRESENT', 'MISSING', 'EXPIRED', 'NOT_APPLICABLE')),
    status_reason      VARCHAR(400),
    flagged            BOOLEAN     NOT NULL DEFAULT FALSE,
    not_applicable     BOOLEAN     NOT NULL DEFAULT FALSE,
    established_on     DATE,
    valid_until        DATE,
    amount             NUMERIC(16, 2),
    form               VARCHAR(24),
    bank_name          VARCHAR(100),
    account_number     VARCHAR(40),
    roster_kept        BOOLEAN     NOT NULL DEFAULT FALSE,
    board_pay_day      VARCHAR(40),
    board_minimum_wage VARCHAR(40),
    board_hotline      VARCHAR(60),
    note               VARCHAR(400),
    version            INT         NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by         VARCHAR(64) NOT NULL DEFAULT 'system',
    UNIQUE (project_id, kind)
);
COMMENT ON TABLE compliance_item IS '一金三制等合规事项（专用账户、工资保证金、实名制、银行代发、维权告示牌、工程款支付担保）';
COMMENT ON COLUMN compliance_item.status IS '状态：在位/缺失/过期/不适用（由事实计算）';
COMMENT ON COLUMN compliance_item.flagged IS '需关注（如专户开设逾期、保证金不足）';
COMMENT ON COLUMN compliance_item.established_on IS '开户/缴存/公示/签约/出具日期';
COMMENT ON COLUMN compliance_item.form IS '形式：现金、银行保函、保证保险等';
COMMENT ON COLUMN compliance_item.board_pay_day IS '告示牌：工资支付日';
COMMENT ON COLUMN compliance_item.board_minimum_wage IS '告示牌：当地最低工资标准';
COMMENT ON COLUMN compliance_item.board_hotline IS '告示牌：举报投诉电话';

CREATE TABLE compliance_history (
    id          BIGSERIAL PRIMARY KEY,
    item_id     BIGINT      NOT NULL REFERENCES compliance_item (id) ON DELETE CASCADE,
    status_from VARCHAR(16),
    status_to   VARCHAR(16) NOT NULL,
    summary     VARCHAR(400),
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    by_username VARCHAR(64) NOT NULL
);
COMMENT ON TABLE compliance_history IS '合规事项变更记录';

CREATE TABLE compliance_evidence (
    id           BIGSERIAL PRIMARY KEY,
    item_id      BIGINT       NOT NULL REFERENCES compliance_item (id) ON DELETE CASCADE,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   INT          NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    uploaded_by  VARCHAR(64)  NOT NULL
);
COMMENT ON TABLE compliance_evidence IS '合规事项佐证材料（照片、PDF），按内容识别类型';

CREATE TABLE deposit_parameter (
    id                        BIGSERIAL PRIMARY KEY,
    region_code               VARCHAR(12)   NOT NULL REFERENCES region (code),
    effective_from            DATE          NOT NULL,
    base_rate                 NUMERIC(6, 4) NOT NULL CHECK (base_rate BETWEEN 0.01 AND 0.03),
    multi_project_rate        NUMERIC(6, 4) NOT NULL CHECK (multi_project_rate >= 0.005),
    multi_project_threshold   INT           NOT NULL CHECK (multi_project_threshold >= 2),
    exempt_below              NUMERIC(16, 2) NOT NULL CHECK (exempt_below >= 0),
    clean_two_years_factor    NUMERIC(6, 4) NOT NULL,
    arrears_factor            NUMERIC(6, 4) NOT NULL CHECK (arrears_factor >= 1.5),
    blacklist_factor          NUMERIC(6, 4) NOT NULL CHECK (blacklist_factor >= 2),
    created_at                TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by                VARCHAR(64)   NOT NULL DEFAULT 'system',
    UNIQUE (region_code, effective_from)
);
COMMENT ON TABLE deposit_parameter IS '工资保证金比例参数（人社部发〔2021〕65号），按区划、按生效日期';
COMMENT ON COLUMN deposit_parameter.base_rate IS '存储比例（合同价款的1%-3%）';
COMMENT ON COLUMN deposit_parameter.multi_project_rate IS '同一区域多个在建项目的施工总承包单位适用的比例（不低于0.5%）';
COMMENT ON COLUMN deposit_parameter.exempt_below IS '合同价款低于此数额的工程免于存储（元）';
COMMENT ON COLUMN deposit_parameter.clean_two_years_factor IS '连续2年未发生欠薪的调整系数（减半为0.5）';
COMMENT ON COLUMN deposit_parameter.arrears_factor IS '前2年发生欠薪的上浮系数（不低于1.5）';
COMMENT ON COLUMN deposit_parameter.blacklist_factor IS '列入失信联合惩戒名单的上浮系数（不低于2）';

-- Hunan's practice as the default for the whole province (430000 covers its counties).
INSERT INTO deposit_parameter (region_code, effective_from, base_rate, multi_project_rate, multi_project_threshold,
    exempt_below, clean_two_years_factor, arrears_factor, blacklist_factor)
VALUES ('430000', '2021-11-01', 0.0200, 0.0050, 2, 1000000.00, 0.5000, 1.5000, 2.0000);

CREATE TABLE wage_deposit_movement (
    id            BIGSERIAL PRIMARY KEY,
    project_id    BIGINT       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    kind          VARCHAR(16)  NOT NULL CHECK (kind IN ('DEPOSIT', 'DRAW', 'TOP_UP', 'RETURN')),
    amount        NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    occurred_on   DATE         NOT NULL,
    due_on        DATE,
    reference     VARCHAR(200),
    note          VARCHAR(400),
    recorded_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recorded_by   VARCHAR(64)  NOT NULL
);
COMMENT ON TABLE wage_deposit_movement IS '工资保证金台账：缴存、动用支付工资、补足、退还';
COMMENT ON COLUMN wage_deposit_movement.due_on IS '动用：应在5个工作日内支付给农民工；补足：应在10个工作日内补足';
COMMENT ON COLUMN wage_deposit_movement.reference IS '动用依据（逾期未履行的限期改正指令书）';

INSERT INTO permission (code, name, module) VALUES
  ('project:project:view',     '查看在建项目',       'project'),
  ('project:project:edit',     '登记和修改在建项目', 'project'),
  ('project:compliance:edit',  '登记合规事项',       'project'),
  ('project:deposit:manage',   '管理工资保证金台账', 'project'),
  ('project:deposit:parameter','设置保证金比例参数', 'project');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'project:project:view'),
  ('LEADERSHIP_OFFICE', 'project:deposit:parameter'),
  ('LABOR_INSPECTOR', 'project:project:view'),
  ('LABOR_INSPECTOR', 'project:compliance:edit'),
  ('LABOR_INSPECTOR', 'project:deposit:manage'),
  ('INDUSTRY_OFFICER', 'project:project:view'),
  ('INDUSTRY_OFFICER', 'project:project:edit'),
  ('INDUSTRY_OFFICER', 'project:compliance:edit'),
  ('INDUSTRY_OFFICER', 'project:deposit:manage'),
  ('CONTRACTOR', 'project:project:view'),
  ('CONTRACTOR', 'project:compliance:edit');
