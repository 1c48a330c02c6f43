-- The roster as a history (issue 17): a worker enters and leaves a project on dates, and a new roster no longer
-- erases the workers of earlier months. An upload is either the full current roster (whoever it does not list
-- leaves on its effective date) or additions only. employment.current keeps its meaning — the row is the latest
-- word on that period of employment; rows it replaced stay with current = FALSE — but a worker may now have
-- several current rows on one project, one per period (entry date).

ALTER TABLE data_import ADD COLUMN roster_mode VARCHAR(16) CHECK (roster_mode IN ('FULL', 'ADDITIONS'));
ALTER TABLE data_import ADD COLUMN effective_date DATE;
ALTER TABLE data_import ADD COLUMN left_count INT CHECK (left_count >= 0);
COMMENT ON COLUMN data_import.roster_mode IS '花名册报送方式：完整花名册（未列入者视为离场）/新增人员';
COMMENT ON COLUMN data_import.effective_date IS '花名册生效日期（完整花名册中未列入者的退场日期）';
COMMENT ON COLUMN data_import.left_count IS '本次完整花名册认定离场的人数';

-- Every roster file so far replaced the project's whole roster: a full roster, in force the day it was sent.
UPDATE data_import SET roster_mode = 'FULL', effective_date = (created_at AT TIME ZONE 'Asia/Shanghai')::date,
       left_count = 0
 WHERE kind = 'ROSTER';

-- A roster upload no longer supersedes the earlier one: each stays in force as a change of the history.
DROP INDEX data_import_current_ux;
CREATE UNIQUE INDEX data_import_current_ux ON data_import (kind, project_id, COALESCE(month, DATE '1900-01-01'))
    WHERE status = 'CURRENT' AND kind <> 'ROSTER';

ALTER TABLE employment ADD COLUMN exit_import_id BIGINT REFERENCES data_import (id);
COMMENT ON COLUMN employment.exit_import_id IS '认定离场的完整花名册（未列入者视为离场，退场日期为其生效日期）；为空则退场日期来自报送文件';

-- One current row per period of employment (a worker may leave and come back), not per worker.
DROP INDEX employment_current_ux;
CREATE UNIQUE INDEX employment_current_ux ON employment (project_id, worker_id, entry_date) WHERE current;
CREATE INDEX employment_current_project_ix ON employment (project_id, entry_date, exit_date) WHERE current;

-- Workers that a superseding roster left out used to vanish with their superseded rows. They left on the day
-- of that roster: their last row comes back as a closed period (a copy, the superseded row stays as it was),
-- unless a current row of the same worker already covers that period from its start.
INSERT INTO employment (worker_id, project_id, worker_name, team, employer_credit_code, bank_card_cipher,
                        bank_card_hash, bank_card_masked, bank_card_luhn_warning, bank_name, contract_signed,
                        entry_date, exit_date, source_import_id, source_row, current, exit_import_id, created_at,
                        created_by)
SELECT DISTINCT ON (e.project_id, e.worker_id, e.entry_date)
       e.worker_id, e.project_id, e.worker_name, e.team, e.employer_credit_code, e.bank_card_cipher,
       e.bank_card_hash, e.bank_card_masked, e.bank_card_luhn_warning, e.bank_name, e.contract_signed,
       e.entry_date,
       COALESCE(e.exit_date, GREATEST(e.entry_date, nxt.effective_date)),
       e.source_import_id, e.source_row, TRUE,
       CASE WHEN e.exit_date IS NULL THEN nxt.id END,
       now(), 'migration'
  FROM employment e
  JOIN data_import v ON v.id = e.source_import_id AND v.kind = 'ROSTER'
  JOIN data_import nxt ON nxt.id = v.replaced_by
 WHERE NOT e.current
   AND NOT EXISTS (SELECT 1 FROM employment n WHERE n.source_import_id = nxt.id AND n.worker_id = e.worker_id)
   AND NOT EXISTS (SELECT 1 FROM employment c WHERE c.current AND c.project_id = e.project_id
                      AND c.worker_id = e.worker_id AND c.entry_date <= e.entry_date)
 ORDER BY e.project_id, e.worker_id, e.entry_date, nxt.created_at DESC, nxt.id DESC;
