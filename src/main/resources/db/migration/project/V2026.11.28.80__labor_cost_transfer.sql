-- Owner → special account transfers of labor cost (人工费用拨付, Decree 724 Art. 24), which early-warning rule 7
-- compares with the contract's monthly schedule.
CREATE TABLE labor_cost_transfer (
    id           BIGSERIAL PRIMARY KEY,
    project_id   BIGINT        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    month        DATE          NOT NULL,
    transferred_on DATE        NOT NULL,
    amount       NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    reference    VARCHAR(64),
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by   VARCHAR(64)   NOT NULL DEFAULT 'system'
);
CREATE INDEX labor_cost_transfer_project_ix ON labor_cost_transfer (project_id, month);
COMMENT ON TABLE labor_cost_transfer IS '人工费用拨付记录（建设单位拨入农民工工资专用账户）';
COMMENT ON COLUMN labor_cost_transfer.month IS '所属月份（对应拨付计划的月份）';
COMMENT ON COLUMN labor_cost_transfer.transferred_on IS '到账日期';
COMMENT ON COLUMN labor_cost_transfer.amount IS '拨付金额（元）';
COMMENT ON COLUMN labor_cost_transfer.reference IS '银行流水号';
