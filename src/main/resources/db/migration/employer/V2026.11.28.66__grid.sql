-- The grid (网格化, "两网化"): grids within the towns and streets, the 6-monthly refresh of each employer by its
-- grid workers, and the permissions of the grid pages. Grid workers are officers with the GRID_WORKER role whose
-- officer.grid_code names the grid.

CREATE TABLE grid (
    code        VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z-]{1,32}$'),
    name        VARCHAR(64)  NOT NULL,
    region_code VARCHAR(12)  NOT NULL REFERENCES region (code),
    notes       VARCHAR(500),
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    version     INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by  VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by  VARCHAR(64)  NOT NULL DEFAULT 'system',
    CONSTRAINT grid_name_uq UNIQUE (region_code, name)
);
CREATE INDEX grid_region_ix ON grid (region_code);
COMMENT ON TABLE grid IS '网格（“两网化”网格化管理的网格，划分在乡镇、街道之内）';
COMMENT ON COLUMN grid.code IS '网格编码（乡镇街道区划代码-序号，如 430981001-03）';
COMMENT ON COLUMN grid.name IS '网格名称';
COMMENT ON COLUMN grid.region_code IS '所在乡镇（街道）区划代码';
COMMENT ON COLUMN grid.notes IS '备注（四至范围、包含的社区或村等）';
COMMENT ON COLUMN grid.enabled IS '是否启用';
COMMENT ON COLUMN grid.version IS '乐观锁版本';
COMMENT ON COLUMN grid.created_at IS '创建时间';
COMMENT ON COLUMN grid.created_by IS '创建人';
COMMENT ON COLUMN grid.updated_at IS '修改时间';
COMMENT ON COLUMN grid.updated_by IS '修改人';

ALTER TABLE employer ADD COLUMN refreshed_on DATE;
ALTER TABLE employer ADD COLUMN refreshed_by VARCHAR(64);
COMMENT ON COLUMN employer.refreshed_on IS '网格员最近一次核实（更新或确认无变化）日期；下次核实到期日 = 该日期（未核实过则为登记日期）+ 核实周期';
COMMENT ON COLUMN employer.refreshed_by IS '最近一次核实的网格员登录名';
CREATE INDEX employer_grid_refresh_ix ON employer (grid_code, refreshed_on);

INSERT INTO permission (code, name, module) VALUES
  ('employer:grid:view',    '查看网格、网格员和单位核实情况', 'employer'),
  ('employer:grid:manage',  '新增和修改网格',                 'employer'),
  ('employer:grid:refresh', '核实本网格用人单位信息',         'employer');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('SYSTEM_ADMIN',      'employer:grid:view'),
  ('SYSTEM_ADMIN',      'employer:grid:manage'),
  ('LEADERSHIP_OFFICE', 'employer:grid:view'),
  ('LEADERSHIP_OFFICE', 'employer:grid:manage'),
  ('LABOR_INSPECTOR',   'employer:grid:view'),
  ('GRID_WORKER',       'employer:grid:view'),
  ('GRID_WORKER',       'employer:grid:refresh');
