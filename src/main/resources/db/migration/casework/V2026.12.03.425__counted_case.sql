-- One definition of a counted case (统计口径), owned by casework (issue 22): a matter counts once — a repeat linked to
-- an earlier case is that case — and refused or withdrawn matters are not cases. The case list's "counted" filter, the
-- task forces, the dashboard, the statistics and the work summary all read it, so their figures agree.
CREATE VIEW registered_case AS SELECT * FROM case_file;
CREATE VIEW counted_case AS
SELECT * FROM registered_case WHERE linked_case_id IS NULL AND status NOT IN ('REFUSED', 'WITHDRAWN');
-- The responsible persons referred to the police, and the clue ledgers issued, as the work summary reads them.
CREATE VIEW published_case_person AS SELECT id, case_id, name, referral_status FROM case_person;
CREATE VIEW published_clue_ledger AS SELECT id, department_id, issued_on FROM clue_ledger;
