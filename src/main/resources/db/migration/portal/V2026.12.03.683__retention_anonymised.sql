-- Retention (issue 21): when a portal code or verification attempt was anonymised (address and index removed).
ALTER TABLE portal_wage_code ADD COLUMN anonymised_at TIMESTAMP;
ALTER TABLE portal_attempt ADD COLUMN anonymised_at TIMESTAMP;
COMMENT ON COLUMN portal_wage_code.anonymised_at IS '匿名化时间（申请地址与验证码摘要已去除）';
COMMENT ON COLUMN portal_attempt.anonymised_at IS '匿名化时间（访问地址与盲索引已去除）';
