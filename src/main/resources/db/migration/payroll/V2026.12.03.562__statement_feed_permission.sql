-- The special account's statement (issue 20) is the bank's to send: its credits of labor cost decide early-warning
-- rule 7, so a contractor does not send them for its own account.
INSERT INTO permission (code, name, module) VALUES
  ('payroll:statement:import', '报送专用账户对账单（人工费用拨付到账与余额）', 'payroll');
INSERT INTO role_permission (role_code, permission_code) VALUES ('BANK', 'payroll:statement:import');
