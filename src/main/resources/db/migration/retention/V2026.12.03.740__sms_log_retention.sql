-- The SMS log (messaging) is kept as a network log: at least six months (《网络安全法》第二十一条第（三）项).
ALTER TABLE retention_policy DROP CONSTRAINT retention_policy_legal_minimum;
ALTER TABLE retention_policy ADD CONSTRAINT retention_policy_legal_minimum CHECK (
    keep_months >= CASE kind WHEN 'PAY_LEDGER' THEN 36 WHEN 'ATTENDANCE' THEN 36 WHEN 'ROSTER' THEN 36
                              WHEN 'NETWORK_LOG' THEN 6 WHEN 'PORTAL_VERIFICATION' THEN 6 WHEN 'SMS_LOG' THEN 6
                              WHEN 'CASE_FILE' THEN 120 ELSE 0 END);
