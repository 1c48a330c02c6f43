-- The wage-deposit ledger, the guarantee register and the labor-cost schedule as the festival exposure forecast
-- (monitoring, issue 21) reads them: what a project's deposit and guarantees hold on a day, and the project's
-- schedule that gives a daily rate for workers without a pay history of their own.
CREATE VIEW published_wage_deposit_movement AS
SELECT id, project_id, kind, amount, occurred_on FROM wage_deposit_movement;
CREATE VIEW published_deposit_guarantee AS
SELECT id, project_id, form, amount, valid_from, valid_until, verified_on, claimed_on FROM deposit_guarantee;
CREATE VIEW published_labor_cost_schedule AS SELECT project_id, month, amount FROM labor_cost_schedule;
