-- The bank's statement feed (issue 20): labor-cost transfers into the special account come from the bank's data API
-- (银行报送) next to the industry officer's entry from a paper statement (手工录入); the bank also sends the account's
-- balance. Early-warning rule 7 reads both kinds of transfer from this one table.
ALTER TABLE labor_cost_transfer
    ADD COLUMN source     VARCHAR(8)   NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL', 'BANK')),
    ADD COLUMN payer_name VARCHAR(200);
COMMENT ON COLUMN labor_cost_transfer.source IS '来源：MANUAL 手工录入（行业主管部门据纸质对账单登记）/ BANK 银行报送（数据接口）';
COMMENT ON COLUMN labor_cost_transfer.payer_name IS '付款人（建设单位），银行报送时填写';
-- A bank's transaction id is recorded once per project: the same statement sent again changes nothing.
CREATE UNIQUE INDEX labor_cost_transfer_bank_ref_ux ON labor_cost_transfer (project_id, reference) WHERE source = 'BANK';

CREATE TABLE special_account_balance (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    as_of       DATE           NOT NULL,
    balance     NUMERIC(16, 2) NOT NULL CHECK (balance >= 0),
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by  VARCHAR(64)    NOT NULL DEFAULT 'system',
    UNIQUE (project_id, as_of)
);
COMMENT ON TABLE special_account_balance IS '农民工工资专用账户日终余额（银行报送）';

CREATE OR REPLACE VIEW published_labor_cost_transfer AS SELECT * FROM labor_cost_transfer;
CREATE VIEW published_account_balance AS SELECT project_id, as_of, balance FROM special_account_balance;
