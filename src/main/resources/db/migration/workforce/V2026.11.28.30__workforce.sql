-- Real-name management (实名制): workers, their employment on projects (the roster), attendance, and the
-- history of every file that brought them in. Rows of a superseded file are kept (current = FALSE): the
-- history then shows exactly what each version said, with the same SQL as the current data.

CREATE TABLE data_import (
    id                BIGSERIAL PRIMARY KEY,
    kind              VARCHAR(16)  NOT NULL CHECK (kind IN ('ROSTER', 'ATTENDANCE', 'PAYROLL', 'DISBURSEMENT')),
    project_id        BIGINT       NOT NULL REFERENCES project (id),
    month             DATE,
    file_name         VARCHAR(200),
    content_hash      CHAR(64)     NOT NULL,
    row_count         INT          NOT NULL CHECK (row_count >= 0),
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('CURRENT', 'SUPERSEDED')),
    replaced_by       BIGINT REFERENCES data_import (id),
    sender_org        VARCHAR(200),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by        VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by        VARCHAR(64)  NOT NULL DEFAULT 'system'
);
-- One current version per slice; a concurrent second import of the same slice fails and rolls back whole.
CREATE UNIQUE INDEX data_import_current_ux ON data_import (kind, project_id, COALESCE(month, DATE '1900-01-01'))
    WHERE status = 'CURRENT';
CREATE INDEX data_import_project_ix ON data_import (project_id, created_at DESC);
COMMENT ON TABLE data_import IS '数据导入版本记录：谁在何时为哪个项目（和月份）报送了哪类文件；更正文件替换旧版本，旧版本保留';
COMMENT ON COLUMN data_import.kind IS '文件类型：花名册/考勤/工资表/代发流水';
COMMENT ON COLUMN data_import.month IS '所属月份（取当月1日）；花名册为空';
COMMENT ON COLUMN data_import.content_hash IS '本版本数据内容的SHA-256（相同内容重复导入不产生新版本）';
COMMENT ON COLUMN data_import.row_count IS '本版本的数据行数';
COMMENT ON COLUMN data_import.status IS '状态：现行/已被替换';
COMMENT ON COLUMN data_import.replaced_by IS '替换本版本的新版本';
COMMENT ON COLUMN data_import.sender_org IS '报送人所在单位或部门';
COMMENT ON COLUMN data_import.created_by IS '报送人（用户名）';

