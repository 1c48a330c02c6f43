-- Inspection campaigns, checklists, inspections, findings and rectification orders (issue 8).

CREATE TABLE checklist_template (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(128) NOT NULL,
    target_kind VARCHAR(16)  NOT NULL CHECK (target_kind IN ('PROJECT', 'EMPLOYER')),
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE
);
COMMENT ON TABLE checklist_template IS '检查表模板（管理员可维护）';
COMMENT ON COLUMN checklist_template.target_kind IS '适用对象：PROJECT 工程建设项目，EMPLOYER 用人单位';

CREATE TABLE checklist_item (
    id              BIGSERIAL PRIMARY KEY,
    template_id     BIGINT       NOT NULL REFERENCES checklist_template (id),
    sort_order      INT          NOT NULL,
    code            VARCHAR(32)  NOT NULL,
    question        VARCHAR(256) NOT NULL,
    evidence        VARCHAR(256),
    answer_type     VARCHAR(16)  NOT NULL DEFAULT 'YES_NO' CHECK (answer_type IN ('YES_NO', 'TEXT', 'NUMBER')),
    compliance_kind VARCHAR(32),
    UNIQUE (template_id, code)
);
COMMENT ON TABLE checklist_item IS '检查事项';
COMMENT ON COLUMN checklist_item.question IS '检查问题';
COMMENT ON COLUMN checklist_item.evidence IS '应查看的材料';
COMMENT ON COLUMN checklist_item.answer_type IS '回答类型';
COMMENT ON COLUMN checklist_item.compliance_kind IS '对应项目合规事项（六项制度）';

CREATE TABLE inspection_campaign (
    id                 BIGSERIAL PRIMARY KEY,
    name               VARCHAR(128) NOT NULL,
    kind               VARCHAR(32)  NOT NULL CHECK (kind IN ('SPECIAL_ACTION', 'NATIONAL_PREPARATION', 'FOLLOW_UP')),
    period_from        DATE         NOT NULL,
    period_to          DATE         NOT NULL,
    lead_department_id BIGINT       NOT NULL REFERENCES department (id),
    parent_id          BIGINT REFERENCES inspection_campaign (id),
    created_by         VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMP    NOT NULL DEFAULT now(),
    CHECK (period_to >= period_from)
);
COMMENT ON TABLE inspection_campaign IS '检查行动（专项行动、迎国考再排查、回头看）';
COMMENT ON COLUMN inspection_campaign.kind IS '类别';
COMMENT ON COLUMN inspection_campaign.lead_department_id IS '牵头部门';
COMMENT ON COLUMN inspection_campaign.parent_id IS '回头看所针对的原行动';

CREATE TABLE campaign_member (
    campaign_id   BIGINT NOT NULL REFERENCES inspection_campaign (id),
    department_id BIGINT NOT NULL REFERENCES department (id),
    PRIMARY KEY (campaign_id, department_id)
);
COMMENT ON TABLE campaign_member IS '联合检查组成员部门';

CREATE TABLE campaign_template (
    campaign_id BIGINT NOT NULL REFERENCES inspection_campaign (id),
    template_id BIGINT NOT NULL REFERENCES checklist_template (id),
    PRIMARY KEY (campaign_id, template_id)
);
COMMENT ON TABLE campaign_template IS '行动使用的检查表';

CREATE TABLE campaign_target (
    id            BIGSERIAL PRIMARY KEY,
    campaign_id   BIGINT NOT NULL REFERENCES inspection_campaign (id),
    project_id    BIGINT REFERENCES project (id),
    employer_id   BIGINT REFERENCES employer (id),
    department_id BIGINT REFERENCES department (id),
    CHECK ((project_id IS NULL) <> (employer_id IS NULL))
);
CREATE UNIQUE INDEX campaign_target_project ON campaign_target (campaign_id, project_id) WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX campaign_target_employer ON campaign_target (campaign_id, employer_id) WHERE employer_id IS NOT NULL;
COMMENT ON TABLE campaign_target IS '检查对象（项目或用人单位）';
COMMENT ON COLUMN campaign_target.department_id IS '对象所属行业主管部门';

CREATE TABLE inspection (
    id           BIGSERIAL PRIMARY KEY,
    target_id    BIGINT      NOT NULL REFERENCES campaign_target (id),
    template_id  BIGINT      NOT NULL REFERENCES checklist_template (id),
    inspected_on DATE        NOT NULL,
    inspectors   VARCHAR(256) NOT NULL,
    note         VARCHAR(1000),
    created_by   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP   NOT NULL DEFAULT now()
);
COMMENT ON TABLE inspection IS '现场检查记录';
COMMENT ON COLUMN inspection.inspectors IS '检查人员（至少两名，以顿号分隔）';

CREATE TABLE inspection_answer (
    id            BIGSERIAL PRIMARY KEY,
    inspection_id BIGINT       NOT NULL REFERENCES inspection (id),
    item_id       BIGINT       NOT NULL REFERENCES checklist_item (id),
    compliant     BOOLEAN,
    value         VARCHAR(256),
    note          VARCHAR(1000),
    UNIQUE (inspection_id, item_id)
);
COMMENT ON TABLE inspection_answer IS '检查事项的回答';
COMMENT ON COLUMN inspection_answer.compliant IS '是否符合';

