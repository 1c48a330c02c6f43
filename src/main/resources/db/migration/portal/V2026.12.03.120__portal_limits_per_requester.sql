-- Issue 14: the portal's hourly limit counts per requester (client address) only; the phone or ID number of an
-- attempt is kept for the record, no longer to limit (a stranger could lock a worker out with it). Codes sent to one
-- worker are capped separately from portal_wage_code (index portal_wage_code_worker).
COMMENT ON COLUMN portal_attempt.phone_hash IS '手机号或身份证号盲索引（仅记录，不据此限流）';
COMMENT ON COLUMN portal_attempt.client_address IS '请求方地址（经可信代理时为其转发的客户端地址）';
