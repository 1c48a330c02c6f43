-- The leadership group (领导小组) of a region: its members (组长, 副组长, 成员) and the duties of each member unit,
-- each set by a document (文号, date) — "明确职责分工…严格落实行业主管责任…层层压实".
CREATE TABLE duty_document (
    id          BIGSERIAL PRIMARY KEY,
    region_code VARCHAR(12)  NOT NULL REFERENCES region (code),
    number      VARCHAR(64)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    issued_on   DATE         NOT NULL,
    issuer      VARCHAR(128) NOT NULL,
    UNIQUE (region_code, number)
);
COMMENT ON TABLE duty_document IS '明确领导小组组成与成员单位职责的文件';
COMMENT ON COLUMN duty_document.number IS '文号';
COMMENT ON COLUMN duty_document.issued_on IS '印发日期';

CREATE TABLE leadership_member (
    id            BIGSERIAL PRIMARY KEY,
    region_code   VARCHAR(12)  NOT NULL REFERENCES region (code),
    position      VARCHAR(12)  NOT NULL CHECK (position IN ('LEADER', 'DEPUTY', 'MEMBER')),
    person_name   VARCHAR(64)  NOT NULL,
    post          VARCHAR(128) NOT NULL,
    department_id BIGINT       NOT NULL REFERENCES department (id),
    document_id   BIGINT       NOT NULL REFERENCES duty_document (id),
    sort_order    INT          NOT NULL DEFAULT 100
);
CREATE INDEX leadership_member_region_ix ON leadership_member (region_code);
COMMENT ON TABLE leadership_member IS '领导小组组成人员：组长、副组长、成员（姓名、职务、所在单位）';
COMMENT ON COLUMN leadership_member.position IS '在领导小组中的职务：LEADER 组长，DEPUTY 副组长，MEMBER 成员';
COMMENT ON COLUMN leadership_member.post IS '本职职务';
COMMENT ON COLUMN leadership_member.department_id IS '所在成员单位';

CREATE TABLE member_duty (
    id            BIGSERIAL PRIMARY KEY,
    department_id BIGINT        NOT NULL REFERENCES department (id),
    document_id   BIGINT        NOT NULL REFERENCES duty_document (id),
    basis         VARCHAR(200),
    duty          VARCHAR(1000) NOT NULL,
    sort_order    INT           NOT NULL DEFAULT 100
);
CREATE INDEX member_duty_department_ix ON member_duty (department_id);
COMMENT ON TABLE member_duty IS '成员单位职责（行业主管责任）';
COMMENT ON COLUMN member_duty.basis IS '法规依据，如《保障农民工工资支付条例》第七条';

INSERT INTO permission (code, name, module) VALUES
  ('leadership:group:view', '查看领导小组与成员单位职责', 'leadership'),
  ('leadership:group:edit', '维护领导小组与成员单位职责', 'leadership');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'leadership:group:view'), ('LEADERSHIP_OFFICE', 'leadership:group:edit'),
  ('LABOR_INSPECTOR', 'leadership:group:view'), ('INDUSTRY_OFFICER', 'leadership:group:view');
