-- A province's scale for the load test (psql -v scale=1.0 -f bench/province.sql): 100,000 projects,
-- 1,000,000 workers, 10,000,000 payroll lines and 1,000,000 cases (with 2,000,000 claimants) spread over Hunan's
-- 122 counties, on top of the demo data, plus a provincial leadership-office account `shengban` (Demo@2021)
-- whose scope is the whole province. Ciphertexts are placeholders: the full-view pages are not part of the load.
\set ON_ERROR_STOP on
\if :{?scale}
\else
\set scale 1.0
\endif
SET synchronous_commit = off;

CREATE TEMP TABLE bench_county AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM region WHERE level = 'COUNTY' AND code LIKE '43%';
SELECT count(*) AS counties FROM bench_county \gset

SELECT id AS dept_housing FROM department WHERE name = '沅江市住房和城乡建设局' \gset
SELECT id AS dept_transport FROM department WHERE name = '沅江市交通运输局' \gset
SELECT id AS dept_labor FROM department WHERE name = '沅江市劳动保障监察局' \gset

-- Employers: 20,000 (owners, general contractors, subcontractors, manufacturers, hotels…).
INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id, created_by)
SELECT '压测单位' || i, 'BENCH' || lpad(i::text, 13, '0'),
       (ARRAY['47','48','18','61','84','90'])[1 + i % 6], c.code,
       (ARRAY['OWNER','GENERAL_CONTRACTOR','SUBCONTRACTOR','MANUFACTURING','HOTEL','HOSPITAL'])[1 + i % 6],
       :dept_housing, 'bench'
  FROM generate_series(1, (20000 * :scale)::int) i JOIN bench_county c ON c.n = i % :counties;

CREATE TEMP TABLE bench_employer AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, type, region_code FROM employer WHERE created_by = 'bench';
SELECT count(*) AS employers FROM bench_employer \gset

-- Projects: 100,000.
INSERT INTO project (code, name, region_code, department_id, owner_id, general_contractor_id, contractor_code,
                     contract_value, contract_date, status, created_by)
SELECT 'BJ-' || lpad(i::text, 7, '0'), '压测项目' || i, c.code,
       CASE WHEN i % 3 = 0 THEN :dept_transport ELSE :dept_housing END,
       o.id, g.id, 'BENCH' || lpad(i::text, 13, '0'), 1000000 + (i % 500) * 100000,
       DATE '2024-01-01' + (i % 900), (ARRAY['UNDER_CONSTRUCTION','UNDER_CONSTRUCTION','SUSPENDED','COMPLETED'])[1 + i % 4], 'bench'
  FROM generate_series(1, (100000 * :scale)::int) i
  JOIN bench_county c ON c.n = i % :counties
  JOIN bench_employer o ON o.n = (i * 6) % :employers
  JOIN bench_employer g ON g.n = (i * 6 + 1) % :employers;

CREATE TEMP TABLE bench_project AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, region_code FROM project WHERE created_by = 'bench';
SELECT count(*) AS projects FROM bench_project \gset

-- Workers: 1,000,000.
INSERT INTO worker (id_number_cipher, id_number_hash, id_number_masked, id_verified, name, created_by, updated_by)
SELECT 'bench', md5('bench-worker-' || i), '4309**********' || lpad((i % 10000)::text, 4, '0'), TRUE, '压测工人' || i, 'bench', 'bench'
  FROM generate_series(1, (1000000 * :scale)::int) i;

CREATE TEMP TABLE bench_worker AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM worker WHERE created_by = 'bench';
SELECT count(*) AS workers FROM bench_worker \gset

-- Payroll: one import per project-month, 10,000,000 lines (each worker ten months on one project).
INSERT INTO data_import (kind, project_id, month, file_name, content_hash, row_count, status, created_by, updated_by)
SELECT 'PAYROLL', p.id, DATE '2025-01-01' + make_interval(months => m), 'bench.csv', md5(p.id || '-' || m), 0, 'CURRENT', 'bench', 'bench'
  FROM bench_project p CROSS JOIN generate_series(0, 9) m;
CREATE TEMP TABLE bench_import AS
SELECT d.id, d.project_id, d.month FROM data_import d WHERE d.created_by = 'bench';
CREATE INDEX ON bench_import (project_id, month);

INSERT INTO payroll_line (project_id, month, worker_id, worker_name, days_worked, gross, net, pay_date,
                          source_import_id, source_row, created_by)
SELECT p.id, d.month, w.id, '压测工人' || w.n, 22, 6600, 6600, d.month + 40, d.id, w.n, 'bench'
  FROM bench_worker w
  JOIN bench_project p ON p.n = w.n % :projects
  CROSS JOIN generate_series(0, 9) m
  JOIN bench_import d ON d.project_id = p.id AND d.month = DATE '2025-01-01' + make_interval(months => m);

