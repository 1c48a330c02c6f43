-- 三员分立: the system administrator keeps the checklist templates (system configuration) but no longer reads the
-- campaigns, inspections and rectification orders, which are business records of the labor inspectors and the
-- industry departments (GB/T 22239-2019 level 3, 安全计算环境·访问控制: 最小权限, 管理用户的权限分离).
DELETE FROM role_permission WHERE role_code = 'SYSTEM_ADMIN' AND permission_code = 'inspection:campaign:view';
