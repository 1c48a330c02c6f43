-- Optimistic locking (shared.Versioned) for every casework form that changes an existing row: the payment to each
-- worker, a person's referral status, a department's answer, the reply to a clue ledger, the channel clocks.
ALTER TABLE case_claimant
    ADD COLUMN version    INT         NOT NULL DEFAULT 0,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by VARCHAR(64) NOT NULL DEFAULT 'system';
COMMENT ON COLUMN case_claimant.version IS '乐观锁版本';

ALTER TABLE case_person
    ADD COLUMN version    INT         NOT NULL DEFAULT 0,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by VARCHAR(64) NOT NULL DEFAULT 'system';
COMMENT ON COLUMN case_person.version IS '乐观锁版本';

ALTER TABLE case_assignment
    ADD COLUMN version    INT         NOT NULL DEFAULT 0,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by VARCHAR(64) NOT NULL DEFAULT 'system';
COMMENT ON COLUMN case_assignment.version IS '乐观锁版本';

ALTER TABLE clue_ledger ADD COLUMN version INT NOT NULL DEFAULT 0;
COMMENT ON COLUMN clue_ledger.version IS '乐观锁版本';

ALTER TABLE case_clock ADD COLUMN version INT NOT NULL DEFAULT 0;
COMMENT ON COLUMN case_clock.version IS '乐观锁版本';
