-- Coverage figures per grid (网格覆盖统计).
INSERT INTO permission (code, name, module) VALUES ('reporting:grid:view', '查看网格覆盖统计', 'reporting');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'reporting:grid:view'), ('LABOR_INSPECTOR', 'reporting:grid:view');