CREATE TABLE inspection_photo (
    id           BIGSERIAL PRIMARY KEY,
    answer_id    BIGINT      NOT NULL REFERENCES inspection_answer (id),
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(64) NOT NULL,
    content      BYTEA       NOT NULL
);
COMMENT ON TABLE inspection_photo IS '现场照片';

CREATE TABLE inspection_finding (
    id            BIGSERIAL PRIMARY KEY,
    inspection_id BIGINT       NOT NULL REFERENCES inspection (id),
    item_id       BIGINT REFERENCES checklist_item (id),
    description   VARCHAR(1000) NOT NULL,
    case_id       BIGINT
);
COMMENT ON TABLE inspection_finding IS '检查发现的问题';
COMMENT ON COLUMN inspection_finding.case_id IS '转为案件时的案件编号（案件办理模块）';

CREATE TABLE rectification_order (
    id                BIGSERIAL PRIMARY KEY,
    finding_id        BIGINT       NOT NULL UNIQUE REFERENCES inspection_finding (id),
    number            VARCHAR(64)  NOT NULL UNIQUE,
    responsible_party VARCHAR(128) NOT NULL,
    issued_on         DATE         NOT NULL,
    deadline          DATE         NOT NULL,
    status            VARCHAR(16)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RECTIFIED', 'ESCALATED')),
    checked_on        DATE,
    check_note        VARCHAR(1000),
    CHECK (deadline >= issued_on)
);
COMMENT ON TABLE rectification_order IS '整改通知（限期整改）';
COMMENT ON COLUMN rectification_order.status IS '状态：OPEN 整改中，RECTIFIED 回头看已整改，ESCALATED 逾期未改已升级';
COMMENT ON COLUMN rectification_order.checked_on IS '回头看日期';

INSERT INTO checklist_template (name, target_kind) VALUES
  ('工程建设项目检查表', 'PROJECT'), ('用人单位检查表', 'EMPLOYER');

INSERT INTO checklist_item (template_id, sort_order, code, question, evidence, answer_type, compliance_kind)
SELECT t.id, v.sort_order, v.code, v.question, v.evidence, 'YES_NO', v.kind FROM checklist_template t,
 (VALUES
  (1, 'REAL_NAME', '是否落实农民工实名制管理？', '花名册、考勤记录、实名制系统', 'REAL_NAME'),
  (2, 'SPECIAL_ACCOUNT', '是否开设农民工工资专用账户？', '专户开户资料、银行流水', 'SPECIAL_ACCOUNT'),
  (3, 'BANK_PAYROLL', '是否由总包单位代发工资？', '工资表、银行代发凭证', 'BANK_PAYROLL'),
  (4, 'WAGE_DEPOSIT', '是否按规定存储工资保证金？', '保证金存储凭证或保函', 'WAGE_DEPOSIT'),
  (5, 'NOTICE_BOARD', '是否设置维权信息告示牌？', '现场告示牌（照片）', 'NOTICE_BOARD'),
  (6, 'PAYMENT_GUARANTEE', '建设单位是否提供工程款支付担保？', '支付担保合同或保函', 'PAYMENT_GUARANTEE'),
  (7, 'LABOR_CONTRACT', '是否与农民工签订劳动合同？', '劳动合同', NULL)
 ) AS v(sort_order, code, question, evidence, kind)
WHERE t.target_kind = 'PROJECT';

INSERT INTO checklist_item (template_id, sort_order, code, question, evidence, answer_type)
SELECT t.id, v.sort_order, v.code, v.question, v.evidence, 'YES_NO' FROM checklist_template t,
 (VALUES
  (1, 'WAGE_ARREARS', '是否按时足额支付工资、无拖欠？', '工资表、银行发放记录'),
  (2, 'WORKING_HOURS', '工作时间是否符合规定？', '考勤记录、排班表'),
  (3, 'REST_LEAVE', '是否保障休息休假？', '休假记录、加班工资发放记录'),
  (4, 'LABOR_CONTRACT', '是否依法签订劳动合同？', '劳动合同')
 ) AS v(sort_order, code, question, evidence)
WHERE t.target_kind = 'EMPLOYER';

INSERT INTO permission (code, name, module) VALUES
  ('inspection:campaign:view',   '查看检查行动',       'inspection'),
  ('inspection:campaign:manage', '组织检查行动',       'inspection'),
  ('inspection:inspect',         '现场检查、下达整改', 'inspection'),
  ('inspection:template:edit',   '维护检查表',         'inspection');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('SYSTEM_ADMIN', 'inspection:template:edit'), ('SYSTEM_ADMIN', 'inspection:campaign:view'),
  ('LEADERSHIP_OFFICE', 'inspection:campaign:view'), ('LEADERSHIP_OFFICE', 'inspection:campaign:manage'),
  ('LABOR_INSPECTOR', 'inspection:campaign:view'), ('LABOR_INSPECTOR', 'inspection:campaign:manage'),
  ('LABOR_INSPECTOR', 'inspection:inspect'),
  ('INDUSTRY_OFFICER', 'inspection:campaign:view'), ('INDUSTRY_OFFICER', 'inspection:inspect');
