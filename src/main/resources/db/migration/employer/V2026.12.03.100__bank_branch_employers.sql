-- A bank's rights over a special wage account (工资专用账户) come from a binding to the bank branch's employer
-- record (by its unified social credit code), no longer from the bank's name. Every bank branch that already has
-- a BANK account here becomes an employer record, so that the industry department can bind accounts to it:
-- its credit code is the account's organisation code, its name the account's organisation name, its industry
-- 66 货币金融服务, its supervising department the region's leadership office (or, failing that, the region's first
-- department). A branch that already has a record is left as it is.
INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id, created_by,
                      updated_by)
SELECT DISTINCT ON (o.organisation_code) o.organisation_name, o.organisation_code, '66', o.region_code, 'OTHER',
       (SELECT d.id FROM department d WHERE d.region_code = o.region_code
         ORDER BY (d.kind = 'LEADERSHIP_OFFICE') DESC, d.id LIMIT 1),
       'migration', 'migration'
  FROM officer o JOIN officer_role r ON r.officer_id = o.id AND r.role_code = 'BANK'
 WHERE o.organisation_code IS NOT NULL AND o.organisation_name IS NOT NULL
   AND EXISTS (SELECT 1 FROM industry_sector s WHERE s.code = '66')
   AND EXISTS (SELECT 1 FROM department d WHERE d.region_code = o.region_code)
   AND NOT EXISTS (SELECT 1 FROM employer e WHERE e.credit_code = o.organisation_code)
 ORDER BY o.organisation_code, o.id;
