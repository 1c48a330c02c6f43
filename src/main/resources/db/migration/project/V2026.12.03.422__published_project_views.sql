-- Projects, their compliance items and labor-cost transfers as the other modules read them (issue 22: each module owns
-- its tables). A view's columns are fixed when it is created; compliance items publish only their state.
CREATE VIEW published_project AS SELECT * FROM project;
CREATE VIEW published_compliance_item AS
SELECT id, project_id, kind, status, status_reason, not_applicable, valid_until FROM compliance_item;
CREATE VIEW published_labor_cost_transfer AS SELECT * FROM labor_cost_transfer;
