-- A special wage account (农民工工资专用账户) is bound to the bank organisation that holds it: the branch's employer
-- record, by credit code, with the account number. A bank's officers send disbursements and see special-account
-- data only for the accounts currently bound to their organisation. The binding is set by the project's industry
-- department, or proposed by the contractor and confirmed by the industry department or by the bank itself; never
-- by the contractor alone. Every binding is kept: who proposed it, who confirmed it, from when until when.
CREATE TABLE special_account_binding (
    id                BIGSERIAL PRIMARY KEY,
    project_id        BIGINT       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    bank_employer_id  BIGINT       NOT NULL REFERENCES employer (id),
    bank_credit_code  VARCHAR(18)  NOT NULL,
    bank_name         VARCHAR(128) NOT NULL,
    account_number    VARCHAR(40)  NOT NULL,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN')),
    proposed_by       VARCHAR(64)  NOT NULL,
    proposed_role     VARCHAR(32)  NOT NULL,
    proposed_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decided_by        VARCHAR(64),
    decided_role      VARCHAR(32),
    decided_at        TIMESTAMPTZ,
    valid_from        TIMESTAMPTZ,
    valid_to          TIMESTAMPTZ,
    ended_by          VARCHAR(64),
    note              VARCHAR(400),
    CONSTRAINT special_account_binding_confirmed_ck
        CHECK ((status = 'CONFIRMED') = (valid_from IS NOT NULL AND decided_by IS NOT NULL)),
    CONSTRAINT special_account_binding_period_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- At most one binding in force and one proposal waiting per project.
CREATE UNIQUE INDEX special_account_binding_current_uq ON special_account_binding (project_id)
    WHERE status = 'CONFIRMED' AND valid_to IS NULL;
CREATE UNIQUE INDEX special_account_binding_pending_uq ON special_account_binding (project_id)
    WHERE status = 'PROPOSED';
CREATE INDEX special_account_binding_bank_ix ON special_account_binding (bank_credit_code, status);
COMMENT ON TABLE special_account_binding IS '农民工工资专用账户与开户银行（网点）的绑定及其历史';
COMMENT ON COLUMN special_account_binding.bank_employer_id IS '开户银行网点的用人单位记录';
COMMENT ON COLUMN special_account_binding.bank_credit_code IS '开户银行网点的统一社会信用代码（代发银行账号的机构代码须与之相同）';
COMMENT ON COLUMN special_account_binding.bank_name IS '开户银行网点名称（绑定时）';
COMMENT ON COLUMN special_account_binding.account_number IS '专用账户账号';
COMMENT ON COLUMN special_account_binding.status IS '状态：待确认/已确认/已退回/已撤回（被新的申请取代）';
COMMENT ON COLUMN special_account_binding.proposed_by IS '提出（或直接设定）人';
COMMENT ON COLUMN special_account_binding.proposed_role IS '提出人的角色：总包劳资专管员/行业主管部门';
COMMENT ON COLUMN special_account_binding.decided_by IS '确认或退回人（行业主管部门或开户银行）';
COMMENT ON COLUMN special_account_binding.decided_role IS '确认或退回人的角色';
COMMENT ON COLUMN special_account_binding.valid_from IS '生效时间（确认时）';
COMMENT ON COLUMN special_account_binding.valid_to IS '失效时间（被新的绑定取代时）；空为现行绑定';
COMMENT ON COLUMN special_account_binding.ended_by IS '使其失效的人（确认新绑定者）';
COMMENT ON COLUMN special_account_binding.note IS '说明或退回理由';

INSERT INTO permission (code, name, module) VALUES
  ('project:account:bind',    '设定和确认专用账户的开户银行绑定', 'project'),
  ('project:account:propose', '提出专用账户的开户银行绑定申请',   'project'),
  ('project:account:confirm', '确认本行专用账户绑定、查看本行专用账户', 'project');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('INDUSTRY_OFFICER', 'project:account:bind'),
  ('CONTRACTOR', 'project:account:propose'),
  ('BANK', 'project:account:confirm')
ON CONFLICT DO NOTHING;
UPDATE role SET description = '上传绑定到本行的专用账户的代发流水，确认本行的专用账户绑定' WHERE code = 'BANK';
