-- An import answers at its commit; its reconciliation and early warning follow as the job's later phase (issue 19):
-- phase RECONCILING (对账/预警) until findings_ready_at is set, FINDINGS_FAILED when they could not be made.
ALTER TABLE import_job ADD COLUMN findings_ready_at TIMESTAMPTZ;
COMMENT ON COLUMN import_job.findings_ready_at IS '导入后的对账与预警完成的时间（为空：尚未完成或未完成）';
COMMENT ON COLUMN import_job.phase IS '阶段：读取/校验/写入/对账与预警/完成/失败/对账未完成';
