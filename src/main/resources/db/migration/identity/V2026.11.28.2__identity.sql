-- Identity and access: code tables, departments, officers, roles, permissions, and the audit trail.

CREATE TABLE region (
    code        VARCHAR(12) PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    level       VARCHAR(16) NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWN', 'VILLAGE')),
    parent_code VARCHAR(12) REFERENCES region (code),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  VARCHAR(64) NOT NULL DEFAULT 'system',
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  VARCHAR(64) NOT NULL DEFAULT 'system'
);
CREATE INDEX region_parent_ix ON region (parent_code);
COMMENT ON TABLE region IS '行政区划（GB/T 2260）';
COMMENT ON COLUMN region.code IS '区划代码';
COMMENT ON COLUMN region.name IS '区划名称';
COMMENT ON COLUMN region.level IS '级别：省/地市/县区/乡镇/村';
COMMENT ON COLUMN region.parent_code IS '上级区划代码';

CREATE TABLE industry_sector (
    code        VARCHAR(4)   PRIMARY KEY,
    name        VARCHAR(128) NOT NULL,
    level       VARCHAR(16)  NOT NULL CHECK (level IN ('SECTION', 'DIVISION')),
    parent_code VARCHAR(4) REFERENCES industry_sector (code),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  VARCHAR(64) NOT NULL DEFAULT 'system',
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  VARCHAR(64) NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE industry_sector IS '国民经济行业分类（GB/T 4754-2017 门类与大类）';
COMMENT ON COLUMN industry_sector.code IS '门类字母或大类两位代码';
COMMENT ON COLUMN industry_sector.level IS '级别：门类/大类';

CREATE TABLE department (
    id          BIGSERIAL PRIMARY KEY,
    parent_id   BIGINT REFERENCES department (id),
    region_code VARCHAR(12) NOT NULL REFERENCES region (code),
    name        VARCHAR(64) NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    sort_order  INT         NOT NULL DEFAULT 0,
    enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    version     INT         NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  VARCHAR(64) NOT NULL DEFAULT 'system',
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  VARCHAR(64) NOT NULL DEFAULT 'system',
    CONSTRAINT department_name_uq UNIQUE (region_code, name)
);
CREATE INDEX department_parent_ix ON department (parent_id);
COMMENT ON TABLE department IS '部门（治欠办、劳动监察局、成员单位、联络单位），按区划组织成树';
COMMENT ON COLUMN department.kind IS '部门类别：领导小组办公室/劳动监察/行业主管/成员单位/联络单位/其他';
COMMENT ON COLUMN department.version IS '乐观锁版本';

CREATE TABLE role (
    code        VARCHAR(32) PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    data_scope  VARCHAR(32) NOT NULL CHECK (data_scope IN ('REGION', 'DEPARTMENT_AND_BELOW', 'DEPARTMENT', 'ORGANISATION', 'GRID', 'SELF')),
    description VARCHAR(256),
    sort_order  INT         NOT NULL DEFAULT 0,
    version     INT         NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  VARCHAR(64) NOT NULL DEFAULT 'system',
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  VARCHAR(64) NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE role IS '角色';
COMMENT ON COLUMN role.data_scope IS '数据权限：本区划/本部门及以下/本部门/本单位/本网格/本人';

CREATE TABLE permission (
    code       VARCHAR(64) PRIMARY KEY,
    name       VARCHAR(64) NOT NULL,
    module     VARCHAR(32) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE permission IS '权限码（模块:对象:操作）';

CREATE TABLE role_permission (
    role_code       VARCHAR(32) NOT NULL REFERENCES role (code) ON DELETE CASCADE,
    permission_code VARCHAR(64) NOT NULL REFERENCES permission (code) ON DELETE CASCADE,
    PRIMARY KEY (role_code, permission_code)
);
COMMENT ON TABLE role_permission IS '角色的权限';

CREATE TABLE officer (
    id                  BIGSERIAL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL UNIQUE,
    display_name        VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(100) NOT NULL,
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    region_code         VARCHAR(12)  NOT NULL REFERENCES region (code),
    department_id       BIGINT REFERENCES department (id),
    organisation_code   VARCHAR(18),
    organisation_name   VARCHAR(128),
    grid_code           VARCHAR(32),
    title               VARCHAR(64),
    mobile_cipher       TEXT,
    mobile_hash         VARCHAR(64),
    id_number_cipher    TEXT,
    id_number_hash      VARCHAR(64),
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts     INT          NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    last_login_at       TIMESTAMPTZ,
    version             INT          NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by          VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by          VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE INDEX officer_department_ix ON officer (department_id);
CREATE INDEX officer_region_ix ON officer (region_code);
CREATE INDEX officer_id_number_hash_ix ON officer (id_number_hash);
COMMENT ON TABLE officer IS '用户（工作人员、总包劳资专管员、银行、网格员）';
COMMENT ON COLUMN officer.username IS '登录名';
COMMENT ON COLUMN officer.password_hash IS '密码哈希（BCrypt）';
COMMENT ON COLUMN officer.organisation_code IS '所属单位统一社会信用代码（总包单位、代发银行）';
COMMENT ON COLUMN officer.grid_code IS '所属网格编码（网格员）';
COMMENT ON COLUMN officer.mobile_cipher IS '手机号密文';
COMMENT ON COLUMN officer.mobile_hash IS '手机号检索哈希';
COMMENT ON COLUMN officer.id_number_cipher IS '身份证号密文';
COMMENT ON COLUMN officer.id_number_hash IS '身份证号检索哈希';
COMMENT ON COLUMN officer.failed_attempts IS '连续登录失败次数';
COMMENT ON COLUMN officer.locked_until IS '锁定截止时间';

CREATE TABLE officer_role (
    officer_id BIGINT      NOT NULL REFERENCES officer (id) ON DELETE CASCADE,
    role_code  VARCHAR(32) NOT NULL REFERENCES role (code),
    PRIMARY KEY (officer_id, role_code)
);
COMMENT ON TABLE officer_role IS '用户的角色';

CREATE TABLE login_log (
    id         BIGSERIAL PRIMARY KEY,
    username   VARCHAR(64) NOT NULL,
    officer_id BIGINT,
    success    BOOLEAN     NOT NULL,
    reason     VARCHAR(64) NOT NULL,
    ip         VARCHAR(64),
    user_agent VARCHAR(256),
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_log_at_ix ON login_log (at DESC);
CREATE INDEX login_log_username_ix ON login_log (username);
COMMENT ON TABLE login_log IS '登录日志（只增不改，保存不少于185天）';

CREATE TABLE operation_log (
    id          BIGSERIAL PRIMARY KEY,
    officer_id  BIGINT,
    username    VARCHAR(64) NOT NULL,
    action      VARCHAR(64) NOT NULL,
    target_type VARCHAR(64),
    target_id   VARCHAR(64),
    detail      VARCHAR(1000),
    ip          VARCHAR(64),
    result      VARCHAR(16) NOT NULL CHECK (result IN ('SUCCESS', 'FAILURE', 'DENIED')),
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX operation_log_at_ix ON operation_log (at DESC);
CREATE INDEX operation_log_target_ix ON operation_log (target_type, target_id);
COMMENT ON TABLE operation_log IS '操作日志（谁、何时、从何处、对哪条记录做了什么、结果；只增不改，保存不少于185天）';

-- No one edits the audit trail: not the application, not an administrator with SQL through it.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER login_log_append_only BEFORE UPDATE OR DELETE ON login_log
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER login_log_no_truncate BEFORE TRUNCATE ON login_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER operation_log_append_only BEFORE UPDATE OR DELETE ON operation_log
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER operation_log_no_truncate BEFORE TRUNCATE ON operation_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- Built-in roles (DOMAIN.md §1) and the three separate administrators of 等保 level 3.
INSERT INTO role (code, name, data_scope, description, sort_order) VALUES
  ('SYSTEM_ADMIN',      '系统管理员',       'REGION',               '管理用户账号、部门与代码表；不能查看审计日志', 1),
  ('SECURITY_ADMIN',    '安全管理员',       'REGION',               '为用户授予角色、配置角色权限、解锁账号；不能管理账号本身', 2),
  ('AUDIT_ADMIN',       '审计管理员',       'REGION',               '查阅登录日志与操作日志；日志不可修改', 3),
  ('LEADERSHIP_OFFICE', '治欠办',           'REGION',               '领导小组办公室：查看本区域全部数据，交办、督办，阅读报表', 10),
  ('LABOR_INSPECTOR',   '劳动监察员',       'REGION',               '受理投诉、办理案件、开展检查和专项行动', 11),
  ('INDUSTRY_OFFICER',  '行业主管部门',     'DEPARTMENT_AND_BELOW', '查看本行业的项目和线索，办理交办事项', 12),
  ('CONTRACTOR',        '总包劳资专管员',   'ORGANISATION',         '维护本单位项目的花名册、考勤、工资表和专户数据', 13),
  ('BANK',              '代发银行',         'ORGANISATION',         '上传本行专用账户的代发流水', 14),
  ('GRID_WORKER',       '网格员',           'GRID',                 '登记网格内用人单位，报送欠薪线索', 15);

INSERT INTO permission (code, name, module) VALUES
  ('identity:directory:view',  '查看通讯录',           'identity'),
  ('identity:user:view',       '查看用户',             'identity'),
  ('identity:user:edit',       '新增和修改用户',       'identity'),
  ('identity:user:disable',    '停用和启用用户',       'identity'),
  ('identity:user:grant',      '为用户授予角色',       'identity'),
  ('identity:user:unlock',     '解锁用户',             'identity'),
  ('identity:user:sensitive',  '查看用户完整证件号码', 'identity'),
  ('identity:role:view',       '查看角色',             'identity'),
  ('identity:role:edit',       '配置角色权限',         'identity'),
  ('identity:dept:view',       '查看部门',             'identity'),
  ('identity:dept:edit',       '新增和修改部门',       'identity'),
  ('identity:code:view',       '查看代码表',           'identity'),
  ('identity:code:import',     '导入行政区划',         'identity'),
  ('identity:audit:view',      '查阅审计日志',         'identity');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('SYSTEM_ADMIN', 'identity:directory:view'),
  ('SYSTEM_ADMIN', 'identity:user:view'),
  ('SYSTEM_ADMIN', 'identity:user:edit'),
  ('SYSTEM_ADMIN', 'identity:user:disable'),
  ('SYSTEM_ADMIN', 'identity:role:view'),
  ('SYSTEM_ADMIN', 'identity:dept:view'),
  ('SYSTEM_ADMIN', 'identity:dept:edit'),
  ('SYSTEM_ADMIN', 'identity:code:view'),
  ('SYSTEM_ADMIN', 'identity:code:import'),
  ('SECURITY_ADMIN', 'identity:user:view'),
  ('SECURITY_ADMIN', 'identity:user:grant'),
  ('SECURITY_ADMIN', 'identity:user:unlock'),
  ('SECURITY_ADMIN', 'identity:user:sensitive'),
  ('SECURITY_ADMIN', 'identity:role:view'),
  ('SECURITY_ADMIN', 'identity:role:edit'),
  ('AUDIT_ADMIN', 'identity:audit:view'),
  ('LEADERSHIP_OFFICE', 'identity:directory:view'),
  ('LEADERSHIP_OFFICE', 'identity:dept:view'),
  ('LEADERSHIP_OFFICE', 'identity:code:view'),
  ('LABOR_INSPECTOR', 'identity:directory:view'),
  ('LABOR_INSPECTOR', 'identity:dept:view'),
  ('LABOR_INSPECTOR', 'identity:code:view'),
  ('INDUSTRY_OFFICER', 'identity:directory:view'),
  ('INDUSTRY_OFFICER', 'identity:code:view'),
  ('CONTRACTOR', 'identity:directory:view'),
  ('BANK', 'identity:directory:view'),
  ('GRID_WORKER', 'identity:directory:view');
