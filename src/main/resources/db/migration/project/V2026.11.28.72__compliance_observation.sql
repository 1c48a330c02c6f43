-- An on-site inspection's observation of a compliance item (issue 8): the latest one counts as a fact of the item.
ALTER TABLE compliance_item ADD COLUMN observed_on        DATE;
ALTER TABLE compliance_item ADD COLUMN observed_compliant BOOLEAN;
ALTER TABLE compliance_item ADD COLUMN observed_source    VARCHAR(200);
ALTER TABLE compliance_item ADD COLUMN observed_note      VARCHAR(400);
ALTER TABLE compliance_item ADD COLUMN observed_at        TIMESTAMPTZ;
COMMENT ON COLUMN compliance_item.observed_on IS '最近一次现场检查日期';
COMMENT ON COLUMN compliance_item.observed_compliant IS '最近一次现场检查结论：是否符合（不符合时该事项视为缺失）';
COMMENT ON COLUMN compliance_item.observed_source IS '现场检查出处（检查行动及检查记录）';
COMMENT ON COLUMN compliance_item.observed_note IS '现场检查情况说明';
COMMENT ON COLUMN compliance_item.observed_at IS '现场检查结论的登记时间（此后再登记的事实优先）';
