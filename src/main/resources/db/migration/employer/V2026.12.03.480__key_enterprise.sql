-- 重点企业: the key-industry enterprises and key units of the construction field that the leadership group watches
-- (seed: "高新区重点行业企业欠薪隐患及全面排查", "建设工程领域重点单位"), counted in the statistics and the work summary.
ALTER TABLE employer ADD COLUMN key_enterprise BOOLEAN NOT NULL DEFAULT FALSE;
COMMENT ON COLUMN employer.key_enterprise IS '是否重点企业（重点行业企业、建设工程领域重点单位）';
-- published_employer was created as SELECT * and keeps the columns of its creation: recreate it with the new one.
CREATE OR REPLACE VIEW published_employer AS SELECT * FROM employer;
