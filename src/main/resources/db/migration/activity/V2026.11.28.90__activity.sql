-- Meetings of the leadership group and its task force, and publicity and training events.
CREATE TABLE activity (
    id                   BIGSERIAL PRIMARY KEY,
    kind                 VARCHAR(24)  NOT NULL CHECK (kind IN ('DEPLOYMENT_MEETING', 'EXCHANGE_MEETING',
                             'INSPECTION_PREP_MEETING', 'OTHER_MEETING', 'TRAINING', 'PUBLICITY', 'LEGAL_AWARENESS')),
    held_on              DATE         NOT NULL,
    title                VARCHAR(200) NOT NULL,
    region_code          VARCHAR(12)  NOT NULL REFERENCES region (code),
    convenor_id          BIGINT       NOT NULL REFERENCES department (id),
    organisers           VARCHAR(400),
    audience             VARCHAR(200),
    participants         INT          NOT NULL DEFAULT 0 CHECK (participants >= 0),
    materials            INT          NOT NULL DEFAULT 0 CHECK (materials >= 0),
    consultations        INT          NOT NULL DEFAULT 0 CHECK (consultations >= 0),
    media                VARCHAR(400),
    summary              VARCHAR(2000),
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by           VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE INDEX activity_held_ix ON activity (region_code, held_on);
COMMENT ON TABLE activity IS '治欠工作会议（领导小组、工作专班）与宣传、培训、普法活动';
COMMENT ON COLUMN activity.kind IS '类别：部署会/交流会/迎检部署会/其他会议/培训/宣传/普法';
COMMENT ON COLUMN activity.convenor_id IS '召集或牵头部门';
COMMENT ON COLUMN activity.organisers IS '联合举办单位';
COMMENT ON COLUMN activity.audience IS '参加对象';
COMMENT ON COLUMN activity.participants IS '参加人数（会议为到会人数）';
COMMENT ON COLUMN activity.materials IS '发放宣传资料份数';
COMMENT ON COLUMN activity.consultations IS '接受咨询人次';
COMMENT ON COLUMN activity.media IS '宣传媒介';

CREATE TABLE activity_decision (
    id            BIGSERIAL PRIMARY KEY,
    activity_id   BIGINT        NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    decision      VARCHAR(1000) NOT NULL,
    follow_up_id  BIGINT REFERENCES department (id),
    done_on       DATE
);
COMMENT ON TABLE activity_decision IS '会议议定事项及其落实部门';

INSERT INTO permission (code, name, module) VALUES
  ('activity:activity:view', '查看会议与宣传培训', 'activity'),
  ('activity:activity:edit', '登记会议与宣传培训', 'activity');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'activity:activity:view'), ('LEADERSHIP_OFFICE', 'activity:activity:edit'),
  ('LABOR_INSPECTOR', 'activity:activity:view'), ('LABOR_INSPECTOR', 'activity:activity:edit'),
  ('INDUSTRY_OFFICER', 'activity:activity:view');
