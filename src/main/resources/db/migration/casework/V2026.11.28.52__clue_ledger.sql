-- The clue ledger (线索台账) handed to each department on a schedule, and the department's written reply (回执).
CREATE TABLE clue_ledger (
    id            BIGSERIAL PRIMARY KEY,
    department_id BIGINT       NOT NULL REFERENCES department (id),
    issued_on     DATE         NOT NULL,
    issued_by     VARCHAR(64)  NOT NULL,
    reply_due     DATE         NOT NULL,
    held          INT          NOT NULL,
    overdue       INT          NOT NULL,
    reply         VARCHAR(2000),
    replied_on    DATE,
    replied_by    VARCHAR(64)
);
CREATE INDEX clue_ledger_department_ix ON clue_ledger (department_id, issued_on);
COMMENT ON TABLE clue_ledger IS '线索台账下发记录：按期向各行业部门下发其承办的未办结线索，部门书面回执';
COMMENT ON COLUMN clue_ledger.held IS '下发时该部门承办的未办结线索数';
COMMENT ON COLUMN clue_ledger.overdue IS '下发时其中已逾期的线索数';
COMMENT ON COLUMN clue_ledger.reply IS '部门书面回执内容';

CREATE TABLE clue_ledger_item (
    ledger_id      BIGINT      NOT NULL REFERENCES clue_ledger (id) ON DELETE CASCADE,
    case_id        BIGINT      NOT NULL REFERENCES case_file (id),
    status_at_issue VARCHAR(20) NOT NULL,
    overdue        BOOLEAN     NOT NULL,
    PRIMARY KEY (ledger_id, case_id)
);
COMMENT ON TABLE clue_ledger_item IS '台账所列线索及下发时的办理状态';

INSERT INTO permission (code, name, module) VALUES
  ('casework:clue:import', '导入全国根治欠薪线索反映平台线索', 'casework'),
  ('casework:clue:ledger', '下发线索台账',                   'casework');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'casework:clue:import'), ('LABOR_INSPECTOR', 'casework:clue:import'),
  ('LEADERSHIP_OFFICE', 'casework:clue:ledger');
