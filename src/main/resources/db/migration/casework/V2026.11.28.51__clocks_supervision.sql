-- Deadlines per channel (configurable by the leadership office) and the supervision (督办) of what is overdue.
CREATE TABLE case_clock (
    channel            VARCHAR(16) PRIMARY KEY CHECK (channel IN ('WALK_IN', 'HOTLINE', 'PLATFORM', 'LETTER_VISIT', 'GRID', 'INSPECTION', 'ALERT')),
    accept_days        INT         NOT NULL CHECK (accept_days BETWEEN 1 AND 30),
    first_contact_days INT         NOT NULL CHECK (first_contact_days BETWEEN 1 AND 30),
    coordination_days  INT         NOT NULL CHECK (coordination_days BETWEEN 1 AND 60),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by         VARCHAR(64) NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE case_clock IS '各来源渠道的办理时限（工作日）：受理、首次联系投诉人、协调处理；立案后的法定时限不在此配置';
COMMENT ON COLUMN case_clock.accept_days IS '登记后受理（或不予受理）的时限，工作日';
COMMENT ON COLUMN case_clock.first_contact_days IS '登记后首次联系投诉人的时限，工作日';
COMMENT ON COLUMN case_clock.coordination_days IS '不立案协调处理的办结时限，工作日';
INSERT INTO case_clock (channel, accept_days, first_contact_days, coordination_days) VALUES
  ('WALK_IN', 5, 1, 15), ('HOTLINE', 5, 1, 15), ('PLATFORM', 5, 2, 15), ('LETTER_VISIT', 5, 3, 15),
  ('GRID', 5, 2, 15), ('INSPECTION', 5, 3, 15), ('ALERT', 5, 3, 15);

ALTER TABLE case_file ADD COLUMN first_contact_due DATE;
ALTER TABLE case_file ADD COLUMN first_contacted_on DATE;
ALTER TABLE case_file ADD COLUMN external_ref VARCHAR(64);
ALTER TABLE case_file ADD COLUMN task_force_id BIGINT;
COMMENT ON COLUMN case_file.first_contact_due IS '首次联系投诉人期限';
COMMENT ON COLUMN case_file.first_contacted_on IS '首次联系投诉人日期';
COMMENT ON COLUMN case_file.external_ref IS '外部编号（如全国根治欠薪线索反映平台的线索编号）';
COMMENT ON COLUMN case_file.task_force_id IS '集中接访期间由哪个工作专班受理';
CREATE UNIQUE INDEX case_file_external_ref_ux ON case_file (channel, external_ref) WHERE external_ref IS NOT NULL;
UPDATE case_file SET first_contacted_on = COALESCE(accepted_on, registered_on) WHERE status <> 'REGISTERED';

CREATE TABLE case_supervision (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT      NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    assignment_id BIGINT REFERENCES case_assignment (id) ON DELETE CASCADE,
    kind          VARCHAR(16) NOT NULL CHECK (kind IN ('ACCEPT', 'CONTACT', 'HANDLING', 'ASSIGNMENT', 'MANUAL')),
    due_on        DATE,
    supervised_on DATE        NOT NULL,
    by_username   VARCHAR(64) NOT NULL,
    note          VARCHAR(1000)
);
CREATE UNIQUE INDEX case_supervision_once_ux ON case_supervision (case_id, kind, COALESCE(assignment_id, 0), due_on)
    WHERE kind <> 'MANUAL';
COMMENT ON TABLE case_supervision IS '督办记录：逾期自动督办（每个期限一次）与人工督办';
COMMENT ON COLUMN case_supervision.kind IS '督办事由：受理逾期/首次联系逾期/办结逾期/交办反馈逾期/人工督办';

INSERT INTO permission (code, name, module) VALUES
  ('casework:clock:edit',    '设置各渠道办理时限',   'casework'),
  ('casework:calendar:edit', '维护工作日历（节假日与调休）', 'casework');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'casework:clock:edit'), ('SYSTEM_ADMIN', 'casework:calendar:edit');
