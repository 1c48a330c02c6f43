-- A credit listing is made only by a decision at the end of the procedure of MOHRSS Decree 45 (人社部令第45号):
-- its decision's number, a term fixed by the kind (Art. 13: 3 years from the decision on the blacklist), and an
-- early removal only with the payment date and the written pledge of Art. 14.
ALTER TABLE employer_credit_listing ADD COLUMN decision_number VARCHAR(60);
ALTER TABLE employer_credit_listing ADD COLUMN paid_up_on DATE;
ALTER TABLE employer_credit_listing ADD COLUMN pledge VARCHAR(1000);
COMMENT ON COLUMN employer_credit_listing.decision_number IS '列入决定书文号（人社部令第45号）';
COMMENT ON COLUMN employer_credit_listing.paid_up_on IS '列入期间全部清偿欠薪日期（提前移出的条件）';
COMMENT ON COLUMN employer_credit_listing.pledge IS '不再拖欠农民工工资的书面信用承诺（提前移出的条件）';

-- Listings typed in without an expiry get the term of their kind (3 years on the blacklist, 1 on key attention).
UPDATE employer_credit_listing
   SET expires_on = listed_on + CASE kind WHEN 'BLACKLIST' THEN INTERVAL '3 years' ELSE INTERVAL '1 year' END
 WHERE expires_on IS NULL;
ALTER TABLE employer_credit_listing ALTER COLUMN expires_on SET NOT NULL;

-- Listings are no longer recorded by hand on the employer's page: the permission names what remains.
UPDATE permission SET name = '登记欠薪记录' WHERE code = 'employer:credit:record';
