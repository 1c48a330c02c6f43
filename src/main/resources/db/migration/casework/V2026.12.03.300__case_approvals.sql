-- Issue 15, part 4: approvals with the approver recorded, the enforcement chain, the deposit draw on the case's own decision.
--
-- 立案 needs the approval of the head of the labor inspection body, the extension of the 60 working days by 30 the approval
-- of the head of the labor security administrative department (《劳动保障监察条例》第十七条; 《关于实施〈劳动保障监察条例〉
-- 若干规定》(劳社部令第25号)); a filed case is closed on the same head's approval (结案审批). An officer asks, an account
-- holding the approver's permission decides (approve, or refuse with the reason); each step keeps who and when.
CREATE TABLE case_approval (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    kind          VARCHAR(16)  NOT NULL CHECK (kind IN ('FILE', 'EXTEND', 'CLOSE')),
    status        VARCHAR(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    requested_by  VARCHAR(64)  NOT NULL,
    requested_on  DATE         NOT NULL,
    reason        VARCHAR(1000),
    inspectors    VARCHAR(500),
    decided_by    VARCHAR(64),
    decided_on    DATE,
    decision_note VARCHAR(1000),
    version       INT          NOT NULL DEFAULT 0,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by    VARCHAR(64)  NOT NULL DEFAULT 'system',
    CHECK (status = 'PENDING' OR (decided_by IS NOT NULL AND decided_on IS NOT NULL)),
    CHECK (status <> 'REFUSED' OR length(trim(decision_note)) > 0)
);
-- One request of a kind waits at a time.
CREATE UNIQUE INDEX case_approval_pending_ux ON case_approval (case_id, kind) WHERE status = 'PENDING';
CREATE INDEX case_approval_case_ix ON case_approval (case_id);
COMMENT ON TABLE case_approval IS '案件审批：立案审批（监察机构负责人）、延期审批（行政部门负责人）、结案审批；申请人、审批人、日期与意见';

-- The administrative decisions of a case (行政处理决定 责令支付; 行政处罚决定), served on the party: the review period
-- (60 days, 《行政复议法》) and the litigation period (6 months, 《行政诉讼法》第四十六条) run from service; the court is
-- asked to enforce within 3 months after they lapse unheeded (《行政强制法》第五十三条).
-- (Named apart from the 行政处理决定书 register the documents work keeps in case_decision; one register is meant.)
CREATE TABLE case_enforcement_decision (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT         NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    kind          VARCHAR(16)    NOT NULL CHECK (kind IN ('HANDLING', 'PENALTY')),
    number        VARCHAR(64)    NOT NULL,
    decided_on    DATE           NOT NULL,
    served_on     DATE           NOT NULL CHECK (served_on >= decided_on),
    deadline      DATE           NOT NULL CHECK (deadline > served_on),
    amount        NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    challenged_on DATE,
    challenge     VARCHAR(500),
    created_by    VARCHAR(64)    NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX case_enforcement_decision_case_ix ON case_enforcement_decision (case_id);
COMMENT ON TABLE case_enforcement_decision IS '行政处理决定（责令支付）与行政处罚决定：文号、作出与送达日期、履行期限、金额；当事人申请复议或起诉的日期';

-- A draw on the project's wage deposit for the case's workers (人社部发〔2021〕65号第十九条), on the case's own decision;
-- the project's deposit ledger holds the same entry with the case referenced.
CREATE TABLE case_deposit_draw (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT         NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    project_id  BIGINT         NOT NULL,
    decision_id BIGINT         NOT NULL REFERENCES case_enforcement_decision (id),
    amount      NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    drawn_on    DATE           NOT NULL,
    drawn_by    VARCHAR(64)    NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX case_deposit_draw_case_ix ON case_deposit_draw (case_id);
COMMENT ON TABLE case_deposit_draw IS '依本案行政处理决定动用工资保证金（65号第十九条）；项目保证金台账同时记一笔并注明案件';

INSERT INTO permission (code, name, module) VALUES
  ('casework:approval:file',   '立案审批（劳动保障监察机构负责人）', 'casework'),
  ('casework:approval:extend', '延期审批（劳动保障行政部门负责人）', 'casework'),
  ('casework:approval:close',  '结案审批（劳动保障监察机构负责人）', 'casework');

INSERT INTO role (code, name, data_scope, description, sort_order) VALUES
  ('INSPECTION_HEAD', '监察机构负责人', 'REGION', '劳动保障监察机构负责人：审批立案、结案（《劳动保障监察条例》第十七条，劳社部令第25号）', 16),
  ('BUREAU_HEAD',     '人社部门负责人', 'REGION', '劳动保障行政部门负责人：审批办案期限延长30个工作日（《劳动保障监察条例》第十七条）', 17);

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('INSPECTION_HEAD', 'casework:case:view'), ('INSPECTION_HEAD', 'casework:approval:file'),
  ('INSPECTION_HEAD', 'casework:approval:close'),
  ('BUREAU_HEAD', 'casework:case:view'), ('BUREAU_HEAD', 'casework:approval:extend');

UPDATE permission SET name = '提请立案、延期审批' WHERE code = 'casework:case:file';
