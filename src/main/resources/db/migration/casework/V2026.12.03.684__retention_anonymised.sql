-- Retention (issue 21): when a closed case's or clue's personal data was anonymised (complainant, claimants and liable
-- persons' names and ID numbers removed; amounts, counts and dates kept).
ALTER TABLE case_file ADD COLUMN anonymised_at TIMESTAMPTZ;
COMMENT ON COLUMN case_file.anonymised_at IS '匿名化时间（投诉人、当事工人与责任人的姓名、证件号与电话已去除，金额人数保留）';
