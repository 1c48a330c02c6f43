-- Issue 15, money trail: what reached each worker is a list of payments (instalments), each with its date, amount,
-- manner (《保障农民工工资支付条例》第十一条: by bank transfer or in cash, to the worker in person) and evidence, linked
-- to the bank's disbursement row where one matches. Per worker: claimed, confirmed (核定), paid, shortfall; a worker
-- counts as paid only when paid in full (第三条: 按时足额), a ¥0 payment never counts, and a shortfall needs its reason
-- (e.g. the worker's signed acknowledgement of a settlement) before the case is verified.
CREATE TABLE case_payment (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    claimant_id     BIGINT        NOT NULL REFERENCES case_claimant (id) ON DELETE CASCADE,
    paid_on         DATE          NOT NULL,
    amount          NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    manner          VARCHAR(16)   NOT NULL CHECK (manner IN ('BANK_TRANSFER', 'CASH', 'DEPOSIT_DRAW', 'COURT')),
    evidence        VARCHAR(200)  NOT NULL,
    disbursement_id BIGINT REFERENCES disbursement (id),
    recorded_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    recorded_by     VARCHAR(64)   NOT NULL
);
CREATE INDEX case_payment_claimant_ix ON case_payment (claimant_id, paid_on);
CREATE INDEX case_payment_case_ix ON case_payment (case_id);
CREATE UNIQUE INDEX case_payment_disbursement_ux ON case_payment (disbursement_id) WHERE disbursement_id IS NOT NULL;
COMMENT ON TABLE case_payment IS '发放到农民工本人的每一笔工资（可分期），含日期、金额、方式、凭证及匹配的银行代发流水';
COMMENT ON COLUMN case_payment.manner IS '支付方式：银行转账、现金（《保障农民工工资支付条例》第十一条）、动用保证金、法院执行款';
COMMENT ON COLUMN case_payment.disbursement_id IS '匹配的银行代发流水（同一收款人、金额、日期）';

ALTER TABLE case_claimant
    ADD COLUMN amount_confirmed NUMERIC(16, 2),
    ADD COLUMN shortfall_reason VARCHAR(400);
UPDATE case_claimant SET amount_confirmed = amount_claimed;
ALTER TABLE case_claimant ALTER COLUMN amount_confirmed SET NOT NULL;
COMMENT ON COLUMN case_claimant.amount_confirmed IS '核定欠薪金额（元），默认等于主张金额';
COMMENT ON COLUMN case_claimant.amount_paid IS '各笔发放金额之和（元，由发放记录汇总）';
COMMENT ON COLUMN case_claimant.paid_on IS '足额发放之日（已发放不少于核定金额且大于零）；未足额为空';
COMMENT ON COLUMN case_claimant.shortfall_reason IS '未足额发放的原因（如工人签字确认的和解协议），有差额时核实发放前必填';

-- The payments recorded so far become the first instalment; a ¥0 "payment" was never one.
INSERT INTO case_payment (case_id, claimant_id, paid_on, amount, manner, evidence, recorded_by)
SELECT case_id, id, paid_on, amount_paid, 'BANK_TRANSFER', COALESCE(payment_evidence, '（迁移前记录）'), updated_by
  FROM case_claimant WHERE paid_on IS NOT NULL AND amount_paid > 0;
UPDATE case_claimant SET paid_on = NULL WHERE paid_on IS NOT NULL AND amount_paid < amount_confirmed;
UPDATE case_claimant SET paid_on = NULL WHERE amount_paid = 0;
ALTER TABLE case_claimant DROP COLUMN payment_evidence;

-- The case keeps the shortfall beside what was paid out, for the list and the statistics.
ALTER TABLE case_file ADD COLUMN amount_shortfall NUMERIC(16, 2) NOT NULL DEFAULT 0;
COMMENT ON COLUMN case_file.amount_shortfall IS '未足额发放的差额合计（各农民工核定金额减已发放，由触发器维护）';
COMMENT ON COLUMN case_file.workers_paid IS '足额发放到本人的农民工人数（由触发器维护）';

CREATE OR REPLACE FUNCTION case_file_refresh_paid(p_case BIGINT) RETURNS void AS $$
    UPDATE case_file c SET amount_paid_out = COALESCE(k.paid, 0), workers_paid = COALESCE(k.n, 0),
                           amount_shortfall = COALESCE(k.shortfall, 0)
      FROM (SELECT sum(amount_paid) AS paid, count(*) FILTER (WHERE paid_on IS NOT NULL) AS n,
                   sum(GREATEST(amount_confirmed - amount_paid, 0)) AS shortfall
              FROM case_claimant WHERE case_id = p_case) k
     WHERE c.id = p_case;
$$ LANGUAGE sql;

DROP TRIGGER case_claimant_paid ON case_claimant;
CREATE TRIGGER case_claimant_paid AFTER INSERT OR DELETE OR UPDATE OF amount_paid, paid_on, amount_confirmed ON case_claimant
    FOR EACH ROW EXECUTE FUNCTION case_claimant_paid_changed();

UPDATE case_file c SET amount_paid_out = k.paid, workers_paid = k.n, amount_shortfall = k.shortfall
  FROM (SELECT case_id, sum(amount_paid) AS paid, count(*) FILTER (WHERE paid_on IS NOT NULL) AS n,
               sum(GREATEST(amount_confirmed - amount_paid, 0)) AS shortfall
          FROM case_claimant GROUP BY case_id) k
 WHERE k.case_id = c.id;
