-- A project's own sector (GB/T 4754 division, e.g. 47 房屋建筑业, 48 土木工程建筑业): the statistics count a case about a
-- project in the project's sector, whatever the respondent employer's own sector (a labor-service company on a site).
ALTER TABLE project ADD COLUMN industry_code VARCHAR(4) REFERENCES industry_sector (code);
COMMENT ON COLUMN project.industry_code IS '项目所属行业（GB/T 4754 大类，如 47 房屋建筑业、48 土木工程建筑业）；案件行业分布优先取此值';
