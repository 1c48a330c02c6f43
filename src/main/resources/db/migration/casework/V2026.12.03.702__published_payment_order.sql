-- Issue 15: the project's deposit ledger draws on an order to pay (限期改正指令书) of a case on that project, chosen from
-- the list, not typed. Casework publishes the served orders of open cases on a project whose workers are still owed
-- money (unfulfilled): what is owed is the workers' confirmed amounts less what they were paid, or the order's amount
-- where the case names no worker.
CREATE VIEW published_payment_order AS
SELECT o.id, o.case_id, c.number AS case_number, c.project_id, o.number, o.served_on, o.deadline, o.amount,
       CASE WHEN EXISTS (SELECT 1 FROM case_claimant k WHERE k.case_id = c.id)
            THEN (SELECT sum(GREATEST(k.amount_confirmed - k.amount_paid, 0)) FROM case_claimant k WHERE k.case_id = c.id)
            ELSE o.amount END AS owed
  FROM payment_order o
  JOIN case_file c ON c.id = o.case_id
 WHERE c.project_id IS NOT NULL
   AND c.status IN ('COORDINATING', 'FILED', 'ORDERED', 'RESOLVED');
COMMENT ON VIEW published_payment_order IS '在建项目上在办案件已送达的限期改正指令书及尚欠金额（供项目保证金台账选择动用依据）';
