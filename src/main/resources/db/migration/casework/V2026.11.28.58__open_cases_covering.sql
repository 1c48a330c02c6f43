-- The open cases, with every column the overdue test reads, in one index: counting and paging the overdue cases
-- of a province reads the index alone.
DROP INDEX IF EXISTS case_file_open_ix;
CREATE INDEX case_file_open_ix ON case_file (registered_on DESC, id DESC)
    INCLUDE (status, region_code, department_id, accept_due, first_contact_due, first_contacted_on, handling_due,
             assignment_due)
    WHERE status IN ('REGISTERED', 'ACCEPTED', 'COORDINATING', 'FILED', 'ORDERED', 'RESOLVED', 'PAYMENT_VERIFIED');
