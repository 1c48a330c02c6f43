-- Pay-sheet lines as the festival exposure forecast (monitoring, issue 21) reads them: a worker's own daily rate is
-- his net pay over his days on the project's pay sheets, and a month is paid in full when its net reached him.
CREATE VIEW published_payroll_line AS
SELECT id, project_id, month, worker_id, days_worked, gross, net, pay_date, current FROM payroll_line;
