-- One definition of a case's sector (统计口径, issue 23): its project's sector (GB/T 4754) where the case is about a
-- project that has one, else the respondent employer's as recorded on the case. The dashboard, the statistics, the
-- work summary and the case list's sector filter all read sector_code, so a cell's count and its drill-down agree.
CREATE OR REPLACE VIEW registered_case AS
SELECT c.*, COALESCE(pr.industry_code, c.industry_code) AS sector_code
  FROM case_file c LEFT JOIN published_project pr ON pr.id = c.project_id;
CREATE OR REPLACE VIEW counted_case AS
SELECT * FROM registered_case WHERE linked_case_id IS NULL AND status NOT IN ('REFUSED', 'WITHDRAWN');
COMMENT ON COLUMN registered_case.sector_code IS '案件所属行业：涉及项目的取项目所属行业，否则取被投诉单位的行业';
