-- Retention (issue 21): when a worker's real-name data, a roster row or an attendance row passed its keeping.
ALTER TABLE worker ADD COLUMN anonymised_at TIMESTAMPTZ;
ALTER TABLE employment ADD COLUMN anonymised_at TIMESTAMPTZ;
ALTER TABLE attendance ADD COLUMN anonymised_at TIMESTAMPTZ;
COMMENT ON COLUMN worker.anonymised_at IS '匿名化时间（姓名、身份证号、手机号已去除）';
COMMENT ON COLUMN employment.anonymised_at IS '匿名化时间（姓名、工资卡号已去除，进退场日期保留）';
COMMENT ON COLUMN attendance.anonymised_at IS '超过考勤保存期限的时间（本行不含姓名，工人身份随花名册匿名化）';
