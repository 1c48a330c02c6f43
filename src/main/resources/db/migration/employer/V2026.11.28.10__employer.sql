-- Employers (用人单位), their arrears history and credit listings; permissions of the employer module.

CREATE TABLE employer (
    id                        BIGSERIAL PRIMARY KEY,
    name                      VARCHAR(128) NOT NULL,
    credit_code               VARCHAR(18)  NOT NULL,
    industry_code             VARCHAR(4)   NOT NULL REFERENCES industry_sector (code)
                                  CHECK (industry_code ~ '^[0-9]{2}$'),
    region_code               VARCHAR(12)  NOT NULL REFERENCES region (code),
    address                   VARCHAR(256),
    legal_representative      VARCHAR(64),
    contact_person            VARCHAR(64),
    contact_phone_cipher      TEXT,
    contact_phone_hash        VARCHAR(64),
    type                      VARCHAR(32)  NOT NULL CHECK (type IN ('OWNER', 'GENERAL_CONTRACTOR', 'SUBCONTRACTOR',
                                  'LABOR_SERVICE', 'MANUFACTURING', 'HOSPITAL', 'HOTEL', 'CATERING', 'ENTERTAINMENT', 'OTHER')),
    labor_intensive           BOOLEAN      NOT NULL DEFAULT FALSE,
    supervising_department_id BIGINT       NOT NULL REFERENCES department (id),
    grid_code                 VARCHAR(32),
    operating_status          VARCHAR(16)  NOT NULL DEFAULT 'NORMAL'
                                  CHECK (operating_status IN ('NORMAL', 'HALTED', 'HALF_RUNNING', 'CLOSED')),
    employee_count            INT CHECK (employee_count >= 0),
    registered_on             DATE         NOT NULL DEFAULT current_date,
    version                   INT          NOT NULL DEFAULT 0,
    created_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by                VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by                VARCHAR(64)  NOT NULL DEFAULT 'system',
    CONSTRAINT employer_credit_code_uq UNIQUE (credit_code)
);
CREATE INDEX employer_region_ix ON employer (region_code);
CREATE INDEX employer_department_ix ON employer (supervising_department_id);
CREATE INDEX employer_grid_ix ON employer (grid_code);
CREATE INDEX employer_type_ix ON employer (type);
CREATE INDEX employer_contact_phone_hash_ix ON employer (contact_phone_hash);
COMMENT ON TABLE employer IS '用人单位（建设单位、施工总承包单位、分包单位、劳务企业及非建设领域用人单位）';
COMMENT ON COLUMN employer.name IS '单位名称';
COMMENT ON COLUMN employer.credit_code IS '统一社会信用代码（GB 32100，已校验；用人单位的唯一标识）';
COMMENT ON COLUMN employer.industry_code IS '所属行业（GB/T 4754 大类代码）';
COMMENT ON COLUMN employer.region_code IS '所在行政区划代码';
COMMENT ON COLUMN employer.address IS '单位地址';
COMMENT ON COLUMN employer.legal_representative IS '法定代表人';
COMMENT ON COLUMN employer.contact_person IS '联系人';
COMMENT ON COLUMN employer.contact_phone_cipher IS '联系电话密文';
COMMENT ON COLUMN employer.contact_phone_hash IS '联系电话检索哈希';
COMMENT ON COLUMN employer.type IS '单位类型：建设单位/施工总承包/专业或劳务分包/劳务企业/制造业/医院/酒店/餐饮/娱乐场所/其他';
COMMENT ON COLUMN employer.labor_intensive IS '是否劳动密集型企业';
COMMENT ON COLUMN employer.supervising_department_id IS '行业主管部门（管行业必须管治欠）';
COMMENT ON COLUMN employer.grid_code IS '所属网格编码（“两网化”网格）';
COMMENT ON COLUMN employer.operating_status IS '经营状态：正常经营/停产/半停产/注销';
COMMENT ON COLUMN employer.employee_count IS '职工人数';
COMMENT ON COLUMN employer.registered_on IS '纳入监管（登记）日期，无欠薪年限自此起算';
COMMENT ON COLUMN employer.version IS '乐观锁版本';
COMMENT ON COLUMN employer.created_at IS '创建时间';
COMMENT ON COLUMN employer.created_by IS '创建人';
COMMENT ON COLUMN employer.updated_at IS '修改时间';
COMMENT ON COLUMN employer.updated_by IS '修改人';

