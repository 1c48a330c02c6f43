-- Bank disbursements and the reconciliation's findings as casework and reporting read them (issue 22).
CREATE VIEW published_disbursement AS SELECT * FROM disbursement;
CREATE VIEW published_reconciliation_finding AS
SELECT id, project_id, month, rule, severity, worker_id, finding_month FROM reconciliation_finding;
