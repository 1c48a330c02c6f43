-- API tokens expire (default one year after issue, wageguard.security.api-token.validity); tokens issued before
-- this migration get their issue time plus one year.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE api_token SET expires_at = created_at + interval '1 year';
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
COMMENT ON COLUMN api_token.expires_at IS '令牌到期时间：到期后调用一律拒绝（401），需重新签发';
