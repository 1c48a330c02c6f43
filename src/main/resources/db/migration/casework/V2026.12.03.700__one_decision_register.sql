-- Issue 15: one register of a case's decisions. The 行政处理决定书 and 行政处罚决定书 made on the case page (case_decision)
-- and the enforcement chain's copy of them once served (case_enforcement_decision) become one table: a decision carries
-- the day it was first served (送达, the day the review period of 《行政复议法》第二十条 and the litigation period of
-- 《行政诉讼法》第四十六条 run from), the amount the party is to pay (what was still owed at service; the fine), its
-- 履行期限 (the decision's own; for a fine 15 days from service, 《行政处罚法》第六十七条第三款), and the day the party
-- applied for review or sued (行政复议、行政诉讼: the court is then not asked to enforce, 《行政强制法》第五十三条).
ALTER TABLE case_decision
    ADD COLUMN served_on     DATE,
    ADD COLUMN amount        NUMERIC(16, 2) CHECK (amount > 0),
    ADD COLUMN challenged_on DATE,
    ADD COLUMN challenge     VARCHAR(500),
    ADD CONSTRAINT case_decision_served_check CHECK (served_on IS NULL OR served_on >= decided_on),
    ADD CONSTRAINT case_decision_enforceable_check CHECK (amount IS NULL OR kind IN ('DECISION', 'PENALTY') AND served_on IS NOT NULL
        AND deadline > served_on),
    ADD CONSTRAINT case_decision_challenge_check CHECK (challenged_on IS NULL OR served_on IS NOT NULL AND length(trim(challenge)) > 0);
COMMENT ON COLUMN case_decision.served_on IS '首次送达日期：复议期限（60日）、起诉期限（6个月）自此起算';
COMMENT ON COLUMN case_decision.amount IS '送达时当事人应履行的金额：行政处理决定为尚欠工资，行政处罚决定为罚款；为空则不申请强制执行（送达时已无欠薪）';
COMMENT ON COLUMN case_decision.deadline IS '履行期限：行政处理决定自定；行政处罚决定为送达之日起十五日（《行政处罚法》第六十七条第三款）';
COMMENT ON COLUMN case_decision.challenged_on IS '当事人申请行政复议或提起行政诉讼的日期（《行政强制法》第五十三条：不再申请法院强制执行）';

-- A penalty decision registered for enforcement without being made here (the former registration form) has no basis.
DO $$
DECLARE c TEXT;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'case_decision'::regclass AND contype = 'c'
               AND pg_get_constraintdef(oid) LIKE '%basis IS NOT NULL%' LOOP
        EXECUTE format('ALTER TABLE case_decision DROP CONSTRAINT %I', c);
    END LOOP;
END $$;
ALTER TABLE case_decision ADD CONSTRAINT case_decision_kind_check2 CHECK (
    kind = 'DECISION' AND deadline IS NOT NULL
    OR kind = 'PENALTY_NOTICE' AND basis IS NOT NULL AND fine IS NOT NULL
    OR kind = 'PENALTY' AND fine IS NOT NULL AND (basis IS NOT NULL OR served_on IS NOT NULL));

-- The served copies become the served decision itself (same case, kind and number).
UPDATE case_decision d
   SET served_on = e.served_on, amount = e.amount, challenged_on = e.challenged_on, challenge = e.challenge,
       deadline = CASE WHEN d.kind = 'PENALTY' THEN e.deadline ELSE d.deadline END
  FROM case_enforcement_decision e
 WHERE e.case_id = d.case_id AND e.number = d.number
   AND d.kind = CASE e.kind WHEN 'HANDLING' THEN 'DECISION' ELSE 'PENALTY' END;

-- Decisions registered only for enforcement move over with their number and dates. One of a kind per case: a case
-- holding two cannot be merged silently, so the migration stops and names it.
DO $$
DECLARE clash TEXT;
BEGIN
    SELECT string_agg(DISTINCT e.case_id || '/' || e.number, ', ') INTO clash
      FROM case_enforcement_decision e
     WHERE NOT EXISTS (SELECT 1 FROM case_decision d WHERE d.case_id = e.case_id AND d.number = e.number
                          AND d.kind = CASE e.kind WHEN 'HANDLING' THEN 'DECISION' ELSE 'PENALTY' END)
       AND (EXISTS (SELECT 1 FROM case_decision d WHERE d.case_id = e.case_id
                       AND d.kind = CASE e.kind WHEN 'HANDLING' THEN 'DECISION' ELSE 'PENALTY' END)
            OR (SELECT count(*) FROM case_enforcement_decision o WHERE o.case_id = e.case_id AND o.kind = e.kind) > 1);
    IF clash IS NOT NULL THEN
        RAISE EXCEPTION '案件的同种行政决定不止一份，无法合并为一份登记（案件id/文号：%）；请先在 case_enforcement_decision 中核对并删除重复登记', clash;
    END IF;
END $$;
INSERT INTO case_decision (case_id, kind, number, decided_on, deadline, fine, facts, recorded_at, recorded_by,
                           served_on, amount, challenged_on, challenge)
SELECT e.case_id, CASE e.kind WHEN 'HANDLING' THEN 'DECISION' ELSE 'PENALTY' END, e.number, e.decided_on, e.deadline,
       CASE WHEN e.kind = 'PENALTY' THEN e.amount END, '', e.created_at, e.created_by,
       e.served_on, e.amount, e.challenged_on, e.challenge
  FROM case_enforcement_decision e
 WHERE NOT EXISTS (SELECT 1 FROM case_decision d WHERE d.case_id = e.case_id AND d.number = e.number
                      AND d.kind = CASE e.kind WHEN 'HANDLING' THEN 'DECISION' ELSE 'PENALTY' END);

-- The deposit draws name the decision they were made on.
ALTER TABLE case_deposit_draw ADD COLUMN case_decision_id BIGINT REFERENCES case_decision (id);
UPDATE case_deposit_draw w SET case_decision_id = d.id
  FROM case_enforcement_decision e
  JOIN case_decision d ON d.case_id = e.case_id AND d.number = e.number
                      AND d.kind = CASE e.kind WHEN 'HANDLING' THEN 'DECISION' ELSE 'PENALTY' END
 WHERE e.id = w.decision_id;
ALTER TABLE case_deposit_draw DROP COLUMN decision_id;
ALTER TABLE case_deposit_draw RENAME COLUMN case_decision_id TO decision_id;
ALTER TABLE case_deposit_draw ALTER COLUMN decision_id SET NOT NULL;

DROP TABLE case_enforcement_decision;
COMMENT ON TABLE case_decision IS '行政处理决定书（责令支付）、行政处罚事先告知书与行政处罚决定书；决定送达后即为申请法院强制执行、动用工资保证金所依据的行政决定';
