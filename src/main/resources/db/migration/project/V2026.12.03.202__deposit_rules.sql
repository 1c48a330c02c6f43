-- 《工程建设领域农民工工资保证金规定》（人社部发〔2021〕65号）: a cap for a single project of a high contract value
-- where the region sets one (Art. 9); two clean years cut the rate by at least 50 % (Art. 10: 降幅不低于50%), so the
-- factor that remains is at most 0.5 (NOT VALID: a region's older row is kept as it was, new rows are checked).
ALTER TABLE deposit_parameter ADD COLUMN cap_amount NUMERIC(16, 2) CHECK (cap_amount > 0);
COMMENT ON COLUMN deposit_parameter.cap_amount IS '单个工程的存储上限（元，空为不设上限；65号第九条）';
ALTER TABLE deposit_parameter ADD CONSTRAINT deposit_parameter_clean_two_years_cut
    CHECK (clean_two_years_factor >= 0 AND clean_two_years_factor <= 0.5) NOT VALID;
COMMENT ON COLUMN deposit_parameter.clean_two_years_factor IS '连续2年未发生欠薪的调整系数（降幅不低于50%，即不大于0.5；65号第十条）';
