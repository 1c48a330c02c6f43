-- The case list at a province's scale (a million cases): the figures a list row and the money trail need are
-- kept on the case itself by triggers, so that neither reads the claimants or assignments row by row.
CREATE INDEX case_claimant_case_ix ON case_claimant (case_id);
CREATE INDEX case_assignment_case_ix ON case_assignment (case_id);
CREATE INDEX payment_order_case_ix ON payment_order (case_id);
CREATE INDEX case_event_case_day_ix ON case_event (case_id, on_day);
CREATE INDEX case_file_registered_ix ON case_file (registered_on DESC, id DESC);
CREATE INDEX case_file_region_ix ON case_file (region_code text_pattern_ops);
CREATE INDEX case_file_department_ix ON case_file (department_id);
CREATE INDEX case_file_open_ix ON case_file (registered_on DESC, id DESC)
    WHERE status IN ('REGISTERED', 'ACCEPTED', 'COORDINATING', 'FILED', 'ORDERED', 'RESOLVED', 'PAYMENT_VERIFIED');

ALTER TABLE case_file ADD COLUMN amount_paid_out NUMERIC(16, 2) NOT NULL DEFAULT 0;
ALTER TABLE case_file ADD COLUMN workers_paid INT NOT NULL DEFAULT 0;
ALTER TABLE case_file ADD COLUMN assignment_due DATE;
COMMENT ON COLUMN case_file.amount_paid_out IS '已核实发放到农民工本人的金额合计（由触发器按案件农民工维护）';
COMMENT ON COLUMN case_file.workers_paid IS '已核实发放的农民工人数（由触发器维护）';
COMMENT ON COLUMN case_file.assignment_due IS '待反馈交办事项中最早的反馈期限（由触发器维护）';

CREATE OR REPLACE FUNCTION case_file_refresh_paid(p_case BIGINT) RETURNS void AS $$
    UPDATE case_file c SET amount_paid_out = COALESCE(k.paid, 0), workers_paid = COALESCE(k.n, 0)
      FROM (SELECT sum(amount_paid) AS paid, count(*) FILTER (WHERE paid_on IS NOT NULL) AS n
              FROM case_claimant WHERE case_id = p_case) k
     WHERE c.id = p_case;
$$ LANGUAGE sql;

CREATE OR REPLACE FUNCTION case_claimant_paid_changed() RETURNS trigger AS $$
BEGIN
    PERFORM case_file_refresh_paid(CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_claimant_paid AFTER INSERT OR DELETE OR UPDATE OF amount_paid, paid_on ON case_claimant
    FOR EACH ROW EXECUTE FUNCTION case_claimant_paid_changed();

CREATE OR REPLACE FUNCTION case_assignment_due_changed() RETURNS trigger AS $$
DECLARE
    v_case BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
BEGIN
    UPDATE case_file SET assignment_due = (SELECT min(due_on) FROM case_assignment
                                            WHERE case_id = v_case AND status IN ('OPEN', 'REWORK'))
     WHERE id = v_case;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_assignment_due AFTER INSERT OR DELETE OR UPDATE OF status, due_on ON case_assignment
    FOR EACH ROW EXECUTE FUNCTION case_assignment_due_changed();

UPDATE case_file c SET amount_paid_out = k.paid, workers_paid = k.n
  FROM (SELECT case_id, sum(amount_paid) AS paid, count(*) FILTER (WHERE paid_on IS NOT NULL) AS n
          FROM case_claimant GROUP BY case_id) k
 WHERE k.case_id = c.id;
UPDATE case_file c SET assignment_due = a.due
  FROM (SELECT case_id, min(due_on) AS due FROM case_assignment WHERE status IN ('OPEN', 'REWORK') GROUP BY case_id) a
 WHERE a.case_id = c.id;
