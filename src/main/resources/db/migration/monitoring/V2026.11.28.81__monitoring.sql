-- Early warning (预警): rule parameters per region, alerts with their lifecycle, and the credit-list procedure.

CREATE TABLE monitoring_rule_setting (
    rule_code    VARCHAR(8)   NOT NULL,
    region_code  VARCHAR(12)  NOT NULL,
    enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
    parameters   JSONB        NOT NULL,
    version      INT          NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by   VARCHAR(64)  NOT NULL DEFAULT 'system',
    PRIMARY KEY (rule_code, region_code)
);
COMMENT ON TABLE monitoring_rule_setting IS '预警规则参数（按行政区划设置，未设置的沿用上级区划或默认值）';
COMMENT ON COLUMN monitoring_rule_setting.rule_code IS '规则编号（R01–R14）';
COMMENT ON COLUMN monitoring_rule_setting.region_code IS '行政区划代码';
COMMENT ON COLUMN monitoring_rule_setting.enabled IS '是否启用';
COMMENT ON COLUMN monitoring_rule_setting.parameters IS '参数（阈值、时间窗口等）';

CREATE TABLE alert (
    id                    BIGSERIAL PRIMARY KEY,
    rule_code             VARCHAR(8)    NOT NULL,
    subject_kind          VARCHAR(16)   NOT NULL CHECK (subject_kind IN ('PROJECT', 'EMPLOYER', 'WORKER')),
    subject_id            BIGINT        NOT NULL,
    subject_name          VARCHAR(200)  NOT NULL,
    period                VARCHAR(16)   NOT NULL,
    severity              VARCHAR(8)    NOT NULL CHECK (severity IN ('RED', 'ORANGE', 'YELLOW')),
    status                VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED')),
    reason                VARCHAR(1000) NOT NULL,
    evidence              JSONB         NOT NULL,
    region_code           VARCHAR(12)   NOT NULL,
    department_id         BIGINT REFERENCES department (id),
    project_id            BIGINT,
    employer_id           BIGINT,
    festival              BOOLEAN       NOT NULL DEFAULT FALSE,
    first_raised_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_raised_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    raised_count          INT           NOT NULL DEFAULT 1,
    due_on                DATE          NOT NULL,
    escalated_on          DATE,
    acknowledged_at       TIMESTAMPTZ,
    acknowledged_by       VARCHAR(64),
    resolved_at           TIMESTAMPTZ,
    resolved_by           VARCHAR(64),
    resolution            VARCHAR(500),
    dismissal_reason      VARCHAR(500),
    dismissal_requested_by VARCHAR(64),
    dismissal_approved_by VARCHAR(64),
    case_id               BIGINT,
    version               INT           NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by            VARCHAR(64)   NOT NULL DEFAULT 'system',
    updated_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by            VARCHAR(64)   NOT NULL DEFAULT 'system',
    CONSTRAINT alert_once UNIQUE (rule_code, subject_kind, subject_id, period)
);
CREATE INDEX alert_board_ix ON alert (status, severity, region_code);
CREATE INDEX alert_project_ix ON alert (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX alert_employer_ix ON alert (employer_id) WHERE employer_id IS NOT NULL;
COMMENT ON TABLE alert IS '预警（同一规则、同一对象、同一期间只有一条，再次触发时更新）';
COMMENT ON COLUMN alert.rule_code IS '规则编号';
COMMENT ON COLUMN alert.subject_kind IS '预警对象类别：项目/用人单位/劳动者';
COMMENT ON COLUMN alert.subject_id IS '预警对象编号';
COMMENT ON COLUMN alert.subject_name IS '预警对象名称';
COMMENT ON COLUMN alert.period IS '期间（月份 yyyy-MM、年份 yyyy 或日期 yyyy-MM-dd）';
COMMENT ON COLUMN alert.severity IS '等级：红/橙/黄';
COMMENT ON COLUMN alert.status IS '状态：待处置/已签收/已化解/已排除';
COMMENT ON COLUMN alert.reason IS '预警原因（中文说明）';
COMMENT ON COLUMN alert.evidence IS '证据行';
COMMENT ON COLUMN alert.department_id IS '责任部门（项目的行业主管部门）';
COMMENT ON COLUMN alert.festival IS '是否因春节重点时段升级';
COMMENT ON COLUMN alert.raised_count IS '触发次数';
COMMENT ON COLUMN alert.due_on IS '处置期限，逾期未化解即督办';
COMMENT ON COLUMN alert.escalated_on IS '督办日期（报治欠办）';
COMMENT ON COLUMN alert.resolution IS '化解依据';
COMMENT ON COLUMN alert.dismissal_reason IS '排除理由';
COMMENT ON COLUMN alert.dismissal_requested_by IS '申请排除人（红色预警须另一人批准）';
COMMENT ON COLUMN alert.dismissal_approved_by IS '批准排除人';
COMMENT ON COLUMN alert.case_id IS '转立的案件';

CREATE TABLE credit_proposal (
    id               BIGSERIAL PRIMARY KEY,
    employer_id      BIGINT        NOT NULL REFERENCES employer (id),
    case_id          BIGINT        NOT NULL,
    case_number      VARCHAR(40)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('BLACKLIST', 'KEY_ATTENTION')),
    grounds          VARCHAR(1000) NOT NULL,
    persons          JSONB         NOT NULL DEFAULT '[]',
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('PROPOSED', 'NOTIFIED', 'DECIDED', 'REJECTED', 'PUBLISHED', 'REMOVED')),
    proposed_on      DATE          NOT NULL,
    proposed_by      VARCHAR(64)   NOT NULL,
    notified_on      DATE,
    objection_until  DATE,
    objection        VARCHAR(1000),
    decided_on       DATE,
    decided_by       VARCHAR(64),
    decision_note    VARCHAR(500),
    listing_id       BIGINT REFERENCES employer_credit_listing (id),
    published_on     DATE,
    expires_on       DATE,
    paid_up_on       DATE,
    pledge           VARCHAR(1000),
    removed_on       DATE,
    region_code      VARCHAR(12)   NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by       VARCHAR(64)   NOT NULL DEFAULT 'system'
);
CREATE INDEX credit_proposal_employer_ix ON credit_proposal (employer_id);
COMMENT ON TABLE credit_proposal IS '列入信用名单程序（提请—告知—陈述申辩—决定—公布—期满或提前移出）';
COMMENT ON COLUMN credit_proposal.case_id IS '依据的案件（限期改正指令书逾期未履行）';
COMMENT ON COLUMN credit_proposal.kind IS '名单类别：失信联合惩戒名单/重点关注名单';
COMMENT ON COLUMN credit_proposal.grounds IS '列入事由及依据';
COMMENT ON COLUMN credit_proposal.persons IS '一并列入的人员（法定代表人、其他责任人）';
COMMENT ON COLUMN credit_proposal.status IS '状态';
COMMENT ON COLUMN credit_proposal.notified_on IS '告知书送达日期';
COMMENT ON COLUMN credit_proposal.objection_until IS '陈述申辩截止日期';
COMMENT ON COLUMN credit_proposal.objection IS '当事人陈述申辩意见';
COMMENT ON COLUMN credit_proposal.decided_on IS '决定日期';
COMMENT ON COLUMN credit_proposal.published_on IS '公布日期';
COMMENT ON COLUMN credit_proposal.expires_on IS '期满日期';
COMMENT ON COLUMN credit_proposal.paid_up_on IS '全部清偿欠薪日期';
COMMENT ON COLUMN credit_proposal.pledge IS '信用修复承诺';
COMMENT ON COLUMN credit_proposal.removed_on IS '移出日期';

INSERT INTO permission (code, name, module) VALUES
  ('monitoring:alert:view',    '查看预警和风险等级', 'monitoring'),
  ('monitoring:alert:handle',  '处置预警',           'monitoring'),
  ('monitoring:rule:edit',     '设置预警规则参数',   'monitoring'),
  ('monitoring:credit:view',   '查看信用名单程序',   'monitoring'),
  ('monitoring:credit:manage', '提请和决定列入信用名单', 'monitoring');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'monitoring:alert:view'), ('LEADERSHIP_OFFICE', 'monitoring:alert:handle'),
  ('LEADERSHIP_OFFICE', 'monitoring:rule:edit'), ('LEADERSHIP_OFFICE', 'monitoring:credit:view'),
  ('LABOR_INSPECTOR', 'monitoring:alert:view'), ('LABOR_INSPECTOR', 'monitoring:alert:handle'),
  ('LABOR_INSPECTOR', 'monitoring:credit:view'), ('LABOR_INSPECTOR', 'monitoring:credit:manage'),
  ('INDUSTRY_OFFICER', 'monitoring:alert:view'), ('INDUSTRY_OFFICER', 'monitoring:alert:handle');
