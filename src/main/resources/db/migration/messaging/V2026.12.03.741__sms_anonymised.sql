-- Retention (issue 21): an SMS past its keeping loses its phone and its text; kind, status and times stay.
ALTER TABLE sms_message ADD COLUMN anonymised_at TIMESTAMPTZ;
COMMENT ON COLUMN sms_message.anonymised_at IS '超过保存期限匿名化的时间（手机号与正文已删除）';
