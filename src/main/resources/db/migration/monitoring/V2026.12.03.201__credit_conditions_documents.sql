-- The listing condition of MOHRSS Decree 45 Art. 5, checked and recorded on the proposal; the numbers of the prior
-- notice (事先告知书) and the listing decision (列入决定书).
ALTER TABLE credit_proposal ADD COLUMN ground VARCHAR(20)
    CHECK (ground IN ('AMOUNT_STANDARD', 'MASS_INCIDENT', 'EXTREME_INCIDENT'));
ALTER TABLE credit_proposal ADD COLUMN arrears_amount NUMERIC(14, 2);
ALTER TABLE credit_proposal ADD COLUMN arrears_workers INT CHECK (arrears_workers >= 0);
ALTER TABLE credit_proposal ADD COLUMN one_worker_amount NUMERIC(14, 2) CHECK (one_worker_amount >= 0);
ALTER TABLE credit_proposal ADD COLUMN one_worker_months INT CHECK (one_worker_months >= 0);
ALTER TABLE credit_proposal ADD COLUMN incident_on DATE;
ALTER TABLE credit_proposal ADD COLUMN incident VARCHAR(1000);
ALTER TABLE credit_proposal ADD COLUMN condition_basis VARCHAR(1000);
ALTER TABLE credit_proposal ADD COLUMN notice_number VARCHAR(60);
ALTER TABLE credit_proposal ADD COLUMN decision_number VARCHAR(60);
COMMENT ON COLUMN credit_proposal.ground IS '列入条件（人社部令第45号第五条）：达到拒不支付劳动报酬罪数额标准/群体性事件/极端事件';
COMMENT ON COLUMN credit_proposal.arrears_amount IS '限期改正指令书责令支付的金额';
COMMENT ON COLUMN credit_proposal.arrears_workers IS '被拖欠工资的劳动者人数';
COMMENT ON COLUMN credit_proposal.one_worker_amount IS '其中一名劳动者被拖欠的金额';
COMMENT ON COLUMN credit_proposal.one_worker_months IS '其中一名劳动者被拖欠的月数';
COMMENT ON COLUMN credit_proposal.incident_on IS '群体性事件或极端事件发生日期';
COMMENT ON COLUMN credit_proposal.incident IS '群体性事件或极端事件情况';
COMMENT ON COLUMN credit_proposal.condition_basis IS '列入条件的核查结论（一句话）';
COMMENT ON COLUMN credit_proposal.notice_number IS '列入事先告知书文号';
COMMENT ON COLUMN credit_proposal.decision_number IS '列入决定书文号';

-- 认定拒不支付劳动报酬罪数额标准 as a province (or city) sets it within 法释〔2013〕3号 Art. 3's ranges.
CREATE TABLE credit_amount_standard (
    region_code VARCHAR(12)    PRIMARY KEY,
    per_worker  NUMERIC(12, 2) NOT NULL CHECK (per_worker BETWEEN 5000 AND 20000),
    total       NUMERIC(12, 2) NOT NULL CHECK (total BETWEEN 30000 AND 100000),
    source      VARCHAR(300)   NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by  VARCHAR(64)    NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE credit_amount_standard IS '认定拒不支付劳动报酬罪的数额标准（法释〔2013〕3号第三条，由省级确定），列入失信联合惩戒名单的条件之一';
COMMENT ON COLUMN credit_amount_standard.per_worker IS '拒不支付一名劳动者三个月以上劳动报酬的数额标准（5000–20000 元）';
COMMENT ON COLUMN credit_amount_standard.total IS '拒不支付十名以上劳动者劳动报酬累计数额标准（30000–100000 元）';
COMMENT ON COLUMN credit_amount_standard.source IS '确定标准的文件';
