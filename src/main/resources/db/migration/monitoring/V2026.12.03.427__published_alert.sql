-- The alerts as reporting counts them (issue 22: each module owns its tables).
CREATE VIEW published_alert AS
SELECT id, rule_code, severity, status, region_code, department_id, project_id, employer_id, first_raised_at FROM alert;
