-- The dashboard and the statistics add up a period's cases by month, sector, channel and department: with every
-- column they read in one index, a province's million cases are read from the index alone (half the time of the
-- table, whose rows carry descriptions and notes).
CREATE INDEX case_file_report_ix ON case_file (registered_on, region_code text_pattern_ops)
    INCLUDE (status, channel, department_id, industry_code, linked_case_id, workers, workers_paid, amount_claimed,
             amount_recovered, amount_paid_out);