-- Cases: 1,000,000 over five years, each with two claimants; most closed, some open and overdue.
INSERT INTO case_file (number, channel, kind, status, complainant_name, employer_id, employer_name, project_id,
                       industry_code, region_code, department_id, period_from, period_to, amount_claimed,
                       amount_recovered, workers, group_case, spring_festival, description, outcome, registered_on,
                       accept_due, accepted_on, handling_due, closed_on, first_contact_due, first_contacted_on,
                       created_by, updated_by)
SELECT '压测〔' || (2021 + i % 6) || '〕' || lpad(i::text, 7, '0') || '号',
       (ARRAY['WALK_IN','HOTLINE','PLATFORM','LETTER_VISIT','GRID','INSPECTION','ALERT'])[1 + i % 7],
       CASE WHEN i % 10 = 0 THEN 'REPORT' ELSE 'COMPLAINT' END,
       CASE WHEN i % 50 = 0 THEN 'REGISTERED' WHEN i % 50 = 1 THEN 'FILED' WHEN i % 50 = 2 THEN 'ORDERED'
            WHEN i % 50 = 3 THEN 'COORDINATING' ELSE 'TRACKING_ENDED' END,
       '压测投诉人' || i, e.id, '压测单位' || e.n, CASE WHEN i % 3 = 0 THEN NULL ELSE p.id END,
       (ARRAY['47','48','18','61','84','90'])[1 + i % 6], p.region_code,
       CASE WHEN i % 3 = 1 THEN :dept_transport ELSE :dept_housing END,
       r.day - 120, r.day - 20, 5000 + (i % 200) * 1000,
       CASE WHEN i % 50 > 3 THEN 5000 + (i % 200) * 1000 ELSE 0 END, 2 + i % 30, (2 + i % 30) >= 10,
       extract(month FROM r.day) IN (12, 1, 2), '压测案件', CASE WHEN i % 50 > 3 THEN 'MEDIATED' END, r.day,
       r.day + 7, CASE WHEN i % 50 > 0 THEN r.day + 2 END, CASE WHEN i % 50 BETWEEN 1 AND 3 THEN r.day + 84 END,
       CASE WHEN i % 50 > 3 THEN r.day + 30 END, r.day + 2, CASE WHEN i % 50 > 0 THEN r.day + 1 END, 'bench', 'bench'
  FROM generate_series(1, (1000000 * :scale)::int) i
  JOIN bench_project p ON p.n = i % :projects
  JOIN bench_employer e ON e.n = i % :employers
  CROSS JOIN LATERAL (SELECT DATE '2021-01-01' + (i % 2150) AS day) r;

-- The paid-out totals are kept on the case by a trigger; for two million rows it is done once, in bulk.
ALTER TABLE case_claimant DISABLE TRIGGER case_claimant_paid;
INSERT INTO case_claimant (case_id, name, id_number, id_number_hash, id_verified, amount_claimed, amount_paid, paid_on)
SELECT c.id, '压测工人' || k, NULL, NULL, FALSE, c.amount_claimed / 2,
       CASE WHEN c.status = 'TRACKING_ENDED' THEN c.amount_claimed / 2 ELSE 0 END,
       CASE WHEN c.status = 'TRACKING_ENDED' THEN c.closed_on END
  FROM case_file c CROSS JOIN generate_series(1, 2) k WHERE c.created_by = 'bench';
ALTER TABLE case_claimant ENABLE TRIGGER case_claimant_paid;
-- Without fresh statistics the planner takes the just-filled tables for empty and joins them in a nested loop
-- that does not finish.
ANALYZE case_file;
ANALYZE case_claimant;
UPDATE case_file c SET amount_paid_out = k.paid, workers_paid = k.n
  FROM (SELECT case_id, sum(amount_paid) AS paid, count(*) FILTER (WHERE paid_on IS NOT NULL) AS n
          FROM case_claimant GROUP BY case_id) k
 WHERE k.case_id = c.id AND c.created_by = 'bench';

-- The provincial leadership office and its account (password Demo@2021, as every demo account).
INSERT INTO department (region_code, name, kind, sort_order)
SELECT '430000', '湖南省治欠工作领导小组办公室', 'LEADERSHIP_OFFICE', 0
 WHERE NOT EXISTS (SELECT 1 FROM department WHERE name = '湖南省治欠工作领导小组办公室');
INSERT INTO officer (username, display_name, password_hash, region_code, department_id)
SELECT 'shengban', '省治欠办压测账号', o.password_hash, '430000', d.id
  FROM officer o, department d WHERE o.username = 'zhiqianban' AND d.name = '湖南省治欠工作领导小组办公室'
ON CONFLICT (username) DO NOTHING;
INSERT INTO officer_role (officer_id, role_code)
SELECT id, 'LEADERSHIP_OFFICE' FROM officer WHERE username = 'shengban' ON CONFLICT DO NOTHING;

VACUUM (ANALYZE);
SELECT (SELECT count(*) FROM project) AS projects, (SELECT count(*) FROM worker) AS workers,
       (SELECT count(*) FROM payroll_line) AS payroll_lines, (SELECT count(*) FROM case_file) AS cases;
