-- Retention (issue 21): when a pay-ledger row was anonymised (names, card and ID number removed, figures kept).
ALTER TABLE payroll_line ADD COLUMN anonymised_at TIMESTAMPTZ;
ALTER TABLE disbursement ADD COLUMN anonymised_at TIMESTAMPTZ;
COMMENT ON COLUMN payroll_line.anonymised_at IS '匿名化时间（超过保存期限后去除姓名，金额与天数保留）';
COMMENT ON COLUMN disbursement.anonymised_at IS '匿名化时间（超过保存期限后去除收款人姓名、卡号与身份证号，金额保留）';
