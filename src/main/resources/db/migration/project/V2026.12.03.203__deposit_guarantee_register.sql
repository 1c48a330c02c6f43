-- The register of guarantee letters (银行保函) and insurance (工程保证保险) that stand in for a cash wage deposit
-- (《工程建设领域农民工工资保证金规定》，人社部发〔2021〕65号): who issued it, its number, amount and term, how it was
-- verified with the issuer (who, when, how), and the claim made on it when the deposit would be drawn.
CREATE TABLE deposit_guarantee (
    id                   BIGSERIAL PRIMARY KEY,
    project_id           BIGINT         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    form                 VARCHAR(24)    NOT NULL CHECK (form IN ('BANK_GUARANTEE', 'INSURANCE')),
    issuer               VARCHAR(200)   NOT NULL,
    number               VARCHAR(64)    NOT NULL,
    amount               NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    valid_from           DATE           NOT NULL,
    valid_until          DATE           NOT NULL,
    lodged_on            DATE           NOT NULL,
    verified_on          DATE,
    verified_by          VARCHAR(64),
    verification_method  VARCHAR(200),
    issuer_contact       VARCHAR(200),
    verification_result  VARCHAR(400),
    claimed_on           DATE,
    claim_amount         NUMERIC(16, 2) CHECK (claim_amount > 0),
    claim_reference      VARCHAR(200),
    claim_due            DATE,
    claimed_by           VARCHAR(64),
    recorded_by          VARCHAR(64)    NOT NULL,
    recorded_at          TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version              INT            NOT NULL DEFAULT 0,
    updated_at           TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by           VARCHAR(64)    NOT NULL DEFAULT 'system',
    UNIQUE (issuer, number),
    CHECK (valid_until > valid_from),
    CHECK ((verified_on IS NULL) = (verified_by IS NULL)),
    CHECK (claim_amount IS NULL OR claim_amount <= amount)
);
CREATE INDEX deposit_guarantee_project_ix ON deposit_guarantee (project_id);
COMMENT ON TABLE deposit_guarantee IS '工资保证金保函与保险登记簿（人社部发〔2021〕65号）：出具机构、编号、金额、期限、向出具机构核实、索赔';
COMMENT ON COLUMN deposit_guarantee.form IS '形式：银行保函/工程保证保险';
COMMENT ON COLUMN deposit_guarantee.issuer IS '出具机构（银行、保险公司）';
COMMENT ON COLUMN deposit_guarantee.number IS '保函编号或保单号';
COMMENT ON COLUMN deposit_guarantee.amount IS '担保金额（元）';
COMMENT ON COLUMN deposit_guarantee.valid_from IS '有效期起';
COMMENT ON COLUMN deposit_guarantee.valid_until IS '有效期至';
COMMENT ON COLUMN deposit_guarantee.lodged_on IS '提交日期（保函正本交存之日，即存储之日）';
COMMENT ON COLUMN deposit_guarantee.verified_on IS '向出具机构核实的日期';
COMMENT ON COLUMN deposit_guarantee.verified_by IS '核实人（账号）';
COMMENT ON COLUMN deposit_guarantee.verification_method IS '核实方式（如致电出具行、书面函证、出具机构查验平台）';
COMMENT ON COLUMN deposit_guarantee.issuer_contact IS '出具机构核实联系人及电话';
COMMENT ON COLUMN deposit_guarantee.verification_result IS '核实结果';
COMMENT ON COLUMN deposit_guarantee.claimed_on IS '索赔日期（动用工资保证金时向出具机构索赔）';
COMMENT ON COLUMN deposit_guarantee.claim_amount IS '索赔金额（元）';
COMMENT ON COLUMN deposit_guarantee.claim_reference IS '索赔依据（逾期未履行的限期改正指令书文号）';
COMMENT ON COLUMN deposit_guarantee.claim_due IS '出具机构应付款日期（索赔后5个工作日，按工作日历）';