CREATE TABLE employer_arrears_record (
    id             BIGSERIAL PRIMARY KEY,
    employer_id    BIGINT        NOT NULL REFERENCES employer (id),
    confirmed_on   DATE          NOT NULL,
    amount         NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    workers        INT           CHECK (workers >= 0),
    case_reference VARCHAR(64),
    description    VARCHAR(1000),
    recorded_by    BIGINT REFERENCES officer (id),
    version        INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by     VARCHAR(64)   NOT NULL DEFAULT 'system',
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by     VARCHAR(64)   NOT NULL DEFAULT 'system'
);
CREATE INDEX employer_arrears_employer_ix ON employer_arrears_record (employer_id, confirmed_on DESC);
COMMENT ON TABLE employer_arrears_record IS '用人单位欠薪记录（经认定的拖欠工资；在案件办理模块接入前由监察员登记）';
COMMENT ON COLUMN employer_arrears_record.confirmed_on IS '欠薪认定日期';
COMMENT ON COLUMN employer_arrears_record.amount IS '欠薪金额（元）';
COMMENT ON COLUMN employer_arrears_record.workers IS '涉及农民工人数';
COMMENT ON COLUMN employer_arrears_record.case_reference IS '案件编号或文书号';
COMMENT ON COLUMN employer_arrears_record.description IS '情况说明';
COMMENT ON COLUMN employer_arrears_record.recorded_by IS '登记人';
COMMENT ON COLUMN employer_arrears_record.version IS '乐观锁版本';

CREATE TABLE employer_credit_listing (
    id          BIGSERIAL PRIMARY KEY,
    employer_id BIGINT        NOT NULL REFERENCES employer (id),
    kind        VARCHAR(16)   NOT NULL CHECK (kind IN ('BLACKLIST', 'KEY_ATTENTION')),
    listed_on   DATE          NOT NULL,
    expires_on  DATE,
    removed_on  DATE,
    grounds     VARCHAR(1000) NOT NULL,
    recorded_by BIGINT REFERENCES officer (id),
    version     INT           NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by  VARCHAR(64)   NOT NULL DEFAULT 'system',
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by  VARCHAR(64)   NOT NULL DEFAULT 'system',
    CHECK (expires_on IS NULL OR expires_on > listed_on),
    CHECK (removed_on IS NULL OR removed_on >= listed_on)
);
CREATE INDEX employer_credit_listing_employer_ix ON employer_credit_listing (employer_id, listed_on DESC);
COMMENT ON TABLE employer_credit_listing IS '用人单位信用名单记录（失信联合惩戒名单、重点关注名单）';
COMMENT ON COLUMN employer_credit_listing.kind IS '名单类别：失信联合惩戒名单/重点关注名单';
COMMENT ON COLUMN employer_credit_listing.listed_on IS '列入日期';
COMMENT ON COLUMN employer_credit_listing.expires_on IS '期满日期（失信名单一般列入 3 年）';
COMMENT ON COLUMN employer_credit_listing.removed_on IS '提前移出日期';
COMMENT ON COLUMN employer_credit_listing.grounds IS '列入事由';
COMMENT ON COLUMN employer_credit_listing.recorded_by IS '登记人';
COMMENT ON COLUMN employer_credit_listing.version IS '乐观锁版本';

INSERT INTO permission (code, name, module) VALUES
  ('employer:employer:view',   '查看用人单位',             'employer'),
  ('employer:employer:edit',   '登记和修改用人单位',       'employer'),
  ('employer:employer:import', '导入用人单位',             'employer'),
  ('employer:credit:record',   '登记欠薪记录和信用名单',   'employer');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'employer:employer:view'),
  ('LABOR_INSPECTOR',   'employer:employer:view'),
  ('INDUSTRY_OFFICER',  'employer:employer:view'),
  ('CONTRACTOR',        'employer:employer:view'),
  ('GRID_WORKER',       'employer:employer:view'),
  ('LABOR_INSPECTOR',   'employer:employer:edit'),
  ('INDUSTRY_OFFICER',  'employer:employer:edit'),
  ('GRID_WORKER',       'employer:employer:edit'),
  ('LABOR_INSPECTOR',   'employer:employer:import'),
  ('INDUSTRY_OFFICER',  'employer:employer:import'),
  ('LABOR_INSPECTOR',   'employer:credit:record');
