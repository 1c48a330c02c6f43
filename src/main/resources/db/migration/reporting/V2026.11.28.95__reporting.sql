INSERT INTO permission (code, name, module) VALUES ('reporting:summary:view', '生成工作总结', 'reporting');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'reporting:summary:view'), ('LABOR_INSPECTOR', 'reporting:summary:view');
