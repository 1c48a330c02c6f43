-- The festival exposure forecast (春节前欠薪风险测算, issue 21): the leadership office and labor inspectors read it.
INSERT INTO permission (code, name, module) VALUES
  ('monitoring:forecast:view', '查看春节前欠薪风险测算', 'monitoring');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'monitoring:forecast:view'), ('LABOR_INSPECTOR', 'monitoring:forecast:view');
