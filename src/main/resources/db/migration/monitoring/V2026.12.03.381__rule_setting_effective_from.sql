-- Issue 16: a rule's parameters apply from a date (生效日期). A changed threshold (the minimum wage, say) applies from
-- its date; an evaluation of an earlier month keeps the value in force then, and the earlier settings stay as history.
-- The settings made before dates were kept apply since ever (2000-01-01).
ALTER TABLE monitoring_rule_setting ADD COLUMN effective_from DATE NOT NULL DEFAULT DATE '2000-01-01';
ALTER TABLE monitoring_rule_setting ALTER COLUMN effective_from DROP DEFAULT;
ALTER TABLE monitoring_rule_setting DROP CONSTRAINT monitoring_rule_setting_pkey;
ALTER TABLE monitoring_rule_setting ADD PRIMARY KEY (rule_code, region_code, effective_from);
COMMENT ON COLUMN monitoring_rule_setting.effective_from IS '生效日期：自该日起适用（此前的评估沿用当时有效的参数）';
COMMENT ON TABLE monitoring_rule_setting IS '预警规则参数（按行政区划、按生效日期设置，未设置的沿用上级区划或默认值；历次设置均保留）';

-- Rule 12's window is counted from the lunar new year (table spring_festival): days before and after the festival
-- replace the fixed month-days 12-01 and 02-15.
UPDATE monitoring_rule_setting
   SET parameters = (parameters - 'from' - 'to') || '{"daysBefore": "60", "daysAfter": "14"}'::jsonb
 WHERE rule_code = 'R12';
