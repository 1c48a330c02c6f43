-- An indicator the province drops or the office entered by mistake is withdrawn, not deleted: the row, its
-- self-score and evidence stay for the record, with who withdrew it and why; the page and the pack leave it out.
ALTER TABLE assessment_indicator ADD COLUMN withdrawn_at     TIMESTAMPTZ;
ALTER TABLE assessment_indicator ADD COLUMN withdrawn_by     VARCHAR(64);
ALTER TABLE assessment_indicator ADD COLUMN withdrawn_reason VARCHAR(500);
COMMENT ON COLUMN assessment_indicator.withdrawn_at IS '撤销时间（省里调整指标或录入有误）；撤销的指标不计入自评和迎检材料，记录保留';
COMMENT ON COLUMN assessment_indicator.withdrawn_reason IS '撤销原因';
