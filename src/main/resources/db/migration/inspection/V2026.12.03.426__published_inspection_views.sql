-- On-site inspections, their targets and answers as reporting reads them (issue 22: each module owns its tables).
CREATE VIEW published_inspection AS SELECT id, target_id, inspected_on FROM inspection;
CREATE VIEW published_campaign_target AS SELECT id, campaign_id, project_id, employer_id, department_id FROM campaign_target;
CREATE VIEW published_inspection_answer AS SELECT id, inspection_id, item_id, compliant FROM inspection_answer;
CREATE VIEW published_checklist_item AS SELECT id, compliance_kind FROM checklist_item;