CREATE TABLE worker (
    id                BIGSERIAL PRIMARY KEY,
    id_number_cipher  TEXT         NOT NULL,
    id_number_hash    VARCHAR(64)  NOT NULL UNIQUE,
    id_number_masked  VARCHAR(32)  NOT NULL,
    id_verified       BOOLEAN      NOT NULL,
    id_check          VARCHAR(200),
    name              VARCHAR(64)  NOT NULL,
    phone_cipher      TEXT,
    phone_hash        VARCHAR(64),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by        VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by        VARCHAR(64)  NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE worker IS '农民工（按身份证号识别的同一个人，跨项目）';
COMMENT ON COLUMN worker.id_number_cipher IS '身份证号密文';
COMMENT ON COLUMN worker.id_number_hash IS '身份证号检索哈希（去空格、校验位大写后计算）';
COMMENT ON COLUMN worker.id_number_masked IS '身份证号脱敏显示值（前6后4）';
COMMENT ON COLUMN worker.id_verified IS '身份证号通过 GB 11643 校验';
COMMENT ON COLUMN worker.id_check IS '未通过的校验及原因（原样保留，不作更正）';
COMMENT ON COLUMN worker.phone_cipher IS '手机号密文';
COMMENT ON COLUMN worker.phone_hash IS '手机号检索哈希';

CREATE TABLE employment (
    id                    BIGSERIAL PRIMARY KEY,
    worker_id             BIGINT       NOT NULL REFERENCES worker (id),
    project_id            BIGINT       NOT NULL REFERENCES project (id),
    worker_name           VARCHAR(64)  NOT NULL,
    team                  VARCHAR(64),
    employer_credit_code  VARCHAR(18),
    bank_card_cipher      TEXT         NOT NULL,
    bank_card_hash        VARCHAR(64)  NOT NULL,
    bank_card_masked      VARCHAR(32)  NOT NULL,
    bank_card_luhn_warning BOOLEAN     NOT NULL DEFAULT FALSE,
    bank_name             VARCHAR(100),
    contract_signed       BOOLEAN      NOT NULL,
    entry_date            DATE         NOT NULL,
    exit_date             DATE,
    source_import_id      BIGINT       NOT NULL REFERENCES data_import (id),
    source_row            BIGINT       NOT NULL,
    current               BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by            VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE UNIQUE INDEX employment_current_ux ON employment (project_id, worker_id) WHERE current;
CREATE INDEX employment_worker_ix ON employment (worker_id);
CREATE INDEX employment_card_ix ON employment (project_id, bank_card_hash);
CREATE INDEX employment_import_ix ON employment (source_import_id);
COMMENT ON TABLE employment IS '实名制花名册：工人在项目上的用工登记（班组、劳动合同、进退场、工资卡）';
COMMENT ON COLUMN employment.worker_name IS '花名册上的姓名';
COMMENT ON COLUMN employment.team IS '班组';
COMMENT ON COLUMN employment.employer_credit_code IS '用工单位统一社会信用代码';
COMMENT ON COLUMN employment.bank_card_cipher IS '工资卡号密文';
COMMENT ON COLUMN employment.bank_card_hash IS '工资卡号检索哈希';
COMMENT ON COLUMN employment.bank_card_masked IS '工资卡号脱敏显示值';
COMMENT ON COLUMN employment.bank_card_luhn_warning IS '卡号未通过 Luhn 校验（仅提示，部分银联借记卡如此）';
COMMENT ON COLUMN employment.bank_name IS '开户行';
COMMENT ON COLUMN employment.contract_signed IS '已签订劳动合同';
COMMENT ON COLUMN employment.entry_date IS '进场日期';
COMMENT ON COLUMN employment.exit_date IS '退场日期';
COMMENT ON COLUMN employment.source_import_id IS '来源导入版本';
COMMENT ON COLUMN employment.source_row IS '在来源文件中的行号（同卡多人时以文件中靠后的行为准）';
COMMENT ON COLUMN employment.current IS '属于现行版本（被更正文件替换后为否，保留备查）';

CREATE TABLE attendance (
    id                BIGSERIAL PRIMARY KEY,
    worker_id         BIGINT       NOT NULL REFERENCES worker (id),
    project_id        BIGINT       NOT NULL REFERENCES project (id),
    work_date         DATE         NOT NULL,
    hours             NUMERIC(5, 2) CHECK (hours >= 0),
    source_import_id  BIGINT       NOT NULL REFERENCES data_import (id),
    current           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by        VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE UNIQUE INDEX attendance_current_ux ON attendance (worker_id, project_id, work_date) WHERE current;
CREATE INDEX attendance_project_date_ix ON attendance (project_id, work_date) WHERE current;
CREATE INDEX attendance_import_ix ON attendance (source_import_id);
COMMENT ON TABLE attendance IS '考勤：工人某日在项目现场出勤（每人每日一条）';
COMMENT ON COLUMN attendance.work_date IS '出勤日期';
COMMENT ON COLUMN attendance.hours IS '在场工时（小时）';
COMMENT ON COLUMN attendance.source_import_id IS '来源导入版本';
COMMENT ON COLUMN attendance.current IS '属于现行版本（被更正文件替换后为否，保留备查）';

INSERT INTO permission (code, name, module) VALUES
  ('workforce:roster:view',      '查看实名制花名册与考勤', 'workforce'),
  ('workforce:roster:import',    '导入花名册与考勤',       'workforce'),
  ('workforce:worker:sensitive', '查看工人完整身份证号和卡号', 'workforce');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'workforce:roster:view'),
  ('LABOR_INSPECTOR', 'workforce:roster:view'),
  ('LABOR_INSPECTOR', 'workforce:roster:import'),
  ('LABOR_INSPECTOR', 'workforce:worker:sensitive'),
  ('INDUSTRY_OFFICER', 'workforce:roster:view'),
  ('INDUSTRY_OFFICER', 'workforce:roster:import'),
  ('CONTRACTOR', 'workforce:roster:view'),
  ('CONTRACTOR', 'workforce:roster:import');
